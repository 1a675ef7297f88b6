using System.Diagnostics;

namespace Search.Benchmarks.Scale;

/// <summary>
/// The latency of one workload at one index size, in milliseconds: the first execution of each query
/// (cold) apart, then percentiles over every later execution, so a stall that hits one pass in
/// several shows in the tail rather than being averaged or medianed away.
/// </summary>
/// <param name="Executions">Timed executions after the cold pass.</param>
/// <param name="ColdP50">Median of the first executions.</param>
/// <param name="ColdMax">Slowest first execution.</param>
/// <param name="P50">Median over every later execution.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="P999">99.9th percentile.</param>
/// <param name="Max">Slowest execution.</param>
public sealed record ExecutionLatency(int Executions, double ColdP50, double ColdMax, double P50, double P90, double P99, double P999, double Max)
{
    /// <summary>Summarises <see cref="Stopwatch"/> ticks of the cold pass and of every later execution (nearest-rank percentiles).</summary>
    /// <exception cref="ArgumentException">Either list is empty.</exception>
    public static ExecutionLatency FromTicks(IEnumerable<long> cold, IEnumerable<long> warm)
    {
        ArgumentNullException.ThrowIfNull(cold);
        ArgumentNullException.ThrowIfNull(warm);
        var first = Milliseconds(cold);
        var later = Milliseconds(warm);
        if (first.Length == 0 || later.Length == 0)
            throw new ArgumentException("Latencies need at least one cold and one later execution.", nameof(cold));
        return new ExecutionLatency(
            later.Length,
            LatencySummary.Percentile(first, 50),
            first[^1],
            LatencySummary.Percentile(later, 50),
            LatencySummary.Percentile(later, 90),
            LatencySummary.Percentile(later, 99),
            LatencySummary.Percentile(later, 99.9),
            later[^1]);
    }

    private static double[] Milliseconds(IEnumerable<long> ticks) => [.. ticks.Order().Select(t => t * 1000.0 / Stopwatch.Frequency)];
}
