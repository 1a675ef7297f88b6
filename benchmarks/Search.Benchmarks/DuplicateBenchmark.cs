using System.Diagnostics;
using Search.Core;

namespace Search.Benchmarks;

/// <summary>
/// The near-duplicate measurements: index build time with and without fingerprints (alternating
/// runs, best of each), and the clusters checked against the text itself. A clustered pair is
/// counted correct when the exact Jaccard similarity of its bodies' three-word shingle sets
/// (computed here, independently of the index's MinHash estimate) is at least 0.4, the
/// threshold the estimate stands for; recall is measured on the exact repeats (bodies equal after
/// folding case and spacing), which must all share a cluster.
/// </summary>
internal static class DuplicateBenchmark
{
    private const double SameStory = 0.4;
    private const int MinWords = 12;

    public static void Run(IReadOnlyList<Article> articles, int repetitions, TextWriter output)
    {
        output.WriteLine($"near-duplicates: {articles.Count} articles, best of {repetitions} builds each");
        var without = double.MaxValue;
        var with = double.MaxValue;
        var folder = Path.Combine(Path.GetTempPath(), "search-duplicates-" + Guid.NewGuid().ToString("N"));
        try
        {
            for (var i = 0; i < repetitions; i++)
            {
                without = Math.Min(without, Build(articles, folder + "-plain", nearDuplicates: false));
                with = Math.Min(with, Build(articles, folder, nearDuplicates: true));
            }
            output.WriteLine($"| build | seconds |");
            output.WriteLine($"| --- | --- |");
            output.WriteLine($"| without fingerprints | {without:F2} |");
            output.WriteLine($"| with fingerprints and clusters | {with:F2} |");
            output.WriteLine($"overhead: {(with / without - 1) * 100:F1} %");

            using var index = SearchIndex.Open(folder);
            var clusters = index.GetDuplicateClusters(int.MaxValue);
            var bodies = articles.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.Last().Body, StringComparer.Ordinal);
            var shingles = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            HashSet<string> Of(string id) => shingles.TryGetValue(id, out var s) ? s : shingles[id] = Shingles(bodies[id]);
            long pairs = 0, correct = 0;
            foreach (var cluster in clusters)
            {
                for (var i = 0; i < cluster.Ids.Count; i++)
                {
                    for (var j = i + 1; j < cluster.Ids.Count; j++)
                    {
                        pairs++;
                        if (Jaccard(Of(cluster.Ids[i]), Of(cluster.Ids[j])) >= SameStory)
                            correct++;
                    }
                }
            }
            var clusterOf = clusters.SelectMany(c => c.Ids.Select(id => (id, c.Id))).ToDictionary(p => p.id, p => p.Item2, StringComparer.Ordinal);
            var repeats = bodies
                .Where(b => Words(b.Value).Count >= MinWords)
                .GroupBy(b => string.Join(' ', Words(b.Value)))
                .Where(g => g.Count() > 1)
                .Select(g => g.Select(b => b.Key).ToArray())
                .ToArray();
            long repeatPairs = 0, repeatFound = 0;
            foreach (var group in repeats)
            {
                for (var i = 0; i < group.Length; i++)
                {
                    for (var j = i + 1; j < group.Length; j++)
                    {
                        repeatPairs++;
                        if (clusterOf.TryGetValue(group[i], out var a) && clusterOf.TryGetValue(group[j], out var b) && a == b)
                            repeatFound++;
                    }
                }
            }
            output.WriteLine($"clusters: {clusters.Count} holding {clusters.Sum(c => c.Ids.Count)} articles (largest {clusters.FirstOrDefault()?.Ids.Count ?? 0})");
            output.WriteLine($"precision (clustered pairs with exact shingle Jaccard >= {SameStory}): {correct}/{pairs} = {(pairs == 0 ? 1 : correct / (double)pairs):F3}");
            output.WriteLine($"recall on exact repeats ({repeats.Length} groups): {repeatFound}/{repeatPairs} = {(repeatPairs == 0 ? 1 : repeatFound / (double)repeatPairs):F3}");
        }
        finally
        {
            foreach (var path in new[] { folder, folder + "-plain" })
            {
                if (Directory.Exists(path))
                    Directory.Delete(path, recursive: true);
            }
        }
    }

    private static double Build(IReadOnlyList<Article> articles, string folder, bool nearDuplicates)
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        var started = Stopwatch.GetTimestamp();
        using (var writer = ArticleWriter.Open(folder, new SearchIndexOptions { NearDuplicates = nearDuplicates }))
        {
            foreach (var article in articles)
                writer.Upsert(article);
            writer.Commit("duplicates benchmark");
        }
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static HashSet<string> Shingles(string body)
    {
        var words = Words(body);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= words.Count; i++)
            set.Add($"{words[i]} {words[i + 1]} {words[i + 2]}");
        return set;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
            return 1;
        var shared = a.Count(b.Contains);
        return shared / (double)(a.Count + b.Count - shared);
    }

    private static List<string> Words(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"[\p{L}\p{Nd}]+").Select(m => m.Value.ToLowerInvariant()).ToList();
}
