using System.Globalization;
using System.Text.Json;
using Search.Core;
using Search.Ingest.Extraction;

namespace Search.Ingest.Reading;

/// <summary>One article record read from a file, or the reason it cannot be used, or the work still to do to tell.</summary>
/// <param name="Source">The file and, when the file holds many articles, the record's line or position.</param>
/// <param name="Input">The article input, or <c>null</c> when the record is bad or not finished.</param>
/// <param name="Error">Why the record is bad, or <c>null</c>.</param>
/// <param name="Later">
/// When not <c>null</c>, what finishes reading the record (parsing a page), called once on any thread:
/// the thread that reads the files only reads them, and the parsing runs with extraction, on every core.
/// </param>
internal sealed record FormatRecord(SourceRef Source, ArticleInput? Input, string? Error, Func<FormatRecord>? Later = null);

/// <summary>
/// Reads articles from JSON: one object per line, or a whole text holding an array or one object.
/// Fields: <c>id</c> (string or number), <c>title</c>, <c>body</c> or <c>text</c>, <c>url</c>,
/// <c>published</c> or <c>date</c> (strings), and each facet of the schema under its name or its name
/// plus <c>s</c> (<c>groups</c>, <c>speakers</c>: arrays of strings; <c>year</c>: a whole number), as one
/// value or an array. A field of another type makes the record bad, so <c>"body": 5</c> is
/// reported rather than indexed as the text "5". A record that shares its file with others has the
/// source <c>path#line</c> (or <c>path#position</c> in an array); a file holding one object has the plain path.
/// </summary>
internal static class JsonArticleParser
{
    /// <summary>Reads text already in memory: an array, one object, or (when neither) one object per line.</summary>
    public static IEnumerable<FormatRecord> Parse(string text, string relativePath, string file, bool linesOnly, FacetSchema facets)
    {
        var trimmed = text.TrimStart();
        if (!linesOnly && trimmed.StartsWith('['))
            return ParseArray(text, relativePath, file, facets);
        if (!linesOnly && trimmed.StartsWith('{') && TryParseWhole(text, relativePath, file, facets) is { } single)
            return [single];
        return ParseLines(text, relativePath, file, facets);
    }

    /// <summary>Reads one line of a JSON Lines file; <paramref name="line"/> is its 1-based number.</summary>
    public static FormatRecord ParseLine(ReadOnlySpan<char> json, int line, string relativePath, string file, FacetSchema facets)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToString());
            return FromElement(doc.RootElement, line, relativePath, new SourceRef(file, line), facets);
        }
        catch (JsonException e)
        {
            return new FormatRecord(new SourceRef(file, line), null, $"Line {line} is not valid JSON: {e.Message}");
        }
    }

    private static IEnumerable<FormatRecord> ParseLines(string text, string relativePath, string file, FacetSchema facets)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
                yield return ParseLine(lines[i], i + 1, relativePath, file, facets);
        }
    }

    private static IEnumerable<FormatRecord> ParseArray(string text, string relativePath, string file, FacetSchema facets)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return [new FormatRecord(new SourceRef(file), null, $"The file is not valid JSON: {e.Message}")];
        }
        using (doc)
        {
            return doc.RootElement.EnumerateArray()
                .Select((element, index) => FromElement(element, index + 1, relativePath, new SourceRef(file, index + 1), facets))
                .ToArray();
        }
    }

    private static FormatRecord? TryParseWhole(string text, string relativePath, string file, FacetSchema facets)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return FromElement(doc.RootElement, 1, relativePath, new SourceRef(file), facets);
        }
        catch (JsonException)
        {
            // Not one document: the caller falls back to reading it line by line.
            return null;
        }
    }

    private static FormatRecord FromElement(JsonElement element, int position, string relativePath, SourceRef source, FacetSchema facets)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return new FormatRecord(source, null, $"Record {position} is not a JSON object.");
        try
        {
            var body = String(element, "body") ?? String(element, "text");
            if (string.IsNullOrWhiteSpace(body))
                return new FormatRecord(source, null, $"Record {position} has no 'body' or 'text'.");
            var published = String(element, "published") ?? String(element, "date");
            var input = new ArticleInput
            {
                Id = Id(element) is { Length: > 0 } id ? id : source.Record is null ? relativePath : $"{relativePath}#{position}",
                Text = body,
                Title = String(element, "title"),
                Url = String(element, "url"),
                Source = source.ToString(),
                Published = DateParser.ParseMetadata(published),
                Facets = StatedFacets(element, facets),
            };
            return new FormatRecord(source, input, null);
        }
        catch (InvalidOperationException e)
        {
            return new FormatRecord(source, null, $"Record {position} has a field of the wrong type: {e.Message}");
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => throw new InvalidOperationException($"'{name}' must be a string; it is {Describe(value.ValueKind)}."),
        } : null;

    // Ids are often numeric in exports, and a number names a record as well as a string does.
    private static string? Id(JsonElement element) =>
        element.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText() : String(element, "id");

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

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
