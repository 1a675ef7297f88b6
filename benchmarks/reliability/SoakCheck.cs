using System.Diagnostics;
using System.Net;
using Search.Benchmarks.Corpora;

namespace Search.Reliability;

/// <summary>The outcome of <see cref="SoakCheck"/>.</summary>
/// <param name="Busy">503 answers: the host refusing expensive queries beyond its slots, or a search out of time (deliberate, counted apart).</param>
/// <param name="Resident">The server's resident memory, sampled every second.</param>
/// <param name="Heap">The server's managed heap after its last garbage collection, sampled every second.</param>
public sealed record SoakResult(TimeSpan Duration, int Concurrency, long Requests, long Errors, long Busy, MemoryTrend Resident, MemoryTrend Heap)
{
    /// <summary>The bar for "no growth after warm-up": the upper 95 % bound of the managed heap's trend, in MB/min.</summary>
    public const double MaxHeapGrowthPerMinute = 1;

    /// <summary>The bar for the resident memory's trend (upper 95 % bound), in MB/min.</summary>
    public const double MaxResidentGrowthPerMinute = 5;

    /// <summary>No errors, and neither the managed heap nor the resident memory growing after warm-up.</summary>
    public bool Passed =>
        Errors == 0 && Requests > 0 && Heap.Trend().Upper < MaxHeapGrowthPerMinute && Resident.Trend().Upper < MaxResidentGrowthPerMinute;

    public override string ToString()
    {
        var (first, last, peak) = Resident.Range();
        var (heapFirst, heapLast, heapPeak) = Heap.Range();
        return $"soak: {Duration.TotalSeconds:0} s at c={Concurrency} against search serve: {Requests:N0} requests ({Requests / Duration.TotalSeconds:N0}/s), {Errors} errors, {Busy:N0} deliberate 503s; "
            + $"RSS {first:0} → {last:0} MB (peak {peak:0}), trend after warm-up {Resident.Trend()}; "
            + $"managed heap {heapFirst:0} → {heapLast:0} MB (peak {heapPeak:0}), trend after warm-up {Heap.Trend()} — {(Passed ? "PASS" : "FAIL")}";
    }
}

/// <summary>
/// Starts the real <c>search serve</c> over a synthetic index and keeps <c>concurrency</c> requests in
/// flight for the whole run, sampling the server's resident memory and managed heap every second.
/// The first quarter of the run is warm-up (tiered compilation, caches filling, the garbage collector
/// finding its heap size); the trend is taken over the rest.
/// </summary>
public static class SoakCheck
{
    /// <summary>Runs the soak.</summary>
    public static async Task<SoakResult> RunAsync(SearchBinary search, TimeSpan duration, int concurrency, int articles, TextWriter log)
    {
        using var index = new SyntheticIndex("soak", articles, seed: 3);
        await using var server = await SearchServer.StartAsync(search, index.Path);
        using var client = server.Client(concurrency);
        using var probe = server.Client(1);
        var words = SyntheticCorpus.Vocabulary;
        string[] queries = [words[0], $"{words[1]} {words[2]}", $"\"{words[3]} {words[4]}\"", words[5][..3] + "*", words[6] + "~", "", $"{words[8]}&year=2010", $"{words[9]}&sort=newest&page=3"];
        var resident = new MemoryTrend();
        var heap = new MemoryTrend();
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
                    using var response = await client.GetAsync("/api/search?q=" + queries[i++ % queries.Length]);
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
        var nextReport = TimeSpan.FromSeconds(60);
        while (!stop.IsCancellationRequested)
        {
            if (server.ResidentMegabytes() is { } rss)
                resident.Add(clock.Elapsed.TotalSeconds, rss);
            try
            {
                if (await SearchServer.ManagedHeapMegabytesAsync(probe) is { } managed)
                    heap.Add(clock.Elapsed.TotalSeconds, managed);
            }
            catch (HttpRequestException)
            {
                // A missed sample; the next second tries again.
            }
            if (clock.Elapsed >= nextReport)
            {
                log.WriteLine($"  {clock.Elapsed.TotalSeconds,4:0} s: {Interlocked.Read(ref requests):N0} requests, {Interlocked.Read(ref errors)} errors, RSS {resident.Range().Last:0} MB, managed heap {heap.Range().Last:0} MB");
                nextReport += TimeSpan.FromSeconds(60);
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
        return new SoakResult(clock.Elapsed, concurrency, requests, errors, busy, resident, heap);
    }
}
