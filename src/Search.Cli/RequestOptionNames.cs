using Search.Core;

namespace Search.Cli;

/// <summary>
/// The command-line option behind each request property the library names in its errors, so a
/// rejected value is reported against what the user typed (<c>--limit</c>, not <c>Size</c>).
/// </summary>
internal static class RequestOptionNames
{
    private static readonly Dictionary<string, string> ByProperty = new(StringComparer.Ordinal)
    {
        [nameof(SearchRequest.Query)] = "the query",
        [nameof(SearchRequest.Sort)] = "--sort",
        [nameof(SearchRequest.Page)] = "--page",
        [nameof(SearchRequest.Size)] = "--limit",
    };

    /// <summary>The error as one line: the option it concerns, when the command line has one, then the library's sentence.</summary>
    public static string Describe(InvalidSearchRequestException error) =>
        Option(error.Parameter) is { } option ? $"{option}: {error.Message}" : error.Message;

    private static string? Option(string property) =>
        property.StartsWith(FiltersPrefix, StringComparison.Ordinal) ? "--" + property[FiltersPrefix.Length..]
        : property.StartsWith(RangesPrefix, StringComparison.Ordinal) ? "--from/--to"
        : ByProperty.GetValueOrDefault(property);

    private const string FiltersPrefix = nameof(SearchRequest.Filters) + ".";
    private const string RangesPrefix = nameof(SearchRequest.Ranges) + ".";
}
