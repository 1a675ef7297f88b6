namespace Search.Core;

/// <summary>The result of a search.</summary>
/// <param name="Query">The query as given.</param>
/// <param name="Total">Exact number of matching articles.</param>
/// <param name="Took">Time spent in the library.</param>
/// <param name="Hits">The requested page of hits.</param>
/// <param name="Facets">Counts per facet, in the order of the index's <see cref="FacetSchema"/>.</param>
/// <param name="Warnings">What the library changed or ignored (for example a query that did not parse).</param>
/// <param name="NextCursor">Pass as <see cref="SearchRequest.Cursor"/> for the next page; <c>null</c> when there is none.</param>
/// <param name="TotalWithoutFilters">
/// When nothing matches and the request has filters or ranges: how many articles the query matches
/// without them, so a front end can offer to drop them; otherwise <c>null</c>.
/// </param>
public sealed record SearchResponse(
    string Query,
    int Total,
    TimeSpan Took,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<FacetResult> Facets,
    IReadOnlyList<string> Warnings,
    string? NextCursor,
    int? TotalWithoutFilters = null)
{
    /// <summary>
    /// When the commit this search read was made, if recorded. Every article it could see was indexed at
    /// or before this instant and every later one after it, so it is the mark for "new since this search".
    /// </summary>
    public DateTimeOffset? CommittedAt { get; init; }

    /// <summary>"Did you mean": a spelling of the query that finds clearly more articles; <c>null</c> when the query matches well.</summary>
    public QuerySuggestion? Suggestion { get; init; }

    /// <summary>The date histogram the request asked for (<see cref="SearchRequest.Histogram"/>), or <c>null</c>.</summary>
    public DateHistogram? Histogram { get; init; }
}

/// <summary>One matching article.</summary>
/// <param name="Id">The article id.</param>
/// <param name="Score">BM25 score (for an empty query every article scores the same).</param>
/// <param name="Title">The plain title.</param>
/// <param name="TitleHighlight">The title with matches marked.</param>
/// <param name="Passages">The best passages, in document order; the lead when nothing in the body matched.</param>
/// <param name="Published">Publication date, if known.</param>
/// <param name="Facets">The article's facet values by facet name, every facet of the schema present (empty when the article has none).</param>
/// <param name="Url">The article's address, if known.</param>
public sealed record SearchHit(
    string Id,
    float Score,
    string Title,
    HighlightedText TitleHighlight,
    IReadOnlyList<HighlightedText> Passages,
    DateTimeOffset? Published,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Facets,
    string? Url)
{
    /// <summary>The article's near-duplicate cluster (<see cref="Article.Cluster"/>).</summary>
    public string? Cluster { get; init; }

    /// <summary>The near-duplicates folded into this hit (see <see cref="SearchRequest.Collapse"/>); <c>null</c> when none were.</summary>
    public HitDuplicates? Duplicates { get; init; }

    /// <summary>Why this hit matched and scored as it did (see <see cref="SearchRequest.Explain"/>); <c>null</c> unless asked for.</summary>
    public HitExplanation? Explanation { get; init; }
}

/// <summary>Counts for one facet.</summary>
/// <param name="Name">The facet name.</param>
/// <param name="Label">What a person reads above the values (<see cref="FacetDefinition.Label"/>).</param>
/// <param name="Values">Top values, plus every selected value.</param>
/// <param name="DistinctValues">How many distinct values have a non-zero count.</param>
public sealed record FacetResult(string Name, string Label, IReadOnlyList<FacetValue> Values, int DistinctValues);

/// <summary>One facet value and how many matching articles carry it.</summary>
/// <param name="Value">The display value.</param>
/// <param name="Count">Matching articles with this value; for a facet with a selection, counted as if that facet were not filtered.</param>
/// <param name="Selected">Whether the request filters on this value.</param>
public sealed record FacetValue(string Value, int Count, bool Selected);

/// <summary>Counts over the whole index.</summary>
/// <param name="Documents">Live articles.</param>
/// <param name="Facets">Every facet with its top values.</param>
/// <param name="SizeOnDiskBytes">Bytes used by the index files.</param>
/// <param name="LastCommit">When the index was last committed, if recorded.</param>
/// <param name="LastCommittedBy">What committed it, if recorded.</param>
public sealed record IndexStats(int Documents, IReadOnlyList<FacetResult> Facets, long SizeOnDiskBytes, DateTimeOffset? LastCommit, string? LastCommittedBy)
{
    /// <summary>How many segments the last commit has.</summary>
    public int Segments { get; init; }
}

/// <summary>Lookups in a cache since it was created.</summary>
/// <param name="Hits">Lookups answered from the cache.</param>
/// <param name="Misses">Lookups that had to load.</param>
public sealed record CacheStatistics(long Hits, long Misses)
{
    /// <summary>Hits over all lookups, or 0 before the first lookup.</summary>
    public double HitRatio => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);
}

/// <summary>An article in full with a query's matches marked.</summary>
/// <param name="Article">The stored article.</param>
/// <param name="Title">The whole title, matches marked.</param>
/// <param name="Body">The whole body, matches marked.</param>
/// <param name="Warnings">What the library changed about the query (for example a query that did not parse).</param>
public sealed record ArticleHighlight(Article Article, HighlightedText Title, HighlightedText Body, IReadOnlyList<string> Warnings);
