using Search.Core;

namespace Search.Host.Apis;

/// <summary>
/// The query-string parameter behind each request property the library names in its errors, so a
/// 400 points at what the client sent (<c>fragments</c>) rather than at the library's property
/// (<c>Highlight.Passages</c>).
/// </summary>
internal static class RequestParameterNames
{
    private static readonly Dictionary<string, string> ByProperty = new(StringComparer.Ordinal)
    {
        [nameof(SearchRequest.Query)] = "q",
        [nameof(SearchRequest.Sort)] = "sort",
        [nameof(SearchRequest.Page)] = "page",
        [nameof(SearchRequest.Size)] = "size",
        [nameof(SearchRequest.Cursor)] = "cursor",
        [nameof(SearchRequest.Facets) + "." + nameof(FacetOptions.Names)] = "facet",
        [nameof(SearchRequest.Highlight) + "." + nameof(HighlightOptions.Passages)] = "fragments",
        [nameof(SearchRequest.Highlight) + "." + nameof(HighlightOptions.MaxPassageLength)] = "fragment_length",
        [nameof(FacetValuesRequest.Facet)] = "facet",
        [nameof(FacetValuesRequest.Limit)] = "limit",
        [nameof(SearchRequest.Histogram)] = "histogram",
        [nameof(SearchRequest.Histogram) + "." + nameof(HistogramOptions.From)] = "histogram_from",
        [nameof(SearchRequest.Histogram) + "." + nameof(HistogramOptions.To)] = "histogram_to",
        [nameof(PivotRequest.Rows)] = "rows",
        [nameof(PivotRequest.Columns)] = "cols",
        [nameof(PivotRequest.TopRows)] = "top_rows",
        [nameof(PivotRequest.TopColumns)] = "top_cols",
    };

    /// <summary>
    /// The parameter for <paramref name="property"/>: a facet filter (<c>Filters.group</c>) is the facet's
    /// own parameter, a range (<c>Ranges.year</c>) is <c>from</c>; names the host raised itself
    /// pass through unchanged.
    /// </summary>
    public static string For(string property) =>
        property.StartsWith(FiltersPrefix, StringComparison.Ordinal) ? property[FiltersPrefix.Length..]
        : property.StartsWith(RangesPrefix, StringComparison.Ordinal) ? "from"
        : ByProperty.GetValueOrDefault(property, property);

    private const string FiltersPrefix = nameof(SearchRequest.Filters) + ".";
    private const string RangesPrefix = nameof(SearchRequest.Ranges) + ".";
}
