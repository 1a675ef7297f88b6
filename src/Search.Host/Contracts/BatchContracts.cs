using Search.Core;

namespace Search.Host.Contracts;

/// <summary>The body of <c>POST /api/batch</c>.</summary>
/// <param name="Entries">The names or phrases, one search each, at most 10,000.</param>
/// <param name="Options">How entries become queries, and what each row returns; <c>null</c> for the defaults.</param>
/// <param name="Filters">
/// What every entry shares, named as the parameters of <c>GET /api/search</c>: facet filters
/// (<c>{"group": ["Lashkar-e-Taiba"]}</c>), <c>from</c>, <c>to</c> and <c>sort</c>, each a list of strings.
/// </param>
public sealed record BatchSearchBody(
    IReadOnlyList<string>? Entries,
    BatchOptionsBody? Options = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters = null);

/// <summary>The options of a batch.</summary>
/// <param name="Phrase"><c>true</c> searches each entry as one exact phrase (default <c>false</c>: the entry is query syntax, as in a search).</param>
/// <param name="Fuzzy">Edits allowed per word, 0 to 2 (default 0); above 0, every word of the entry is required.</param>
/// <param name="Proximity">How far apart a phrase's words may stand, 0 to 100 (default 0); above 0 implies <c>phrase</c>.</param>
/// <param name="Hits">Top hits per entry, 0 to 100 (default 3).</param>
/// <param name="Facets">Facets to count for each entry (default none).</param>
public sealed record BatchOptionsBody(bool? Phrase = null, int? Fuzzy = null, int? Proximity = null, int? Hits = null, IReadOnlyList<string>? Facets = null);

/// <summary>The result of a batch: the body of <c>POST /api/batch</c>.</summary>
/// <param name="Results">One row per entry, in the order of the request.</param>
/// <param name="TookMs">Time spent on the whole batch, in milliseconds.</param>
public sealed record BatchSearchResult(IReadOnlyList<BatchRowResult> Results, double TookMs)
{
    /// <summary>The document for a library response of an index with the facets <paramref name="facets"/>.</summary>
    public static BatchSearchResult From(BatchResponse response, FacetSchema facets)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(facets);
        return new(response.Results.Select(r => BatchRowResult.From(r, facets)).ToArray(), Math.Round(response.Took.TotalMilliseconds, 2));
    }
}

/// <summary>What one entry found, or why it could not be searched.</summary>
/// <param name="Entry">The entry as given.</param>
/// <param name="Query">The query searched for it; <c>null</c> when the entry is empty.</param>
/// <param name="Total">Exact number of matching articles (0 with an error).</param>
/// <param name="First">The earliest publication date of the matches (yyyy-MM-dd); <c>null</c> when none is dated.</param>
/// <param name="Last">The latest publication date of the matches (yyyy-MM-dd); <c>null</c> when none is dated.</param>
/// <param name="Hits">The top hits.</param>
/// <param name="Facets">Counts for the facets asked for.</param>
public sealed record BatchRowResult(
    string Entry,
    string? Query,
    int Total,
    string? First,
    string? Last,
    IReadOnlyList<HitResult> Hits,
    IReadOnlyList<FacetResultBody> Facets)
{
    /// <summary>Why the entry could not be searched (a quote not closed, a pattern over a limit, out of time); <c>null</c> when it was.</summary>
    public string? Error { get; init; }

    /// <summary>The row for one library result.</summary>
    public static BatchRowResult From(BatchResult result, FacetSchema facets)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(facets);
        return new(
            result.Entry,
            result.Query,
            result.Total,
            result.First is null ? null : BatchExporter.Date(result.First),
            result.Last is null ? null : BatchExporter.Date(result.Last),
            result.Hits.Select(HitResult.From).ToArray(),
            result.Facets.Select(f => FacetResultBody.From(f, facets.Get(f.Name))).ToArray())
        {
            Error = result.Error,
        };
    }
}
