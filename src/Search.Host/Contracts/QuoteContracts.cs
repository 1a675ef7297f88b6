using Search.Core;

namespace Search.Host.Contracts;

/// <summary>The result of a quote search: the body of <c>GET /api/quotes</c> and the output of <c>search quotes --json</c>.</summary>
/// <param name="Query">The query as given.</param>
/// <param name="TookMs">Time spent searching, in milliseconds.</param>
/// <param name="Total">Exact number of matching statements.</param>
/// <param name="Quotes">The requested page of statements, best match first.</param>
/// <param name="Facets">Speaker, group and year counts over the statements, each ignoring its own filter.</param>
public sealed record QuoteResult(string Query, double TookMs, int Total, IReadOnlyList<QuoteHitResult> Quotes, IReadOnlyList<FacetResultBody> Facets)
{
    /// <summary>The document for a library response.</summary>
    public static QuoteResult From(QuoteResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new(
            response.Query,
            Math.Round(response.Took.TotalMilliseconds, 2),
            response.Total,
            response.Quotes.Select(QuoteHitResult.From).ToArray(),
            response.Facets.Select(f => new FacetResultBody(f.Name, f.Label, f.Name == FacetNames.Year ? "integer" : "keyword", f.Values.Select(FacetValueResult.From).ToArray(), f.DistinctValues)).ToArray());
    }
}

/// <summary>One statement.</summary>
/// <param name="Speaker">Who said it.</param>
/// <param name="Text">The plain words.</param>
/// <param name="TextHtml">The words HTML-escaped with the query's matches in <c>&lt;mark&gt;</c>.</param>
/// <param name="ContextHtml">The sentence around the words, HTML-escaped, matches marked.</param>
/// <param name="ArticleId">The article the statement comes from.</param>
/// <param name="Title">That article's title.</param>
/// <param name="Year">The article's publication year, if known.</param>
/// <param name="Url">The article's address, if known.</param>
/// <param name="Groups">The groups the words name.</param>
/// <param name="Position">The statement's order in its article, from 0.</param>
/// <param name="Score">BM25 score of the words; 0 without a query.</param>
public sealed record QuoteHitResult(
    string Speaker,
    string Text,
    string TextHtml,
    string ContextHtml,
    string ArticleId,
    string Title,
    int? Year,
    string? Url,
    IReadOnlyList<string> Groups,
    int Position,
    double Score)
{
    internal static QuoteHitResult From(QuoteHit hit) => new(
        hit.Speaker, hit.Text.Text, hit.Text.Html, hit.Context.Html, hit.ArticleId, hit.Title, hit.Year, hit.Url, hit.Groups, hit.Position, Math.Round(hit.Score, 4));
}
