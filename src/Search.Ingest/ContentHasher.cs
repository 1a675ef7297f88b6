using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Search.Core;

namespace Search.Ingest;

/// <summary>Fingerprints an article's content so an unchanged file can be recognised on the next run.</summary>
public static class ContentHasher
{
    /// <summary>
    /// Lower-case hex SHA-256 over title, body, url, published, facet values (by facet name), evidence and statements.
    /// Id, source and any existing hash are not part of it: the hash says what the article says.
    /// </summary>
    /// <remarks>
    /// The hashed bytes are the compact JSON object <c>{"Title","Body","Url","Byline","Published","Facets":[{"Key","Value"}],
    /// "Evidence":[[facet,value,sentence]],"Statements":[[speaker,words,sentence]]}</c> with the serializer's default
    /// escaping. Stored hashes decide what a re-index skips, so these bytes must never change; they are written by hand
    /// rather than by reflection only because every indexed article passes here.
    /// </remarks>
    public static string Compute(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var buffer = new ArrayBufferWriter<byte>(EstimatedLength(article));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("Title", article.Title);
            json.WriteString("Body", article.Body);
            json.WriteString("Url", article.Url);
            json.WriteString("Byline", article.Byline);
            json.WriteString("Published", article.Published?.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStartArray("Facets");
            foreach (var (facet, values) in article.Facets.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                if (values.Count == 0)
                    continue;
                json.WriteStartObject();
                json.WriteString("Key", facet);
                json.WriteStartArray("Value");
                foreach (var value in values)
                    json.WriteStringValue(value);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("Evidence");
            foreach (var evidence in article.Evidence)
                WriteTriple(json, evidence.Facet, evidence.Value, evidence.Sentence);
            json.WriteEndArray();
            json.WriteStartArray("Statements");
            foreach (var statement in article.Statements)
                WriteTriple(json, statement.Speaker, statement.Words, statement.Sentence);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void WriteTriple(Utf8JsonWriter json, string? first, string? second, string? third)
    {
        json.WriteStartArray();
        json.WriteStringValue(first);
        json.WriteStringValue(second);
        json.WriteStringValue(third);
        json.WriteEndArray();
    }

    // Mostly ASCII text plus the names and brackets around it: enough that the buffer rarely grows.
    private static int EstimatedLength(Article article) => article.Title.Length + (article.Body.Length * 11 / 10) + 1024;
}
