using Search.Core;
using EsSearchRequest = Elastic.Clients.Elasticsearch.SearchRequest;

namespace Search.Elastic.Querying;

/// <summary>
/// A <see cref="SearchRequest"/> as the cluster's search body, with what the response mapping needs to
/// read the answer back the way <see cref="SearchIndex"/> would have given it.
/// </summary>
/// <param name="Request">The request as given.</param>
/// <param name="Body">The search body, built with the official client's typed API.</param>
/// <param name="Sort">The order the hits come in (the request's, or the default for its query).</param>
/// <param name="Selected">Per facet, the selected values as the articles store them (through the facet's canonicaliser).</param>
/// <param name="Counted">The facets whose counts the body asks for, in schema order.</param>
/// <param name="Warnings">What the translation changed (a query that did not parse, a feature the engine cannot do).</param>
public sealed record ElasticTranslation(
    SearchRequest Request,
    EsSearchRequest Body,
    SortOrder Sort,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Selected,
    IReadOnlyList<FacetDefinition> Counted,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The facets the articles carry: every hit lists each of them.</summary>
    public FacetSchema Schema { get; init; } = FacetSchema.Default;

    /// <summary>Whether hits fold their near-duplicates (the body collapses on the cluster field).</summary>
    public bool Collapsed { get; init; }

    /// <summary>Whether the body asks for the count of the query without filters (for <see cref="SearchResponse.TotalWithoutFilters"/>).</summary>
    public bool CountsWithoutFilters { get; init; }

    /// <summary>The facet the date histogram counts, when the request asks for one.</summary>
    public FacetDefinition? HistogramFacet { get; init; }

    /// <summary>The time the cluster is given, after which the search fails rather than answer short.</summary>
    public TimeSpan TimeBudget { get; init; }
}
