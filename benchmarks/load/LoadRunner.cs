using System.Diagnostics;

namespace Search.Load;

/// <summary>The outcome of one load level.</summary>
internal sealed record LoadResult(int Concurrency, int Requests, int Errors, TimeSpan Elapsed, double P50Ms, double P99Ms, double MaxMs)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
}

/// <summary>
/// A bounded closed-loop load generator: <c>concurrency</c> workers send requests back to back,
/// cycling through a query mix, until the request budget is spent or the duration cap is reached.
/// </summary>
internal sealed class LoadRunner(HttpClient client, IReadOnlyList<string> urls)
{
    public async Task<LoadResult> RunAsync(int concurrency, int maxRequests, TimeSpan maxDuration)
    {
        var latencies = new double[maxRequests];
        var next = -1;
        var completed = 0;
        var errors = 0;
        using var stop = new CancellationTokenSource(maxDuration);
        var clock = Stopwatch.StartNew();

        async Task Worker()
        {
            while (!stop.IsCancellationRequested)
            {
                var slot = Interlocked.Increment(ref next);
                if (slot >= maxRequests)
                    return;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(urls[slot % urls.Count], HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                        Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                latencies[slot] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Interlocked.Increment(ref completed);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));
        clock.Stop();
        var measured = latencies.Take(Math.Min(completed, maxRequests)).Where(l => l > 0).Order().ToArray();
        return new LoadResult(concurrency, measured.Length, errors, clock.Elapsed, Percentile(measured, 0.50), Percentile(measured, 0.99), measured.LastOrDefault());
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
