using System.Globalization;

namespace Search.Reliability;

/// <summary>
/// A least-squares growth rate in MB per minute with its 95 % confidence interval. The interval is
/// widened for the correlation between neighbouring samples (memory sampled every second is far from
/// independent), so a sawtooth of garbage collections does not pass for a precise trend.
/// </summary>
public sealed record Slope(double PerMinute, double Lower, double Upper, int Samples)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Signed(PerMinute)} MB/min (95 % CI {Signed(Lower)} to {Signed(Upper)}, {Samples} samples)");

    // Rounded first: a custom format's negative section would print a tiny negative as "-+0.0".
    private static string Signed(double value) => Math.Round(value, 1).ToString("+0.0;-0.0;+0.0", CultureInfo.InvariantCulture);
}

/// <summary>Samples of a process's memory over time, and the growth trend after warm-up.</summary>
public sealed class MemoryTrend
{
    private readonly List<(double Seconds, double Megabytes)> _samples = [];

    /// <summary>The resident set size of a process in MB, from /proc (Linux); <c>null</c> elsewhere.</summary>
    public static double? ResidentMegabytes(int processId) => StatusMegabytes(processId, "VmRSS");

    /// <summary>
    /// A memory line of /proc/<c>pid</c>/status in MB (Linux; <c>null</c> elsewhere): <c>VmRSS</c> is the
    /// sum of <c>RssAnon</c> (heaps, stacks: where a leak shows), <c>RssFile</c> (mapped files: the
    /// runtime's and the program's assemblies, the index) and <c>RssShmem</c> (shared memory: .NET maps
    /// the code it compiles there, twice, for W^X, so it grows while methods are recompiled).
    /// </summary>
    public static double? StatusMegabytes(int processId, string field)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status))
            return null;
        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return double.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        }
        return null;
    }

    /// <summary>Adds a sample taken <paramref name="seconds"/> into the run.</summary>
    public void Add(double seconds, double megabytes)
    {
        lock (_samples)
            _samples.Add((seconds, megabytes));
    }

    /// <summary>How many samples were taken.</summary>
    public int Count => _samples.Count;

    /// <summary>The first and last sample and the highest, in MB.</summary>
    public (double First, double Last, double Peak) Range() =>
        _samples.Count == 0 ? (0, 0, 0) : (_samples[0].Megabytes, _samples[^1].Megabytes, _samples.Max(s => s.Megabytes));

    /// <summary>
    /// The growth rate after the first <paramref name="warmUpFraction"/> of the samples: a leak shows
    /// as an interval above 0, a stable process as one around 0. The standard error of the slope is
    /// scaled by sqrt((1 + r) / (1 - r)), r being the lag-1 autocorrelation of the residuals, which
    /// is the usual correction for serially correlated samples; t is taken as 1.96.
    /// </summary>
    public Slope Trend(double warmUpFraction = 0.25)
    {
        (double Seconds, double Megabytes)[] steady;
        lock (_samples)
            steady = [.. _samples.Skip((int)(_samples.Count * warmUpFraction))];
        if (steady.Length < 3)
            return new Slope(0, double.NegativeInfinity, double.PositiveInfinity, steady.Length);
        var meanX = steady.Average(s => s.Seconds);
        var meanY = steady.Average(s => s.Megabytes);
        var sxx = steady.Sum(s => (s.Seconds - meanX) * (s.Seconds - meanX));
        if (sxx == 0)
            return new Slope(0, double.NegativeInfinity, double.PositiveInfinity, steady.Length);
        var slope = steady.Sum(s => (s.Seconds - meanX) * (s.Megabytes - meanY)) / sxx;
        var residuals = steady.Select(s => s.Megabytes - (meanY + slope * (s.Seconds - meanX))).ToArray();
        var squares = residuals.Sum(e => e * e);
        var lagged = residuals.Skip(1).Select((e, i) => e * residuals[i]).Sum();
        var r = squares == 0 ? 0 : Math.Clamp(lagged / squares, 0, 0.99);
        var standardError = Math.Sqrt(squares / (steady.Length - 2) / sxx) * Math.Sqrt((1 + r) / (1 - r));
        return new Slope(slope * 60, (slope - 1.96 * standardError) * 60, (slope + 1.96 * standardError) * 60, steady.Length);
    }
}
