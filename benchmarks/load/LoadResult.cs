using System.Globalization;

namespace Search.Load;

/// <summary>One level of the matrix: every request's latency summarised, in milliseconds.</summary>
internal sealed record LoadResult(
    string Client, int Concurrency, long Requests, long Errors, TimeSpan Elapsed,
    double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs)
{
    /// <summary>The server's CPU time over the level divided by its requests, in milliseconds.</summary>
    public double ServerCpuMsPerRequest { get; init; } = double.NaN;

    /// <summary>Managed bytes the server allocated over the level divided by its requests, in KB.</summary>
    public double ServerAllocatedKbPerRequest { get; init; } = double.NaN;

    /// <summary>Time the server's garbage collector paused it during the level, in milliseconds.</summary>
    public double ServerGcPauseMs { get; init; } = double.NaN;

    /// <summary>Full (generation 2) collections in the server during the level.</summary>
    public double ServerGen2Collections { get; init; } = double.NaN;

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>Percentiles by the nearest-rank rule over all latencies (not sorted yet).</summary>
    public static LoadResult FromLatencies(string client, int concurrency, double[] latencies, long errors, TimeSpan elapsed)
    {
        Array.Sort(latencies);
        return new(client, concurrency, latencies.Length, errors, elapsed,
            Rank(latencies, 0.50), Rank(latencies, 0.90), Rank(latencies, 0.99), Rank(latencies, 0.999),
            latencies.Length == 0 ? double.NaN : latencies[^1]);
    }

    /// <summary>A row of the printed table.</summary>
    public string Row(string corpus) => string.Create(CultureInfo.InvariantCulture,
        $"| {corpus} | {Client} | {Concurrency} | {Requests:N0} | {RequestsPerSecond:N0} | {P50Ms:0.00} | {P90Ms:0.00} | {P99Ms:0.00} | {P999Ms:0.00} | {MaxMs:0.0} | {Errors} | {ServerCpuMsPerRequest:0.00} | {ServerAllocatedKbPerRequest:0} | {ServerGcPauseMs:0} | {ServerGen2Collections:0} |");

    /// <summary>The table's header, matching <see cref="Row"/>.</summary>
    public const string Header =
        "| corpus | client | c | requests | req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors | server CPU ms/req | server KB/req | GC pause ms | gen2 GCs |\n" +
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    private static double Rank(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
