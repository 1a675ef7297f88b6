using Search.Core;

namespace Search.Host.Contracts;

// Saved searches and snapshots on the wire, shared by the HTTP API and `search saved/run --json`.

/// <summary>A saved search with its counts: an entry of <c>GET /api/saved</c>.</summary>
/// <param name="Name">The name.</param>
/// <param name="Query">The query.</param>
/// <param name="Filters">Selected values by facet name.</param>
/// <param name="Ranges">Inclusive ranges by facet name (<c>year</c>: from/to).</param>
/// <param name="Sort"><c>relevance</c>, <c>newest</c>, <c>oldest</c>, or <c>null</c> for the default.</param>
/// <param name="SavedAt">When it was saved.</param>
/// <param name="SeenUntil">Matches indexed after this instant are new; <c>null</c> when the index records no commit time.</param>
/// <param name="Matches">Articles matching it now; <c>null</c> when not counted.</param>
/// <param name="New">Of those, articles indexed since it was saved or last run; <c>null</c> when not counted.</param>
public sealed record SavedSearchResult(
    string Name,
    string Query,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    IReadOnlyDictionary<string, FacetRangeResult> Ranges,
    string? Sort,
    DateTimeOffset SavedAt,
    DateTimeOffset? SeenUntil,
    int? Matches,
    int? New)
{
    /// <summary>The document for a saved search, with counts when known.</summary>
    public static SavedSearchResult From(SavedSearch search, int? matches = null, int? fresh = null)
    {
        ArgumentNullException.ThrowIfNull(search);
        return new(
            search.Name,
            search.Query,
            search.Filters,
            search.Ranges.ToDictionary(r => r.Key, r => new FacetRangeResult(r.Value.From, r.Value.To)),
            search.Sort?.ToString().ToLowerInvariant(),
            search.SavedAt,
            search.SeenUntil,
            matches,
            fresh);
    }

    /// <summary>The document for a listed saved search.</summary>
    public static SavedSearchResult From(SavedSearchSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return From(summary.Search, summary.Matches, summary.New);
    }
}

/// <summary>An inclusive range; either end may be open.</summary>
/// <param name="From">The lowest value, or <c>null</c>.</param>
/// <param name="To">The highest value, or <c>null</c>.</param>
public sealed record FacetRangeResult(int? From, int? To);

/// <summary>The body of <c>GET /api/saved</c>: every saved search, by name.</summary>
/// <param name="Searches">The saved searches with match and new-match counts.</param>
public sealed record SavedSearchListResult(IReadOnlyList<SavedSearchResult> Searches);

/// <summary>A run of a saved search: the body of <c>GET /api/saved/{name}</c> and the output of <c>search run --json</c>.</summary>
/// <param name="Search">The saved search as it was before the run (its <c>seen_until</c> is where "new" starts).</param>
/// <param name="OnlyNew">Whether only matches indexed since the last run were asked for.</param>
/// <param name="Result">The matches, as a search returns them.</param>
public sealed record SavedSearchRunResult(SavedSearchResult Search, bool OnlyNew, SearchResult Result)
{
    /// <summary>The document for a library run on an index with the facets <paramref name="facets"/>.</summary>
    public static SavedSearchRunResult From(SavedSearchRun run, FacetSchema facets)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(SavedSearchResult.From(run.Search), run.OnlyNew, SearchResult.From(run.Response, facets));
    }
}

/// <summary>The body of <c>POST /api/snapshot</c>.</summary>
/// <param name="Destination">The folder written; it opens as an index.</param>
/// <param name="Generation">The generation of the commit copied.</param>
/// <param name="Files">Files copied.</param>
/// <param name="Bytes">Bytes copied.</param>
/// <param name="CommittedAt">When the copied commit was made, if recorded.</param>
public sealed record SnapshotResult(string Destination, long Generation, int Files, long Bytes, DateTimeOffset? CommittedAt)
{
    /// <summary>The document for a library report.</summary>
    public static SnapshotResult From(SnapshotReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.Destination, report.Generation, report.Files, report.Bytes, report.CommittedAt);
    }
}
