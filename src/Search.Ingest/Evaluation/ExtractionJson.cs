using System.Text.Json;
using System.Text.Json.Nodes;
using Search.Core;

namespace Search.Ingest.Evaluation;

/// <summary>The JSON shape of <c>search extract --json</c>: one object per article.</summary>
public static class ExtractionJson
{
    /// <summary>
    /// <c>{"file", "id", "title", "year", "groups": [...], "speakers": [...], "evidence": {"group": {value: sentence}, "speaker": {…}, "year": {…}}}</c>.
    /// <paramref name="file"/> defaults to the article's source; an empty title and an unknown year are <c>null</c>.
    /// </summary>
    public static JsonObject ToJson(Article article, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        var evidence = new JsonObject();
        foreach (var facet in FacetNames.All)
        {
            var values = new JsonObject();
            foreach (var item in article.Evidence.Where(e => e.Facet == facet))
                values.TryAdd(item.Value, item.Sentence);
            evidence[facet] = values;
        }
        return new JsonObject
        {
            ["file"] = file ?? article.Source ?? article.Id,
            ["id"] = article.Id,
            ["title"] = string.IsNullOrEmpty(article.Title) ? null : article.Title,
            ["year"] = article.Year,
            ["groups"] = new JsonArray(article.Groups.Select(g => (JsonNode?)JsonValue.Create(g)).ToArray()),
            ["speakers"] = new JsonArray(article.Speakers.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            ["evidence"] = evidence,
        };
    }

    /// <summary><see cref="ToJson"/> as text, on one line unless <paramref name="indented"/>.</summary>
    public static string Serialize(Article article, string? file = null, bool indented = false) =>
        ToJson(article, file).ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
}
