namespace Search.Benchmarks;

/// <summary>Figures every side-by-side run reports with its results: the machine's load, and the median of its rounds.</summary>
public static class RunConditions
{
    /// <summary>The 1-, 5- and 15-minute load averages, as <c>/proc/loadavg</c> gives them; "unknown" elsewhere.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The median of a run's rounds (the mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
