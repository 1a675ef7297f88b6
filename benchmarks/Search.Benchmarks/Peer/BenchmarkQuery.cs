using System.Text.RegularExpressions;
using Search.Core;

namespace Search.Benchmarks.Peer;

/// <summary>The shapes of query the benchmarks draw.</summary>
public enum QueryShape
{
    /// <summary>One word.</summary>
    Term,

    /// <summary>Two words, both required.</summary>
    And,

    /// <summary>Two words, either one.</summary>
    Or,

    /// <summary>Two or three adjacent words as a phrase.</summary>
    Phrase,

    /// <summary>The first letters of a word followed by <c>*</c> (ours only; FTS5 spells it differently).</summary>
    Prefix,
}

/// <summary>One benchmark query, spelled for both engines.</summary>
/// <param name="Shape">What kind of query it is.</param>
/// <param name="Words">The lower-case words it is built from.</param>
/// <param name="Ours">Our query syntax.</param>
/// <param name="Fts5">The equivalent SQLite FTS5 MATCH expression.</param>
public sealed record BenchmarkQuery(QueryShape Shape, IReadOnlyList<string> Words, string Ours, string Fts5)
{
    /// <summary>Builds the query of a shape from its words.</summary>
    public static BenchmarkQuery Create(QueryShape shape, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return shape switch
        {
            QueryShape.Term => new(shape, words, words[0], Quote(words[0])),
            QueryShape.And => new(shape, words, $"{words[0]} AND {words[1]}", $"{Quote(words[0])} AND {Quote(words[1])}"),
            QueryShape.Or => new(shape, words, $"{words[0]} OR {words[1]}", $"{Quote(words[0])} OR {Quote(words[1])}"),
            QueryShape.Phrase => new(shape, words, Quote(string.Join(' ', words)), Quote(string.Join(' ', words))),
            QueryShape.Prefix => new(shape, words, words[0] + "*", Quote(words[0]) + " *"),
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "Unknown query shape."),
        };
    }

    private static string Quote(string text) => "\"" + text + "\"";
}

/// <summary>
/// Draws benchmark queries from real document text with a fixed seed: single terms and two-term
/// AND / OR pairs with a document frequency in a middle band, and 2–3 word phrases taken from
/// adjacent words of a document. Only plain ASCII words of three or more letters that our analyzer
/// does not drop (and whose stem is not a stop word) are used, so that tokenizer differences between the engines (apostrophes, dotted
/// abbreviations, digits, accents, stop words) stay out of the comparison.
/// </summary>
public static partial class QuerySetGenerator
{
    private static readonly char[] OpeningPunctuation = ['(', '"', '\'', '['];
    private static readonly char[] ClosingPunctuation = ['.', ',', ';', ':', '!', '?', ')', '"', '\'', ']'];

    /// <summary>Documents read to build the word statistics; more are not needed for a stable sample.</summary>
    public const int SampleDocuments = 20_000;

    /// <summary>Draws <paramref name="count"/> queries, the given shapes in turn.</summary>
    /// <param name="articles">The corpus (only the first <see cref="SampleDocuments"/> are read).</param>
    /// <param name="count">How many queries.</param>
    /// <param name="seed">Seed of the draw.</param>
    /// <param name="shapes">Shapes to draw in turn (default: term, AND, OR, phrase).</param>
    public static IReadOnlyList<BenchmarkQuery> Generate(IEnumerable<Article> articles, int count, int seed, IReadOnlyList<QueryShape>? shapes = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        shapes ??= [QueryShape.Term, QueryShape.And, QueryShape.Or, QueryShape.Phrase];
        var stopWords = new Dictionary<string, bool>(StringComparer.Ordinal);
        var documents = new List<string[]>();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in articles.Take(SampleDocuments))
        {
            var words = Words(article.Title + "\n" + article.Body).Select(w => Usable(w, stopWords) ? w : null).ToArray();
            documents.Add(words!);
            foreach (var word in words.OfType<string>().Distinct())
                df[word] = df.GetValueOrDefault(word) + 1;
        }
        if (documents.Count == 0 || df.Count == 0)
            return [];

        var n = documents.Count;
        var low = Math.Max(2, n / 2000);
        var high = Math.Max(low + 1, n / 10);
        var band = df.Where(p => p.Value >= low && p.Value <= high).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        if (band.Length < 20)
            band = df.Keys.Order(StringComparer.Ordinal).ToArray();
        var inBand = band.ToHashSet(StringComparer.Ordinal);

        var random = new Random(seed);
        var queries = new List<BenchmarkQuery>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; queries.Count < count && attempt < count * 50; attempt++)
        {
            var shape = shapes[queries.Count % shapes.Count];
            var words = shape switch
            {
                QueryShape.Term => [band[random.Next(band.Length)]],
                QueryShape.Or => [band[random.Next(band.Length)], band[random.Next(band.Length)]],
                QueryShape.And => CoOccurring(documents[random.Next(n)], inBand, random),
                QueryShape.Phrase => Adjacent(documents[random.Next(n)], random, 2 + random.Next(2)),
                QueryShape.Prefix => band[random.Next(band.Length)] is { Length: >= 5 } w ? [w[..4]] : null,
                _ => null,
            };
            if (words is null || words.Distinct(StringComparer.Ordinal).Count() != words.Length)
                continue;
            var query = BenchmarkQuery.Create(shape, words);
            if (seen.Add(query.Ours))
                queries.Add(query);
        }
        return queries;
    }

    /// <summary>Two different band words from one document, so the AND has matches.</summary>
    private static string[]? CoOccurring(string?[] words, HashSet<string> inBand, Random random)
    {
        var candidates = words.OfType<string>().Where(inBand.Contains).Distinct(StringComparer.Ordinal).ToArray();
        if (candidates.Length < 2)
            return null;
        var first = random.Next(candidates.Length);
        var second = (first + 1 + random.Next(candidates.Length - 1)) % candidates.Length;
        return [candidates[first], candidates[second]];
    }

    /// <summary>A run of adjacent usable words (separated only by spaces in the text).</summary>
    private static string[]? Adjacent(string?[] words, Random random, int length)
    {
        if (words.Length < length)
            return null;
        var start = random.Next(words.Length - length + 1);
        var run = words.AsSpan(start, length).ToArray();
        return run.All(w => w is not null) ? run.Select(w => w!).ToArray() : null;
    }

    /// <summary>
    /// Whitespace-separated chunks in order; a chunk that is not a plain word (or that ends a clause
    /// with punctuation) becomes <c>null</c>, which breaks phrases there.
    /// </summary>
    private static IEnumerable<string?> Words(string text)
    {
        foreach (Match chunk in ChunkPattern().Matches(text))
        {
            var value = chunk.Value;
            var core = value.TrimStart(OpeningPunctuation);
            if (core.Length < value.Length)
                yield return null;
            var trimmed = core.TrimEnd(ClosingPunctuation);
            yield return PlainWord().IsMatch(trimmed) ? trimmed.ToLowerInvariant() : null;
            if (trimmed.Length < core.Length)
                yield return null;
        }
    }

    private static bool Usable(string? word, Dictionary<string, bool> cache)
    {
        if (word is null || word.Length < 3)
            return false;
        if (!cache.TryGetValue(word, out var usable))
        {
            // A word whose stem is a stop word ("one" → "on", "its" → "it") matches the stop word in
            // FTS5, which keeps stop words, but not in ours, which drops them before stemming.
            var terms = TextAnalysis.Terms("body", word);
            cache[word] = usable = terms.Count == 1 && TextAnalysis.CountTokens("body", terms[0]) == 1;
        }
        return usable;
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex ChunkPattern();

    [GeneratedRegex(@"^[A-Za-z]+$")]
    private static partial Regex PlainWord();
}
