using System.Globalization;
using System.Text.Json;
using Search.Core;
using Search.Ingest.Extraction;

namespace Search.Ingest.Reading;

/// <summary>One article record from a JSON or JSON Lines file, or the reason it cannot be used.</summary>
/// <param name="Position">The 1-based line number (JSON Lines) or array position (JSON array).</param>
/// <param name="Input">The article input, or <c>null</c> when the record is bad.</param>
/// <param name="Error">Why the record is bad, or <c>null</c>.</param>
internal sealed record JsonRecord(int Position, ArticleInput? Input, string? Error);

/// <summary>
/// Reads articles from JSON: one object per line, or a whole file holding an array or one object.
/// Fields: <c>id</c>, <c>title</c>, <c>body</c> or <c>text</c>, <c>url</c>, <c>published</c> or
/// <c>date</c>, and for each facet of the schema its name or plural (<c>groups</c>, <c>speakers</c>,
/// <c>year</c>) holding a value or an array of values. A record that shares its file with others
/// has the source <c>path#line</c> (or <c>path#position</c> in an array), so each record keeps its own
/// identity; a file holding one object has the plain path.
/// </summary>
internal static class JsonArticleParser
{
    public static IEnumerable<JsonRecord> Parse(string text, string relativePath, string source, bool linesOnly, FacetSchema facets)
    {
        var trimmed = text.TrimStart();
        if (!linesOnly && trimmed.StartsWith('['))
            return ParseArray(text, relativePath, source, facets);
        if (!linesOnly && trimmed.StartsWith('{') && TryParseWhole(text, relativePath, source, facets) is { } single)
            return [single];
        return ParseLines(text, relativePath, source, facets);
    }

    private static IEnumerable<JsonRecord> ParseLines(string text, string relativePath, string source, FacetSchema facets)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
                continue;
            var lineNumber = i + 1;
            JsonRecord record;
            try
            {
                using var doc = JsonDocument.Parse(lines[i]);
                record = FromElement(doc.RootElement, lineNumber, $"{relativePath}#{lineNumber}", $"{source}#{lineNumber}", facets);
            }
            catch (JsonException e)
            {
                record = new JsonRecord(lineNumber, null, $"Line {lineNumber} is not valid JSON: {e.Message}");
            }
            yield return record;
        }
    }

    private static IEnumerable<JsonRecord> ParseArray(string text, string relativePath, string source, FacetSchema facets)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return [new JsonRecord(1, null, $"The file is not valid JSON: {e.Message}")];
        }
        using (doc)
        {
            return doc.RootElement.EnumerateArray()
                .Select((element, index) => FromElement(element, index + 1, $"{relativePath}#{index + 1}", $"{source}#{index + 1}", facets))
                .ToArray();
        }
    }

    private static JsonRecord? TryParseWhole(string text, string relativePath, string source, FacetSchema facets)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return FromElement(doc.RootElement, 1, relativePath, source, facets);
        }
        catch (JsonException)
        {
            // Not one document: the caller falls back to reading it line by line.
            return null;
        }
    }

    private static JsonRecord FromElement(JsonElement element, int position, string fallbackId, string source, FacetSchema facets)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return new JsonRecord(position, null, $"Record {position} is not a JSON object.");
        try
        {
            var body = String(element, "body") ?? String(element, "text");
            if (string.IsNullOrWhiteSpace(body))
                return new JsonRecord(position, null, $"Record {position} has no 'body' or 'text'.");
            var published = String(element, "published") ?? String(element, "date");
            var input = new ArticleInput
            {
                Id = String(element, "id") is { Length: > 0 } id ? id : fallbackId,
                Text = body,
                Title = String(element, "title"),
                Url = String(element, "url"),
                Source = source,
                Published = DateParser.ParseMetadata(published),
                Facets = StatedFacets(element, facets),
            };
            return new JsonRecord(position, input, null);
        }
        catch (InvalidOperationException e)
        {
            return new JsonRecord(position, null, $"Record {position} has a field of the wrong type: {e.Message}");
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw new InvalidOperationException($"'{name}' must be a string."),
        } : null;

    /// <summary>The facets the record states, under the facet's name or its plural; an absent or null field is not stated.</summary>
    private static Dictionary<string, IReadOnlyList<string>>? StatedFacets(JsonElement element, FacetSchema facets)
    {
        var stated = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var facet in facets.Definitions)
        {
            foreach (var name in new[] { facet.Name, facet.Name + "s" })
            {
                if (Values(element, name, facet) is { } values)
                    stated[facet.Name] = values;
            }
        }
        return stated.Count == 0 ? null : stated;
    }

    private static IReadOnlyList<string>? Values(JsonElement element, string name, FacetDefinition facet)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : [value];
        return items.Select(item => Value(item, name, facet)).ToArray();
    }

    private static string Value(JsonElement item, string name, FacetDefinition facet)
    {
        if (facet.Kind == FacetKind.Integer)
        {
            var text = item.ValueKind is JsonValueKind.Number or JsonValueKind.String ? item.ToString() : null;
            return facet.TryParseInteger(text, out var number)
                ? number.ToString(CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"'{name}' must be a whole number.");
        }
        return item.ValueKind == JsonValueKind.String
            ? item.GetString()!
            : throw new InvalidOperationException($"'{name}' must be an array of strings.");
    }
}
