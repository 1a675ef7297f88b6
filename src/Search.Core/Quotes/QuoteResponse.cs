namespace Search.Core;

/// <summary>The statements matching a <see cref="QuoteRequest"/>, one page of them, and exact facet counts.</summary>
/// <param name="Query">The query as given.</param>
/// <param name="Total">All matching statements.</param>
/// <param name="Took">Time spent searching.</param>
/// <param name="Quotes">This page's statements, best match first (newest first for an empty query).</param>
/// <param name="Facets">Speaker, group and year counts; each facet's own filter is ignored when counting it.</param>
public sealed record QuoteResponse(string Query, int Total, TimeSpan Took, IReadOnlyList<QuoteHit> Quotes, IReadOnlyList<FacetResult> Facets);

/// <summary>One statement found.</summary>
/// <param name="Speaker">Who said it.</param>
/// <param name="Text">The words, with the query's matches marked.</param>
/// <param name="Context">The sentence around the words, with the query's matches marked.</param>
/// <param name="ArticleId">The article it comes from.</param>
/// <param name="Title">That article's title.</param>
/// <param name="Year">The article's publication year, when known.</param>
/// <param name="Url">The article's URL, when known.</param>
/// <param name="Groups">The groups the words name.</param>
/// <param name="Position">The statement's order in its article, from 0.</param>
/// <param name="Score">BM25 score of the words against the query; 0 for an empty query.</param>
public sealed record QuoteHit(
    string Speaker,
    HighlightedText Text,
    HighlightedText Context,
    string ArticleId,
    string Title,
    int? Year,
    string? Url,
    IReadOnlyList<string> Groups,
    int Position,
    float Score);
