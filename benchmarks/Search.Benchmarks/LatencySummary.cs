using System.Diagnostics;

namespace Search.Benchmarks;

/// <summary>Percentiles of a set of latencies, in milliseconds, over every value given (no per-query medians).</summary>
/// <param name="Count">How many latencies were summarised.</param>
/// <param name="P50">Median.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="P999">99.9th percentile.</param>
/// <param name="Max">The slowest.</param>
/// <param name="Mean">The arithmetic mean.</param>
public sealed record LatencySummary(int Count, double P50, double P90, double P95, double P99, double P999, double Max, double Mean)
{
    /// <summary>Summarises latencies given in <see cref="Stopwatch"/> ticks (nearest-rank percentiles).</summary>
    public static LatencySummary FromTicks(IEnumerable<long> ticks)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        return FromMilliseconds(ticks.Select(t => t * 1000.0 / Stopwatch.Frequency));
    }

    /// <summary>Summarises latencies given in milliseconds (nearest-rank percentiles).</summary>
    public static LatencySummary FromMilliseconds(IEnumerable<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0
            ? new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)
            : new LatencySummary(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 90), Percentile(sorted, 95), Percentile(sorted, 99), Percentile(sorted, 99.9), sorted[^1], sorted.Average());
    }

    /// <summary>The nearest-rank percentile of ascending values: the smallest value with at least p% of values at or below it.</summary>
    public static double Percentile(IReadOnlyList<double> ascending, double p)
    {
        ArgumentNullException.ThrowIfNull(ascending);
        if (ascending.Count == 0)
            throw new ArgumentException("There are no values to take a percentile of.", nameof(ascending));
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100);
        // Rounded first: 99.9 / 100 × 1000 is 999.0000000000001 in doubles, whose ceiling would skip to the max.
        var rank = (int)Math.Ceiling(Math.Round(p / 100 * ascending.Count, 9));
        return ascending[Math.Clamp(rank - 1, 0, ascending.Count - 1)];
    }
}
