using System.Text.Json;
using System.Text.Json.Nodes;
using Search.Core;

namespace Search.Ingest.Evaluation;

/// <summary>The JSON shape of <c>search extract --json</c>: one object per article.</summary>
public static class ExtractionJson
{
    /// <summary>
    /// <c>{"file", "id", "title", "year", "groups": [...], "speakers": [...], "evidence": {"group": {value: sentence}, "speaker": {…}, "year": {…}}}</c>:
    /// single-valued facets first, each as a value under its name (a number for an integer facet),
    /// then multi-valued ones, each as an array under its plural. <paramref name="file"/> defaults to the article's
    /// source; an empty title and a missing single value are <c>null</c>.
    /// </summary>
    public static JsonObject ToJson(Article article, string? file = null, FacetSchema? facets = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        var json = new JsonObject
        {
            ["file"] = file ?? article.Source ?? article.Id,
            ["id"] = article.Id,
            ["title"] = string.IsNullOrEmpty(article.Title) ? null : article.Title,
        };
        var definitions = (facets ?? FacetSchema.Default).Definitions;
        // Single values first, then lists, so the shape reads like the labels file.
        // Derived facets (the month) are computed when indexing, not extracted.
        foreach (var facet in definitions.Where(f => f.Derive is null).OrderBy(f => f.MultiValued))
        {
            var values = article.Values(facet.Name).Select(v => Value(facet, v)).ToArray();
            if (facet.MultiValued)
                json[facet.Name + "s"] = new JsonArray(values);
            else
                json[facet.Name] = values.FirstOrDefault();
        }
        var evidence = new JsonObject();
        foreach (var facet in definitions.Where(f => f.Derive is null))
        {
            var sentences = new JsonObject();
            foreach (var item in article.Evidence.Where(e => e.Facet == facet.Name))
                sentences.TryAdd(item.Value, item.Sentence);
            evidence[facet.Name] = sentences;
        }
        json["evidence"] = evidence;
        return json;
    }

    private static JsonNode? Value(FacetDefinition facet, string value) =>
        facet.Kind == FacetKind.Integer && facet.TryParseInteger(value, out var number) ? JsonValue.Create(number) : JsonValue.Create(value);

    /// <summary><see cref="ToJson"/> as text, on one line unless <paramref name="indented"/>.</summary>
    public static string Serialize(Article article, string? file = null, bool indented = false) =>
        ToJson(article, file).ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
}
