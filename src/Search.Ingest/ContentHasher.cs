using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Search.Core;

namespace Search.Ingest;

/// <summary>Fingerprints an article's content so an unchanged file can be recognised on the next run.</summary>
public static class ContentHasher
{
    /// <summary>
    /// Lower-case hex SHA-256 over title, body, url, published, facet values (by facet name) and evidence.
    /// Id, source and any existing hash are not part of it: the hash says what the article says.
    /// </summary>
    public static string Compute(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var content = new
        {
            article.Title,
            article.Body,
            article.Url,
            article.Byline,
            Published = article.Published?.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            Facets = article.Facets.OrderBy(f => f.Key, StringComparer.Ordinal).Where(f => f.Value.Count > 0).Select(f => new { f.Key, f.Value }),
            Evidence = article.Evidence.Select(e => new[] { e.Facet, e.Value, e.Sentence }),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(content);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
