using System.Globalization;
using System.Text.Json;

namespace Search.Benchmarks.Corpora;

/// <summary>One document of a BEIR corpus.</summary>
/// <param name="Id">The document id (<c>_id</c>).</param>
/// <param name="Title">The title; empty when the collection has none.</param>
/// <param name="Text">The document text.</param>
public sealed record BeirDocument(string Id, string Title, string Text);

/// <summary>One query of a BEIR collection.</summary>
/// <param name="Id">The query id (<c>_id</c>).</param>
/// <param name="Text">The query text as a person wrote it (free text, not query syntax).</param>
public sealed record BeirQuery(string Id, string Text);

/// <summary>
/// Reads the BEIR packaging of a relevance collection: <c>corpus.jsonl</c> and <c>queries.jsonl</c>
/// (one JSON object per line) and a qrels TSV with a header line and <c>query-id corpus-id score</c>
/// rows. The JSON Lines readers stream; nothing is held beyond the current line.
/// </summary>
public static class BeirReader
{
    /// <summary>Streams the documents of a <c>corpus.jsonl</c> file.</summary>
    /// <exception cref="InvalidDataException">A line is not a JSON object with a string <c>_id</c>.</exception>
    public static IEnumerable<BeirDocument> ReadCorpus(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ReadLines(path, ReadCorpus);
    }

    /// <summary>Streams the documents of a corpus from a reader; see <see cref="ReadCorpus(string)"/>.</summary>
    public static IEnumerable<BeirDocument> ReadCorpus(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadJsonLines(reader, root => new BeirDocument(RequiredString(root, "_id"), OptionalString(root, "title"), OptionalString(root, "text")));
    }

    /// <summary>Streams the queries of a <c>queries.jsonl</c> file.</summary>
    /// <exception cref="InvalidDataException">A line is not a JSON object with a string <c>_id</c>.</exception>
    public static IEnumerable<BeirQuery> ReadQueries(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ReadLines(path, ReadQueries);
    }

    /// <summary>Streams the queries from a reader; see <see cref="ReadQueries(string)"/>.</summary>
    public static IEnumerable<BeirQuery> ReadQueries(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadJsonLines(reader, root => new BeirQuery(RequiredString(root, "_id"), OptionalString(root, "text")));
    }

    /// <summary>Reads a qrels TSV file: judgments by query id, then by document id.</summary>
    /// <exception cref="InvalidDataException">A row does not have three tab-separated fields with an integer score.</exception>
    public static Qrels ReadQrels(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var reader = new StreamReader(path);
        return ReadQrels(reader);
    }

    /// <summary>Reads qrels from a reader; the first line is a header and is skipped.</summary>
    public static Qrels ReadQrels(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var judgments = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        reader.ReadLine();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            var fields = line.Split('\t');
            if (fields.Length < 3 || !int.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var score))
                throw new InvalidDataException($"Qrels line {lineNumber} should be 'query-id<TAB>corpus-id<TAB>score'; it was '{line}'.");
            if (!judgments.TryGetValue(fields[0], out var perQuery))
                judgments[fields[0]] = perQuery = new Dictionary<string, int>(StringComparer.Ordinal);
            perQuery[fields[1]] = score;
        }
        return new Qrels(judgments.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, int>)p.Value, StringComparer.Ordinal));
    }

    private static IEnumerable<T> ReadLines<T>(string path, Func<TextReader, IEnumerable<T>> read)
    {
        using var reader = new StreamReader(path);
        foreach (var item in read(reader))
            yield return item;
    }

    private static IEnumerable<T> ReadJsonLines<T>(TextReader reader, Func<JsonElement, T> map)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            T item;
            try
            {
                using var json = JsonDocument.Parse(line);
                item = map(json.RootElement);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"Line {lineNumber} is not valid JSON ({e.Message}).", e);
            }
            yield return item;
        }
    }

    private static string RequiredString(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidDataException($"Expected a JSON object with a string '{name}'.");

    private static string OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}

/// <summary>Relevance judgments: for each query id, the judged document ids and their grades (0 = not relevant).</summary>
/// <param name="ByQuery">Judgments by query id, then document id.</param>
public sealed record Qrels(IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ByQuery);
