using System.Text.Json;
using Search.Core;

namespace Search.Ingest.Evaluation;

/// <summary>Hand labels for one article file, in the format of <c>labels.jsonl</c>.</summary>
/// <param name="File">The article's file name.</param>
/// <param name="Title">The headline, or <c>null</c> when the text has none.</param>
/// <param name="Groups">Canonical names of the groups the text names.</param>
/// <param name="Speakers">Full names of the people quoted or reported.</param>
/// <param name="Year">The publication year, or <c>null</c> when unknown.</param>
public sealed record ExtractionLabel(string File, string? Title, IReadOnlyList<string> Groups, IReadOnlyList<string> Speakers, int? Year)
{
    /// <summary>
    /// Whether the article's text states its year (<c>year_stated_in_text</c>); <c>false</c> when the
    /// labeller knew it from elsewhere, so a missing year is no rule's failure; <c>null</c> when not said.
    /// </summary>
    public bool? YearStatedInText { get; init; }

    /// <summary>Reads a labels file: one JSON object per line with <c>file</c>, <c>title</c>, <c>groups</c>, <c>speakers</c>, <c>year</c>.</summary>
    /// <exception cref="SearchException">The file cannot be read or a line is not a label.</exception>
    public static IReadOnlyList<ExtractionLabel> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var reader = new StreamReader(path);
            return Parse(reader, path);
        }
        catch (IOException e)
        {
            throw new SearchException($"Cannot read the labels file '{path}': {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SearchException($"Cannot read the labels file '{path}': {e.Message}", e);
        }
    }

    /// <summary>Parses labels from <paramref name="reader"/>; blank lines are ignored.</summary>
    /// <exception cref="SearchException">A line is not valid JSON or lacks <c>file</c>.</exception>
    public static IReadOnlyList<ExtractionLabel> Parse(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var labels = new List<ExtractionLabel>();
        var lineNumber = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var file = root.TryGetProperty("file", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
                if (string.IsNullOrWhiteSpace(file))
                    throw new SearchException($"{sourceName}, line {lineNumber}: the label has no 'file'.");
                labels.Add(new ExtractionLabel(
                    file,
                    root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null,
                    Strings(root, "groups"),
                    Strings(root, "speakers"),
                    root.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : null)
                {
                    YearStatedInText = root.TryGetProperty("year_stated_in_text", out var stated) && stated.ValueKind is JsonValueKind.True or JsonValueKind.False ? stated.GetBoolean() : null,
                });
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                throw new SearchException($"{sourceName}, line {lineNumber}: not a valid label ({e.Message}).", e);
            }
        }
        return labels;
    }

    private static string[] Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray()
            : [];
}
