using System.Globalization;

namespace Search.Reliability;

/// <summary>Samples of a process's resident memory, and the growth trend after warm-up.</summary>
public sealed class MemoryTrend
{
    private readonly List<(double Seconds, double Megabytes)> _samples = [];

    /// <summary>The resident set size of a process in MB, from /proc (Linux); <c>null</c> elsewhere.</summary>
    public static double? ResidentMegabytes(int processId)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status))
            return null;
        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return double.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
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
    /// The least-squares slope of memory over time after the first <paramref name="warmUpFraction"/> of
    /// the samples, in MB per minute: a leak shows as a steady positive slope, a stable process near 0.
    /// </summary>
    public double SlopePerMinute(double warmUpFraction = 0.25)
    {
        var steady = _samples.Skip((int)(_samples.Count * warmUpFraction)).ToArray();
        if (steady.Length < 2)
            return 0;
        var meanX = steady.Average(s => s.Seconds);
        var meanY = steady.Average(s => s.Megabytes);
        var covariance = steady.Sum(s => (s.Seconds - meanX) * (s.Megabytes - meanY));
        var variance = steady.Sum(s => (s.Seconds - meanX) * (s.Seconds - meanX));
        return variance == 0 ? 0 : covariance / variance * 60;
    }
}
