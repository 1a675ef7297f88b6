using System.Diagnostics;

namespace Search.Load;

/// <summary>
/// The load tool's own client, for machines without wrk: a closed loop of <c>concurrency</c> workers
/// sharing one <see cref="HttpClient"/>, each sending the next path of the mix as soon as its previous
/// response has been read, for a fixed time. Every request's latency is kept.
/// </summary>
internal sealed class LoadRunner(Uri server, IReadOnlyList<string> paths)
{
    public async Task<LoadResult> RunAsync(int concurrency, TimeSpan duration)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromSeconds(10),
        };
        var next = -1;
        var errors = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();

        async Task<List<double>> Worker()
        {
            var latencies = new List<double>(4096);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var path = paths[(int)((uint)Interlocked.Increment(ref next) % (uint)paths.Count)];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                        Interlocked.Increment(ref errors);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return latencies;
        }

        var all = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));
        clock.Stop();
        return LoadResult.FromLatencies("own", concurrency, all.SelectMany(l => l).ToArray(), errors, clock.Elapsed);
    }
}
