namespace Search.Core;

/// <summary>
/// Many searches in one call: a list of entries (names or phrases), each counted, dated and given its
/// top hits under the same filters. See <see cref="SearchIndex.SearchBatch"/>.
/// </summary>
public sealed record BatchRequest
{
    /// <summary>The entries, 1 to <see cref="SearchLimits.MaxBatchEntries"/>, answered in this order.</summary>
    public required IReadOnlyList<BatchEntry> Entries { get; init; }

    /// <summary>How an entry becomes a query unless the entry says otherwise (default: as typed, in the query syntax of a search).</summary>
    public BatchMatching Matching { get; init; } = new();

    /// <summary>
    /// What every entry shares: filters, ranges, <see cref="SearchRequest.IndexedAfter"/>, the order of
    /// the hits, highlighting, facet options and the time budget (which applies to each entry on its own).
    /// Its query, paging and histogram are ignored.
    /// </summary>
    public SearchRequest Search { get; init; } = new();

    /// <summary>Top hits returned per entry, 0 to <see cref="SearchLimits.MaxPageSize"/> (default 3).</summary>
    public int Hits { get; init; } = 3;

    /// <summary>The facets counted for each entry's matches (default none); values per facet as in <see cref="FacetOptions.TopN"/> of <see cref="Search"/>.</summary>
    public IReadOnlyList<string> Facets { get; init; } = [];

    /// <summary>How many entries run at once, 1 to <see cref="SearchLimits.MaxBatchParallelism"/> (default the number of processors, at most that).</summary>
    public int Parallelism { get; init; } = Math.Min(Environment.ProcessorCount, SearchLimits.MaxBatchParallelism);

    /// <summary>A request for entries given as plain text, each matched by <paramref name="matching"/> (default: as typed).</summary>
    public static BatchRequest For(IEnumerable<string> entries, BatchMatching? matching = null) => new()
    {
        Entries = entries.Select(e => new BatchEntry(e)).ToArray(),
        Matching = matching ?? new BatchMatching(),
    };
}

/// <summary>One entry of a batch: a name, phrase or query, with its own matching options when they differ from the batch's.</summary>
/// <param name="Text">The entry as the user wrote it.</param>
/// <param name="Matching">How this entry becomes a query; <c>null</c> uses <see cref="BatchRequest.Matching"/>.</param>
public sealed record BatchEntry(string Text, BatchMatching? Matching = null);

/// <summary>
/// How an entry's text becomes a query. By default the text is a query as typed into a search
/// (so <c>Hafiz Saeed</c> matches either word and <c>"Hafiz Saeed"</c> the phrase).
/// <see cref="Phrase"/> searches the text as one exact phrase; <see cref="Proximity"/> lets its words
/// stand up to that many positions apart (and implies a phrase); <see cref="Fuzzy"/> requires every word
/// of the text, each within that many edits. Fuzzy matching does not combine with a phrase.
/// </summary>
public sealed record BatchMatching
{
    /// <summary>Whether the text is searched as one exact phrase (quotes in it are dropped).</summary>
    public bool Phrase { get; init; }

    /// <summary>Edits allowed per word, 0 (exact, the default) to <see cref="SearchLimits.MaxFuzzyEdits"/>; above 0, every word is required.</summary>
    public int Fuzzy { get; init; }

    /// <summary>How far apart the phrase's words may stand (Lucene's phrase slop), 0 (adjacent, the default) to <see cref="SearchLimits.MaxProximity"/>; above 0 implies <see cref="Phrase"/>.</summary>
    public int Proximity { get; init; }
}

/// <summary>The answer to a batch: one result per entry, in the order of the request.</summary>
/// <param name="Results">One per entry.</param>
/// <param name="Took">Time spent in the library for the whole batch.</param>
public sealed record BatchResponse(IReadOnlyList<BatchResult> Results, TimeSpan Took)
{
    /// <summary>When the commit every entry read was made, if recorded (see <see cref="SearchResponse.CommittedAt"/>).</summary>
    public DateTimeOffset? CommittedAt { get; init; }
}

/// <summary>
/// What one entry found: its matches' count and date span, its top hits and, when asked, facet counts;
/// or, for an entry that cannot be searched, <see cref="Error"/> and nothing else.
/// </summary>
/// <param name="Entry">The entry's text as given.</param>
public sealed record BatchResult(string Entry)
{
    /// <summary>The query searched for the entry (after <see cref="BatchMatching"/>); <c>null</c> when the entry is empty.</summary>
    public string? Query { get; init; }

    /// <summary>Exactly how many articles match (as a search with the same query and filters counts them).</summary>
    public int Total { get; init; }

    /// <summary>The earliest publication date among the matches (1 January of the year for an article with only a year); <c>null</c> when none is dated.</summary>
    public DateTimeOffset? First { get; init; }

    /// <summary>The latest publication date among the matches; <c>null</c> when none is dated.</summary>
    public DateTimeOffset? Last { get; init; }

    /// <summary>The top <see cref="BatchRequest.Hits"/> matches, in the order of <see cref="SearchRequest.Sort"/>.</summary>
    public IReadOnlyList<SearchHit> Hits { get; init; } = [];

    /// <summary>Counts for the facets of <see cref="BatchRequest.Facets"/>, in the schema's order.</summary>
    public IReadOnlyList<FacetResult> Facets { get; init; } = [];

    /// <summary>Why the entry could not be searched (a quote not closed, a pattern over a limit, out of time); <c>null</c> when it was.</summary>
    public string? Error { get; init; }
}
