using System.Globalization;
using System.Text.Json;
using Search.Ingest.Extraction;

namespace Search.Ingest.Reading;

/// <summary>One article record read from a file, or the reason it cannot be used.</summary>
/// <param name="Source">The file and, when the file holds many articles, the record's line or position.</param>
/// <param name="Input">The article input, or <c>null</c> when the record is bad.</param>
/// <param name="Error">Why the record is bad, or <c>null</c>.</param>
internal sealed record FormatRecord(SourceRef Source, ArticleInput? Input, string? Error);

/// <summary>
/// Reads articles from JSON: one object per line, or a whole text holding an array or one object.
/// Fields: <c>id</c> (string or number), <c>title</c>, <c>body</c> or <c>text</c>, <c>url</c>,
/// <c>published</c> or <c>date</c> (strings), <c>groups</c>, <c>speakers</c> (arrays of strings),
/// <c>year</c> (a whole number). A field of another type makes the record bad, so <c>"body": 5</c> is
/// reported rather than indexed as the text "5". A record that shares its file with others has the
/// source <c>path#line</c> (or <c>path#position</c> in an array); a file holding one object has the plain path.
/// </summary>
internal static class JsonArticleParser
{
    /// <summary>Reads text already in memory: an array, one object, or (when neither) one object per line.</summary>
    public static IEnumerable<FormatRecord> Parse(string text, string relativePath, string file, bool linesOnly)
    {
        var trimmed = text.TrimStart();
        if (!linesOnly && trimmed.StartsWith('['))
            return ParseArray(text, relativePath, file);
        if (!linesOnly && trimmed.StartsWith('{') && TryParseWhole(text, relativePath, file) is { } single)
            return [single];
        return ParseLines(text, relativePath, file);
    }

    /// <summary>Reads one line of a JSON Lines file; <paramref name="line"/> is its 1-based number.</summary>
    public static FormatRecord ParseLine(ReadOnlySpan<char> json, int line, string relativePath, string file)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToString());
            return FromElement(doc.RootElement, line, relativePath, new SourceRef(file, line));
        }
        catch (JsonException e)
        {
            return new FormatRecord(new SourceRef(file, line), null, $"Line {line} is not valid JSON: {e.Message}");
        }
    }

    private static IEnumerable<FormatRecord> ParseLines(string text, string relativePath, string file)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
                yield return ParseLine(lines[i], i + 1, relativePath, file);
        }
    }

    private static IEnumerable<FormatRecord> ParseArray(string text, string relativePath, string file)
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
                .Select((element, index) => FromElement(element, index + 1, relativePath, new SourceRef(file, index + 1)))
                .ToArray();
        }
    }

    private static FormatRecord? TryParseWhole(string text, string relativePath, string file)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return FromElement(doc.RootElement, 1, relativePath, new SourceRef(file));
        }
        catch (JsonException)
        {
            // Not one document: the caller falls back to reading it line by line.
            return null;
        }
    }

    private static FormatRecord FromElement(JsonElement element, int position, string relativePath, SourceRef source)
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
                Year = Year(element),
                Groups = Strings(element, "groups"),
                Speakers = Strings(element, "speakers"),
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

    private static int? Year(JsonElement element)
    {
        if (!element.TryGetProperty("year", out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            return number;
        if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            return parsed;
        throw new InvalidOperationException("'year' must be a whole number.");
    }

    private static IReadOnlyList<string>? Strings(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
            throw new InvalidOperationException($"'{name}' must be an array of strings.");
        return value.EnumerateArray().Select(v => v.GetString()!).ToArray();
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
