using System.CommandLine;
using Search.Core;

namespace Search.Cli.Commands;

/// <summary>
/// The options that pick a search's matches — a filter per facet, <c>--from</c>/<c>--to</c> and
/// <c>--sort</c> — for verbs that work on all matches rather than a page (<c>pivot</c>, <c>export</c>).
/// </summary>
internal sealed class SearchRequestOptions
{
    private readonly (FacetDefinition Facet, Option<string[]> Option)[] _filters;
    private readonly FacetDefinition _year;
    private readonly Option<int?> _from;
    private readonly Option<int?> _to;
    private readonly Option<string?> _sort;

    public SearchRequestOptions()
    {
        var facets = FacetSchema.Default;
        _filters = facets.Definitions.Select(f => (f, CliApp.FacetOption(f, facets))).ToArray();
        _year = facets.Get(FacetNames.Year);
        _from = CliApp.FacetValueOption(_year, "--from", "", "Only articles published in or after this year.");
        _to = CliApp.FacetValueOption(_year, "--to", "", "Only articles published in or before this year.");
        _sort = new Option<string?>("--sort") { Description = "relevance (default with a query), newest (default without) or oldest." };
        _sort.AcceptOnlyFromAmong([.. SearchLimits.SortOrderNames]);
    }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var (_, option) in _filters)
            command.Options.Add(option);
        command.Options.Add(_from);
        command.Options.Add(_to);
        command.Options.Add(_sort);
    }

    /// <summary>The request for <paramref name="query"/> with the filters, range and sort given on the command line.</summary>
    /// <exception cref="UsageException">Both a year and a year range were given.</exception>
    public SearchRequest ToRequest(ParseResult parsed, string query)
    {
        var selected = _filters
            .Select(f => (f.Facet.Name, Values: parsed.GetValue(f.Option) ?? []))
            .Where(f => f.Values.Length > 0)
            .ToDictionary(f => f.Name, f => (IReadOnlyList<string>)f.Values);
        var (from, to) = (parsed.GetValue(_from), parsed.GetValue(_to));
        if (selected.ContainsKey(_year.Name) && (from is not null || to is not null))
            throw new UsageException("Use either --year or --from/--to, not both.");
        return new SearchRequest
        {
            Query = query,
            Filters = selected,
            Ranges = from is null && to is null
                ? new Dictionary<string, FacetRange>()
                : new Dictionary<string, FacetRange> { [_year.Name] = new(from, to) },
            Sort = SearchCommand.ParseSort(parsed.GetValue(_sort)),
        };
    }
}
