using System.Diagnostics;
using System.Net;
using Search.Benchmarks.Corpora;

namespace Search.Reliability;

/// <summary>The outcome of <see cref="SoakCheck"/>.</summary>
/// <param name="Busy">503 answers: the host refusing expensive queries beyond its slots, or a search out of time (deliberate, counted apart).</param>
/// <param name="Memory">
/// The server's memory sampled every second, by <see cref="SoakCheck.Series"/>: resident memory and
/// its parts from /proc (see <see cref="MemoryTrend.StatusMegabytes"/>), and the managed heap after
/// the last garbage collection from the server's metrics.
/// </param>
public sealed record SoakResult(TimeSpan Duration, int Concurrency, long Requests, long Errors, long Busy, IReadOnlyDictionary<string, MemoryTrend> Memory)
{
    /// <summary>The bar for "no growth after warm-up": the upper 95 % bound of the managed heap's trend, in MB/min.</summary>
    public const double MaxHeapGrowthPerMinute = 1;

    /// <summary>The bar for the anonymous resident memory's trend (upper 95 % bound), in MB/min.</summary>
    public const double MaxAnonymousGrowthPerMinute = 2;

    /// <summary>
    /// No errors, and neither the managed heap nor the anonymous resident memory (where a leak of
    /// managed or native allocations shows) growing after warm-up. Mapped files and compiled code are
    /// reported but not judged: they are bounded by the files and methods there are.
    /// </summary>
    public bool Passed =>
        Errors == 0 && Requests > 0
        && Memory[SoakCheck.ManagedHeap].Trend().Upper < MaxHeapGrowthPerMinute
        && Memory["RssAnon"].Trend().Upper < MaxAnonymousGrowthPerMinute;

    public override string ToString() =>
        $"soak: {Duration.TotalSeconds:0} s at c={Concurrency} against search serve: {Requests:N0} requests ({Requests / Duration.TotalSeconds:N0}/s), {Errors} errors, {Busy:N0} deliberate 503s; memory, first → last sample, and trend after the first quarter:"
        + string.Concat(Memory.Select(m => $"\n  {m.Key,-12} {m.Value.Range().First,4:0} → {m.Value.Range().Last,4:0} MB (peak {m.Value.Range().Peak:0}), trend {m.Value.Trend()}"))
        + $"\n  — {(Passed ? "PASS" : "FAIL")}";
}

/// <summary>
/// Starts the real <c>search serve</c> over a synthetic index and keeps <c>concurrency</c> requests in
/// flight for the whole run, sampling the server's resident memory and managed heap every second.
/// The first quarter of the run is warm-up (tiered compilation, caches filling, the garbage collector
/// finding its heap size); the trend is taken over the rest.
/// </summary>
public static class SoakCheck
{
    /// <summary>The name of the managed-heap series.</summary>
    public const string ManagedHeap = "managed heap";

    /// <summary>
    /// The mix of searches sent, as <c>/api/search?q=</c> suffixes: single words, two words, a phrase,
    /// a prefix, a fuzzy term, no query, a year filter and a sorted third page.
    /// </summary>
    public static IReadOnlyList<string> Queries { get; } = MixOf(SyntheticCorpus.Vocabulary);

    private static string[] MixOf(IReadOnlyList<string> words) =>
        [words[0], $"{words[1]} {words[2]}", $"\"{words[3]} {words[4]}\"", words[5][..3] + "*", words[6] + "~", "", $"{words[8]}&year=2010", $"{words[9]}&sort=newest&page=3"];

    /// <summary>The series sampled: the /proc status lines, then the managed heap.</summary>
    public static IReadOnlyList<string> Series { get; } = ["VmRSS", "RssAnon", "RssFile", "RssShmem", ManagedHeap];

    /// <summary>Runs the soak.</summary>
    public static async Task<SoakResult> RunAsync(SearchBinary search, TimeSpan duration, int concurrency, int articles, TextWriter log)
    {
        using var index = new SyntheticIndex("soak", articles, seed: 3);
        await using var server = await SearchServer.StartAsync(search, index.Path);
        using var client = server.Client(concurrency);
        using var probe = server.Client(1);
        var queries = Queries;
        var memory = Series.ToDictionary(name => name, _ => new MemoryTrend());
        long requests = 0, errors = 0, busy = 0;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var i = w;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await client.GetAsync("/api/search?q=" + queries[i++ % queries.Count]);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                        Interlocked.Increment(ref busy);
                    else if (response.StatusCode != HttpStatusCode.OK && Interlocked.Increment(ref errors) <= 5)
                        log.WriteLine($"  {(int)response.StatusCode} for {response.RequestMessage?.RequestUri}");
                }
                catch (HttpRequestException e)
                {
                    if (Interlocked.Increment(ref errors) <= 5)
                        log.WriteLine($"  request failed: {e.Message}");
                }
                Interlocked.Increment(ref requests);
            }
        })).ToArray();
        var nextReport = TimeSpan.FromSeconds(20);
        while (!stop.IsCancellationRequested)
        {
            foreach (var field in Series.SkipLast(1))
            {
                if (MemoryTrend.StatusMegabytes(server.ProcessId, field) is { } megabytes)
                    memory[field].Add(clock.Elapsed.TotalSeconds, megabytes);
            }
            try
            {
                if (await SearchServer.ManagedHeapMegabytesAsync(probe) is { } managed)
                    memory[ManagedHeap].Add(clock.Elapsed.TotalSeconds, managed);
            }
            catch (HttpRequestException)
            {
                // A missed sample; the next second tries again.
            }
            if (clock.Elapsed >= nextReport)
            {
                var threads = await SearchServer.MetricAsync(probe, "search_threadpool_threads");
                // Hits loaded from the index rather than the hit cache: while this still climbs, the cache is still filling.
                var loaded = await SearchServer.MetricAsync(probe, "search_hit_cache_lookups{result=\"miss\"}");
                log.WriteLine($"  {clock.Elapsed.TotalSeconds,4:0} s: {Interlocked.Read(ref requests):N0} requests, {Interlocked.Read(ref errors)} errors, {string.Join(", ", memory.Select(m => $"{m.Key} {m.Value.Range().Last:0} MB"))}, {threads:0} pool threads, {loaded:N0} hits loaded into the hit cache");
                nextReport += TimeSpan.FromSeconds(20);
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
            }
            catch (OperationCanceledException)
            {
                // The run is over.
            }
        }
        await Task.WhenAll(workers);
        return new SoakResult(clock.Elapsed, concurrency, requests, errors, busy, memory);
    }
}
