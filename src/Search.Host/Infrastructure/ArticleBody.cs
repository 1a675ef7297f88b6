using Search.Core;
using Search.Ingest;
using Search.Ingest.Reading;

namespace Search.Host.Infrastructure;

/// <summary>The articles of a write request, or why they cannot be written.</summary>
/// <param name="Articles">Articles ready to index, in request order.</param>
/// <param name="Errors">One sentence per bad record; when any, nothing is written.</param>
internal sealed record ArticleBody(IReadOnlyList<IngestedArticle> Articles, IReadOnlyList<string> Errors)
{
    /// <summary>The source recorded for articles written through the API.</summary>
    private const string Source = "api";

    /// <summary>
    /// Reads one JSON article object or an array of them, in the JSON Lines input shape, through
    /// Search.Ingest so that posted articles are parsed, cleaned and extracted exactly as indexed files are.
    /// </summary>
    public static ArticleBody Parse(string json, FacetSchema facets)
    {
        if (string.IsNullOrWhiteSpace(json))
            return new ArticleBody([], ["The body is empty; send a JSON article object or an array of them."]);
        var trimmed = json.TrimStart();
        if (!trimmed.StartsWith('{') && !trimmed.StartsWith('['))
            return new ArticleBody([], ["The body is not a JSON object or array."]);

        var articles = new List<IngestedArticle>();
        var errors = new List<string>();
        foreach (var result in new ArticleFileReader(new IngestOptions { Facets = facets }).ReadJson(json, Source))
        {
            switch (result)
            {
                // Without an id the reader names a record after its source and position, which is no stable id.
                case IngestedArticle { Article: var article } when article.Id == Source || article.Id.StartsWith(Source + "#", StringComparison.Ordinal):
                    errors.Add($"Record {(article.Id == Source ? "1" : article.Id[(Source.Length + 1)..])} has no 'id'; give every article a stable id.");
                    break;
                case IngestedArticle { Article: var article }:
                    articles.Add(new IngestedArticle(article with { Source = Source }, new SourceRef(Source)));
                    break;
                case SkippedFile skipped:
                    errors.Add(skipped.Reason);
                    break;
            }
        }
        return new ArticleBody(articles, errors);
    }
}
