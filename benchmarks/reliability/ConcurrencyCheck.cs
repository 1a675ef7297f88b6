using System.Diagnostics;
using Search.Benchmarks.Corpora;
using Search.Core;

namespace Search.Reliability;

/// <summary>The outcome of <see cref="ConcurrencyCheck"/>.</summary>
/// <param name="Searches">Searches answered.</param>
/// <param name="Errors">Searches that threw (must be 0).</param>
/// <param name="Vanished">Times an id committed earlier was not found (must be 0).</param>
/// <param name="Commits">Commits made by the writer meanwhile.</param>
/// <param name="Memory">Resident memory of this process, sampled every second.</param>
public sealed record ConcurrencyResult(long Searches, long Errors, long Vanished, int Commits, MemoryTrend Memory)
{
    /// <summary>Whether every search answered and no committed id went missing.</summary>
    public bool Passed => Errors == 0 && Vanished == 0 && Searches > 0 && Commits > 0;

    public override string ToString()
    {
        var (first, last, peak) = Memory.Range();
        return $"concurrency: {Searches:N0} searches, {Errors} errors, {Vanished} committed ids not found, {Commits:N0} commits; RSS {first:0} → {last:0} MB (peak {peak:0}), trend after warm-up {Memory.Trend()} — {(Passed ? "PASS" : "FAIL")}";
    }
}

/// <summary>
/// Searches from several threads while one writer upserts and commits continuously. Each search
/// looks for an id the writer had committed before the search began: it must always be found, and
/// no search may throw.
/// </summary>
public static class ConcurrencyCheck
{
    private static readonly string[] Queries = BuildQueries();

    /// <summary>Runs the check for <paramref name="duration"/> with <paramref name="threads"/> searching threads.</summary>
    public static async Task<ConcurrencyResult> RunAsync(TimeSpan duration, int threads, TextWriter log)
    {
        var path = Path.Combine(Path.GetTempPath(), "search-concurrency-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using (var writer = ArticleWriter.Open(path))
            {
                foreach (var article in SyntheticCorpus.Generate(2000, seed: 7, bodyWords: 60))
                    writer.Upsert(article);
                writer.Commit("concurrency check");
            }
            using var index = SearchIndex.Open(path);
            var committedList = index.Search(new SearchRequest { Size = 100 }).Hits.Select(h => h.Id).ToArray();
            var shared = new List<string>(committedList);
            using var stop = new CancellationTokenSource(duration);
            long searches = 0, errors = 0, vanished = 0;
            var commits = 0;
            var memory = new MemoryTrend();
            var clock = Stopwatch.StartNew();

            var writerTask = Task.Run(() =>
            {
                using var writer = index.OpenWriter();
                var next = 0;
                while (!stop.IsCancellationRequested)
                {
                    foreach (var article in SyntheticCorpus.Generate(50, seed: 1000 + next, bodyWords: 60))
                        writer.Upsert(article with { Id = $"live-{next}-{article.Id}" });
                    // Rewrite some old articles too, so deletes and merges happen under the readers.
                    writer.Upsert(SyntheticCorpus.Generate(1, seed: next).First() with { Id = committedList[next % committedList.Length] });
                    writer.Commit("concurrency check");
                    lock (shared)
                        shared.Add($"live-{next}-synthetic-0");
                    next++;
                    Interlocked.Increment(ref commits);
                }
            });
            var readers = Enumerable.Range(0, threads).Select(t => Task.Run(() =>
            {
                var random = new Random(t);
                while (!stop.IsCancellationRequested)
                {
                    string id;
                    lock (shared)
                        id = shared[random.Next(shared.Count)];
                    try
                    {
                        // The longest budget: this checks correctness under commits; the time budget has its own checks.
                        index.Search(new SearchRequest { Query = Queries[random.Next(Queries.Length)], Size = 10, TimeBudget = SearchLimits.MaxTimeBudget });
                        if (index.GetArticle(id) is null)
                            Interlocked.Increment(ref vanished);
                        Interlocked.Increment(ref searches);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        if (Interlocked.Increment(ref errors) <= 5)
                            log.WriteLine($"search error: {e.GetType().Name}: {e.Message}");
                    }
                }
            })).ToArray();
            while (!stop.IsCancellationRequested)
            {
                if (MemoryTrend.ResidentMegabytes(Environment.ProcessId) is { } rss)
                    memory.Add(clock.Elapsed.TotalSeconds, rss);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
                }
                catch (OperationCanceledException)
                {
                    // The run is over.
                }
            }
            await Task.WhenAll([writerTask, .. readers]);
            return new ConcurrencyResult(searches, errors, vanished, commits, memory);
        }
        finally
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
    }

    private static string[] BuildQueries()
    {
        var words = SyntheticCorpus.Vocabulary;
        return ["", words[0], $"{words[1]} OR {words[2]}", $"\"{words[3]} {words[4]}\"", words[5][..2] + "*", words[6] + "~", "title:" + words[7]];
    }
}
