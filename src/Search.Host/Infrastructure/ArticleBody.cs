using Search.Core;
using Search.Ingest;
using Search.Ingest.Reading;

namespace Search.Host.Infrastructure;

/// <summary>The articles of a write request, or why they cannot be written.</summary>
/// <param name="Articles">Articles ready to index, in request order.</param>
/// <param name="Errors">One sentence per bad record; when any, nothing is written.</param>
internal sealed record ArticleBody(IReadOnlyList<Article> Articles, IReadOnlyList<string> Errors)
{
    private const string FileName = "request.json";

    /// <summary>
    /// Reads one JSON article object or an array of them, in the JSON Lines input shape, through
    /// Search.Ingest so that posted articles are parsed, cleaned and extracted exactly as indexed files are.
    /// </summary>
    public static ArticleBody Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return new ArticleBody([], ["The body is empty; send a JSON article object or an array of them."]);
        var trimmed = json.TrimStart();
        if (!trimmed.StartsWith('{') && !trimmed.StartsWith('['))
            return new ArticleBody([], ["The body is not a JSON object or array."]);

        // Search.Ingest reads JSON articles from files only, so the body goes through a private temporary file.
        var folder = Directory.CreateTempSubdirectory("search-host-");
        try
        {
            var path = Path.Combine(folder.FullName, FileName);
            File.WriteAllText(path, json);
            var articles = new List<Article>();
            var errors = new List<string>();
            foreach (var result in new ArticleFileReader().Read(path))
            {
                switch (result)
                {
                    case IngestedArticle { Article: var article } when article.Id.StartsWith(FileName, StringComparison.Ordinal):
                        errors.Add($"Record {Position(article.Id)} has no 'id'; give every article a stable id.");
                        break;
                    case IngestedArticle { Article: var article }:
                        articles.Add(article with { Source = "api" });
                        break;
                    case SkippedFile skipped:
                        errors.Add(skipped.Reason.Replace(folder.FullName, "", StringComparison.Ordinal));
                        break;
                }
            }
            return new ArticleBody(articles, errors);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Position(string fallbackId) =>
        fallbackId.Length > FileName.Length ? fallbackId[(FileName.Length + 1)..] : "1";
}
