namespace Search.Core;

/// <summary>How hits are ordered.</summary>
public enum SortOrder
{
    /// <summary>Best BM25 score first; the default when there is a query.</summary>
    Relevance,

    /// <summary>Latest publication date first; the default when the query is empty. Undated articles come last.</summary>
    Newest,

    /// <summary>Earliest publication date first. Undated articles come last.</summary>
    Oldest,
}

/// <summary>One search: a query, filters, sorting, paging and what to return.</summary>
/// <remarks>
/// Filters on one facet are OR-ed (any of the values); filters on different facets and ranges
/// are AND-ed with each other and with the query.
/// </remarks>
public sealed record SearchRequest
{
    /// <summary>Lucene query syntax, at most <see cref="SearchLimits.MaxQueryLength"/> characters; empty or whitespace browses every article, newest first.</summary>
    public string Query { get; init; } = "";

    /// <summary>
    /// Selected values by facet name (OR within a facet, AND across facets). Values are matched
    /// ignoring case and accents, through the facet's <see cref="FacetDefinition.Canonicalize"/> hook.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Inclusive ranges by facet name, for facets that allow them (<see cref="FacetDefinition.AllowsRanges"/>).</summary>
    public IReadOnlyDictionary<string, FacetRange> Ranges { get; init; } = new Dictionary<string, FacetRange>();

    /// <summary>
    /// Only articles indexed (written by an <see cref="ArticleWriter"/>) after this instant; <c>null</c>
    /// (the default) for all. Pass a <see cref="SearchResponse.CommittedAt"/> to get what is new since that search.
    /// </summary>
    public DateTimeOffset? IndexedAfter { get; init; }

    /// <summary>The order of hits; <c>null</c> means relevance with a query and newest without.</summary>
    public SortOrder? Sort { get; init; }

    /// <summary>1-based page number (ignored when <see cref="Cursor"/> is set).</summary>
    public int Page { get; init; } = 1;

    /// <summary>Hits per page, 0 to <see cref="SearchLimits.MaxPageSize"/> (0 returns only counts and facets); page × size may not pass <see cref="SearchLimits.MaxPagingDepth"/>.</summary>
    public int Size { get; init; } = 10;

    /// <summary>A <see cref="SearchResponse.NextCursor"/> from a previous response with the same query, filters and sort.</summary>
    public string? Cursor { get; init; }

    /// <summary>Facet options; <c>null</c> uses the defaults.</summary>
    public FacetOptions Facets { get; init; } = new();

    /// <summary>Highlighting options.</summary>
    public HighlightOptions Highlight { get; init; } = new();

    /// <summary>A date histogram of the matches to return with the hits; <c>null</c> (the default) for none.</summary>
    public HistogramOptions? Histogram { get; init; }
    /// <summary>
    /// Whether near-duplicates (the same story republished with small edits) fold into their best
    /// hit, which lists the others in <see cref="SearchHit.Duplicates"/> (default true). Folding is
    /// per page when paging by <see cref="Cursor"/>.
    /// </summary>
    public bool Collapse { get; init; } = true;

    /// <summary>Whether each hit carries <see cref="SearchHit.Explanation"/>: its score broken down by term, and its facet evidence (default false).</summary>
    public bool Explain { get; init; }

    /// <summary>Whether a response to a query with rare or unknown words may carry a <see cref="SearchResponse.Suggestion"/> (default true).</summary>
    public bool Suggest { get; init; } = true;

    /// <summary>
    /// How long this search may run, above zero and at most <see cref="SearchLimits.MaxTimeBudget"/>;
    /// <c>null</c> uses the index's <see cref="SearchIndexOptions.TimeBudget"/>.
    /// </summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>The selected values of a facet (case-insensitive name); empty when there are none.</summary>
    public IReadOnlyList<string> SelectedValues(string facet) =>
        Filters.FirstOrDefault(f => string.Equals(f.Key, facet, StringComparison.OrdinalIgnoreCase)).Value ?? [];

    /// <summary>The range on a facet (case-insensitive name), or <c>null</c>.</summary>
    public FacetRange? RangeOf(string facet) =>
        Ranges.FirstOrDefault(r => string.Equals(r.Key, facet, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Checks the request's bounds against <see cref="SearchLimits"/> and <paramref name="facets"/>, as <see cref="SearchIndex.Search"/> does before any work.</summary>
    /// <exception cref="InvalidSearchRequestException">Something is out of bounds; the message says what to fix.</exception>
    public void Validate(FacetSchema facets) => Querying.RequestValidator.Validate(this, facets);
}

/// <summary>Which facets to count and how many values to return.</summary>
public sealed record FacetOptions
{
    /// <summary>Values returned per facet, most frequent first, 0 to <see cref="SearchLimits.MaxFacetTopN"/> (default 10). Selected values are always returned as well.</summary>
    public int TopN { get; init; } = 10;

    /// <summary>The facets to count; <c>null</c> (the default) counts every facet of the schema.</summary>
    public IReadOnlyList<string>? Names { get; init; }

    /// <summary>Facets whose values come back in value order (years in time order) instead of by count (default: none).</summary>
    public IReadOnlyList<string> OrderedByValue { get; init; } = [];
}

/// <summary>How passages are chosen and how long they are.</summary>
public sealed record HighlightOptions
{
    /// <summary>Whether to highlight at all (default true).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Best passages returned per hit, in document order, 0 to <see cref="SearchLimits.MaxPassages"/> (default 2).</summary>
    public int Passages { get; init; } = 2;

    /// <summary>Longest passage in characters, before the ellipsis, <see cref="SearchLimits.MinPassageLength"/> to <see cref="SearchLimits.MaxPassageLength"/> (default 240).</summary>
    public int MaxPassageLength { get; init; } = 240;
}

/// <summary>A request for the values of one facet under a search, optionally filtered by prefix.</summary>
public sealed record FacetValuesRequest
{
    /// <summary>The facet: a name in the index's <see cref="FacetSchema"/>.</summary>
    public required string Facet { get; init; }

    /// <summary>Values with a word starting with this (case and accents ignored); empty for all.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>Most values returned, 1 to <see cref="SearchLimits.MaxFacetValuesLimit"/> (default <see cref="SearchLimits.DefaultFacetValuesLimit"/>).</summary>
    public int Limit { get; init; } = SearchLimits.DefaultFacetValuesLimit;

    /// <summary>The search whose matches are counted; its own filter on <see cref="Facet"/> is ignored (drill-sideways).</summary>
    public SearchRequest Search { get; init; } = new();

    /// <summary>Checks the request's bounds against <see cref="SearchLimits"/> and <paramref name="facets"/>, as <see cref="SearchIndex.GetFacetValues"/> does before any work.</summary>
    /// <exception cref="InvalidSearchRequestException">Something is out of bounds; the message says what to fix.</exception>
    public void Validate(FacetSchema facets) => Querying.RequestValidator.Validate(this, facets);
}
