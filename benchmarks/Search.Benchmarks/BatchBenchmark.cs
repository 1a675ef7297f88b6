using System.Diagnostics;
using System.Text.RegularExpressions;
using Search.Core;

namespace Search.Benchmarks;

/// <summary>
/// Batch search against the same entries searched one by one, in one run over one index. The entries
/// are the corpus's own most frequent capitalised names and phrases (one to three capitalised words,
/// counted over every body; ties in ordinal order), so the list is the same on every machine for the
/// same corpus. Each entry is searched as an exact phrase with its top three hits. Four ways, in
/// rotating order for each round: <c>SearchIndex.SearchBatch</c> with every core and with one, and
/// <c>SearchIndex.Search</c> per entry, alone (total and top hits, no dates) and with the two
/// one-hit searches sorted oldest and newest that give a batch row's first and last dates. Each way's
/// median, best and worst round are reported.
/// </summary>
internal static partial class BatchBenchmark
{
    private const int Hits = 3;

    public static void Run(int entryCount, int rounds, TextWriter output)
    {
        var (index, articles) = BenchmarkIndex.Open();
        using (index)
        {
            var entries = Entries(articles, entryCount);
            var request = BatchRequest.For(entries, new BatchMatching { Phrase = true }) with { Hits = Hits };
            output.WriteLine($"batch: {entries.Count} entries (the corpus's most frequent capitalised names and phrases, as exact phrases, top {Hits} hits), {articles.Count} articles, {Environment.ProcessorCount} processors, {rounds} timed rounds after a warm-up");
            output.WriteLine($"first entries: {string.Join(", ", entries.Take(12))}, …");

            var ways = new (string Name, Func<int[]> Run)[]
            {
                ($"batch, parallelism {Environment.ProcessorCount}", () => Totals(index.SearchBatch(request))),
                ("batch, parallelism 1", () => Totals(index.SearchBatch(request with { Parallelism = 1 }))),
                ("one by one: Search per entry (no dates)", () => OneByOne(index, request, withDates: false)),
                ("one by one: Search per entry + oldest/newest for dates", () => OneByOne(index, request, withDates: true)),
            };
            var times = ways.Select(_ => new List<double>()).ToArray();
            int[]? expected = null;
            var agree = true;
            for (var round = 0; round <= rounds; round++)
            {
                for (var k = 0; k < ways.Length; k++)
                {
                    var i = (k + round) % ways.Length;
                    var started = Stopwatch.GetTimestamp();
                    var totals = ways[i].Run();
                    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                    expected ??= totals;
                    agree &= totals.SequenceEqual(expected);
                    // Round 0 warms the caches and the JIT; it is not counted.
                    if (round > 0)
                        times[i].Add(seconds);
                }
            }
            var median = times.Select(t => LatencySummary.Percentile(t.Order().ToArray(), 50)).ToArray();
            output.WriteLine("| way | median s | best s | worst s | entries/s (median) | the parallel batch is faster by (median) |");
            output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
            for (var i = 0; i < ways.Length; i++)
                output.WriteLine($"| {ways[i].Name} | {median[i]:F2} | {times[i].Min():F2} | {times[i].Max():F2} | {entries.Count / median[i]:N0} | {median[i] / median[0]:F2}× |");
            output.WriteLine($"totals agree across the four ways: {(agree ? "yes" : "NO")}; entries with matches: {expected!.Count(t => t > 0)}");
        }
    }

    private static int[] Totals(BatchResponse response) => response.Results.Select(r => r.Total).ToArray();

    private static int[] OneByOne(SearchIndex index, BatchRequest batch, bool withDates)
    {
        var totals = new int[batch.Entries.Count];
        for (var i = 0; i < totals.Length; i++)
        {
            var request = new SearchRequest
            {
                Query = $"\"{batch.Entries[i].Text}\"",
                Size = Hits,
                Facets = new FacetOptions { Names = [] },
                Suggest = false,
                Collapse = false,
            };
            totals[i] = index.Search(request).Total;
            if (withDates)
            {
                var dated = request with { Size = 1, Highlight = new HighlightOptions { Enabled = false } };
                index.Search(dated with { Sort = SortOrder.Oldest });
                index.Search(dated with { Sort = SortOrder.Newest });
            }
        }
        return totals;
    }

    /// <summary>
    /// The <paramref name="count"/> most frequent runs of one to three capitalised words in the bodies,
    /// most frequent first, leaving out runs made only of words more often written in lower case
    /// ("The", "Bank"), which start sentences rather than name things.
    /// </summary>
    public static IReadOnlyList<string> Entries(IReadOnlyList<Article> articles, int count)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var capitalised = new Dictionary<string, int>(StringComparer.Ordinal);
        var lower = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            foreach (Match match in LowerWord().Matches(article.Body))
                lower[match.Value] = lower.GetValueOrDefault(match.Value) + 1;
            foreach (Match match in CapitalisedRun().Matches(article.Body))
            {
                var words = match.Value.Split(' ');
                foreach (var word in words)
                    capitalised[word] = capitalised.GetValueOrDefault(word) + 1;
                // Every run of one to three words inside the match: "New York Stock Exchange" also gives "New York" and "Stock Exchange".
                for (var start = 0; start < words.Length; start++)
                {
                    for (var length = 1; length <= 3 && start + length <= words.Length; length++)
                    {
                        var phrase = string.Join(' ', words, start, length);
                        counts[phrase] = counts.GetValueOrDefault(phrase) + 1;
                    }
                }
            }
        }
        bool IsName(string word) => capitalised[word] > lower.GetValueOrDefault(word.ToLowerInvariant());
        return counts
            .Where(c => c.Key.Length >= 3 && c.Key.Split(' ').Any(IsName))
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.Key)
            .ToArray();
    }

    [GeneratedRegex(@"\b[a-z]+\b")]
    private static partial Regex LowerWord();

    [GeneratedRegex(@"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b")]
    private static partial Regex CapitalisedRun();
}
