using System.Globalization;
using System.Text;
using Search.Core;

namespace Search.Benchmarks.Corpora;

/// <summary>
/// Generates articles from made-up words with a Zipf-like frequency, plus group, speaker and year
/// facet values, for smoke tests and default benchmarks that must run without the shared corpora.
/// The same seed always yields the same articles.
/// </summary>
public static class SyntheticCorpus
{
    private static readonly string[] Onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kl", "st", "tr"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u"];
    private static readonly string[] GroupNames = ["Northern Front", "River Alliance", "Coastal Brigade", "Highland Council", "Delta Union", "Stone Circle"];
    private static readonly string[] SpeakerNames = ["Ada Morrow", "Bruno Kessel", "Carla Nunez", "Dmitri Olsen", "Edith Varga", "Farid Qasem", "Greta Lind", "Hugo Brandt"];

    /// <summary>The made-up vocabulary, most frequent word first (deterministic, 4 000 words).</summary>
    public static IReadOnlyList<string> Vocabulary { get; } = BuildVocabulary(4_000);

    /// <summary>Generates <paramref name="count"/> articles with ids <c>synthetic-N</c>.</summary>
    /// <param name="count">How many articles.</param>
    /// <param name="seed">Seed of the generator.</param>
    /// <param name="bodyWords">Average body length in words (default 120).</param>
    public static IEnumerable<Article> Generate(int count, int seed = 1, int bodyWords = 120)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(bodyWords, 1);
        var random = new Random(seed);
        var cumulative = ZipfCumulative(Vocabulary.Count);
        for (var i = 0; i < count; i++)
        {
            var title = Sentence(random, cumulative, 4 + random.Next(5), period: false);
            var body = new StringBuilder();
            var words = bodyWords / 2 + random.Next(bodyWords);
            while (words > 0)
            {
                var length = Math.Min(words, 8 + random.Next(12));
                body.Append(Sentence(random, cumulative, length, period: true)).Append(' ');
                words -= length;
            }
            yield return new Article
            {
                Id = "synthetic-" + i,
                Title = title,
                Body = body.ToString().TrimEnd(),
                Facets = new Dictionary<string, IReadOnlyList<string>>
                {
                    [FacetNames.Year] = [(2000 + random.Next(25)).ToString(CultureInfo.InvariantCulture)],
                    [FacetNames.Group] = Pick(random, GroupNames, random.Next(3)),
                    [FacetNames.Speaker] = Pick(random, SpeakerNames, random.Next(3)),
                },
            };
        }
    }

    private static string Sentence(Random random, double[] cumulative, int words, bool period)
    {
        var builder = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble());
            var word = Vocabulary[Math.Min(index < 0 ? ~index : index, Vocabulary.Count - 1)];
            if (w == 0)
                word = char.ToUpperInvariant(word[0]) + word[1..];
            if (w > 0)
                builder.Append(' ');
            builder.Append(word);
        }
        return period ? builder.Append('.').ToString() : builder.ToString();
    }

    private static string[] Pick(Random random, string[] values, int count) =>
        values.OrderBy(_ => random.Next()).Take(count).ToArray();

    private static double[] ZipfCumulative(int n)
    {
        var weights = Enumerable.Range(1, n).Select(r => 1.0 / r).ToArray();
        var total = weights.Sum();
        var cumulative = new double[n];
        var running = 0.0;
        for (var i = 0; i < n; i++)
        {
            running += weights[i] / total;
            cumulative[i] = running;
        }
        return cumulative;
    }

    private static string[] BuildVocabulary(int size)
    {
        // Consonant-vowel words of at least four letters: none is an English stop word, and both
        // engines of the peer comparison stem them the same way (Porter).
        var random = new Random(20240607);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < size)
        {
            var syllables = 2 + random.Next(2);
            var word = new StringBuilder();
            for (var s = 0; s < syllables; s++)
                word.Append(Onsets[random.Next(Onsets.Length)]).Append(Vowels[random.Next(Vowels.Length)]);
            words.Add(word.ToString());
        }
        return words.ToArray();
    }
}
