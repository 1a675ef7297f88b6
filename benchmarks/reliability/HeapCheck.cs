using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Search.Host;

namespace Search.Reliability;

/// <summary>The outcome of <see cref="HeapCheck"/>.</summary>
/// <param name="Live">Live managed memory in MB after a full, compacting collection, per 1,000 requests served (the x of each sample).</param>
public sealed record HeapResult(long Requests, long Errors, MemoryTrend Live)
{
    /// <summary>The bar: the upper 95 % bound of live memory's growth, in MB per 1,000 requests.</summary>
    public const double MaxGrowthPerThousandRequests = 0.1;

    /// <summary>The growth of live memory in MB per 1,000 requests (the trend's "per minute" read per 1,000 requests).</summary>
    public Slope Growth
    {
        get
        {
            // Trend reads x as seconds and reports per minute, that is per 60 units of x.
            var perSixtyThousand = Live.Trend(warmUpFraction: 1.0 / 3);
            return perSixtyThousand with { PerMinute = perSixtyThousand.PerMinute / 60, Lower = perSixtyThousand.Lower / 60, Upper = perSixtyThousand.Upper / 60 };
        }
    }

    /// <summary>No errors, and live memory not growing with the requests served.</summary>
    public bool Passed => Errors == 0 && Growth.Upper < MaxGrowthPerThousandRequests;

    public override string ToString()
    {
        var (first, last, peak) = Live.Range();
        return $"heap: {Requests:N0} requests, {Errors} errors; live managed memory after a full collection {first:0.0} → {last:0.0} MB (peak {peak:0.0}), "
            + $"growth after warm-up {Growth.PerMinute:+0.000;-0.000} MB per 1,000 requests (95 % CI {Growth.Lower:+0.000;-0.000} to {Growth.Upper:+0.000;-0.000}, {Growth.Samples} rounds) — {(Passed ? "PASS" : "FAIL")}";
    }
}

/// <summary>
/// Tells a leak from the garbage collector sizing its heap: serves the soak's searches through the
/// real host in this process, round after round, and after each round forces a full, compacting
/// collection and weighs what is still alive. Garbage, heap budgets and code compiled on the way
/// all drop out; what a request leaves behind shows as live memory growing with the requests served.
/// </summary>
public static class HeapCheck
{
    /// <summary>Runs <paramref name="rounds"/> rounds of <paramref name="requestsPerRound"/> requests at <paramref name="concurrency"/>.</summary>
    public static async Task<HeapResult> RunAsync(int articles, int rounds, int requestsPerRound, int concurrency, TextWriter log)
    {
        using var index = new SyntheticIndex("heap", articles, seed: 3);
        // Logging as search serve has it (a line per request at Information), so its cost is weighed too;
        // the lines go to the console, which the caller may send elsewhere.
        await using var app = SearchHost.Build(new SearchHostOptions { IndexPath = index.Path, Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };

        var live = new MemoryTrend();
        long requests = 0, errors = 0;
        live.Add(0, LiveMegabytes());
        for (var round = 1; round <= rounds; round++)
        {
            var next = -1;
            var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < requestsPerRound)
                {
                    using var response = await client.GetAsync("/api/search?q=" + SoakCheck.Queries[i % SoakCheck.Queries.Count]);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable))
                        Interlocked.Increment(ref errors);
                }
            })).ToArray();
            await Task.WhenAll(workers);
            requests += requestsPerRound;
            var megabytes = LiveMegabytes();
            // MemoryTrend's x is seconds; thousands of requests stand in for them, read back in HeapResult.Growth.
            live.Add(requests / 1000.0, megabytes);
            log.WriteLine($"  round {round,2}: {requests,7:N0} requests, live {megabytes:0.00} MB, {ThreadPool.ThreadCount} pool threads");
        }
        await app.StopAsync();
        return new HeapResult(requests, errors, live);
    }

    private static double LiveMegabytes()
    {
        // Twice, so that objects kept only by finalizers are gone too.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var collected = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        return (collected.HeapSizeBytes - collected.FragmentedBytes) / (1024.0 * 1024);
    }
}
