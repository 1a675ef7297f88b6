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
        [nameof(SearchRequest.Years)] = "year",
        [nameof(SearchRequest.YearFrom)] = "from",
        [nameof(SearchRequest.YearTo)] = "to",
        [nameof(SearchRequest.Sort)] = "sort",
        [nameof(SearchRequest.Page)] = "page",
        [nameof(SearchRequest.Size)] = "size",
        [nameof(SearchRequest.Cursor)] = "cursor",
        [nameof(SearchRequest.Facets) + "." + nameof(FacetOptions.Names)] = "facet",
        [nameof(SearchRequest.Highlight) + "." + nameof(HighlightOptions.Passages)] = "fragments",
        [nameof(SearchRequest.Highlight) + "." + nameof(HighlightOptions.MaxPassageLength)] = "fragment_length",
        [nameof(FacetValuesRequest.Facet)] = "facet",
        [nameof(FacetValuesRequest.Limit)] = "limit",
    };

    /// <summary>The parameter for <paramref name="property"/>; names the host raised itself pass through unchanged.</summary>
    public static string For(string property) => ByProperty.GetValueOrDefault(property, property);
}
