using Search.Core;

namespace Search.Cli.Shell;

/// <summary>
/// What Tab completes in the shell: command names after <c>:</c>, facet names after
/// <c>:filter</c> and <c>:values</c>, a facet's values (under the current search) after
/// <c>:filter FACET</c>, and sort orders after <c>:sort</c>. Queries are not completed.
/// </summary>
internal sealed class ShellCompletion(ISearchBackend index, Func<ShellState> state)
{
    private const int MaxValues = 50;

    private static readonly string[] Sorts = ["relevance", "newest", "oldest", "default"];

    /// <summary>Every command name, from the help table (":f", ":filter", ":u", …).</summary>
    public static IReadOnlyList<string> CommandNames { get; } = ShellInputParser.Commands
        .SelectMany(c => c.Usage.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Where(word => word.Length > 1 && word[0] == ':')
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The completion of <paramref name="beforeCursor"/>, the line up to the cursor.</summary>
    public Completion Complete(string beforeCursor)
    {
        ArgumentNullException.ThrowIfNull(beforeCursor);
        if (!beforeCursor.StartsWith(':'))
            return Completion.None;
        var firstSpace = beforeCursor.IndexOf(' ', StringComparison.Ordinal);
        if (firstSpace < 0)
            return new(0, Matching(CommandNames, beforeCursor));

        var command = beforeCursor[..firstSpace].ToLowerInvariant();
        var argumentsStart = firstSpace + 1;
        var arguments = beforeCursor[argumentsStart..];
        if (command == ":sort")
            return new(argumentsStart, Matching(Sorts, arguments));
        if (command is not (":filter" or ":f" or ":values" or ":v"))
            return Completion.None;

        var facetEnd = arguments.IndexOf(' ', StringComparison.Ordinal);
        if (facetEnd < 0)
            return new(argumentsStart, Matching(index.Facets.Names, arguments));
        if (command is ":values" or ":v" || ShellInputParser.ParseFacet(arguments[..facetEnd]) is not { } facet)
            return Completion.None;

        // A value may hold spaces ("Mike Pompeo"), so the whole rest of the line is the value.
        var valueStart = argumentsStart + facetEnd + 1;
        var prefix = beforeCursor[valueStart..];
        IReadOnlyList<FacetValue> values;
        try
        {
            values = index.GetFacetValues(new FacetValuesRequest { Facet = facet, Prefix = prefix, Limit = MaxValues, Search = state().ToRequest() });
        }
        catch (SearchException)
        {
            return Completion.None;
        }
        // The index finds values with any word starting with the prefix ("Mi" → "Mike Pompeo", "Matthew
        // Miller"); only those that start with it can replace what is typed.
        return new(valueStart, Matching(values.Select(v => v.Value), prefix));
    }

    private static IReadOnlyList<string> Matching(IEnumerable<string> names, string typed) =>
        names.Where(n => n.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToArray();
}
