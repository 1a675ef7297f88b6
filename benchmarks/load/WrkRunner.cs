using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Search.Load;

/// <summary>
/// Drives the server with wrk (Debian package <c>wrk</c>) and the Lua script <c>mix.lua</c>, which cycles
/// through the same paths as <see cref="LoadRunner"/> and prints wrk's percentiles over every request.
/// </summary>
internal sealed partial class WrkRunner(Uri server, string pathsFile, string script)
{
    /// <summary>Whether wrk is on the PATH.</summary>
    public static bool Installed() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "wrk")));

    public async Task<LoadResult> RunAsync(int concurrency, TimeSpan duration)
    {
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "-t", Math.Min(2, concurrency).ToString(CultureInfo.InvariantCulture),
            "-c", concurrency.ToString(CultureInfo.InvariantCulture),
            "-d", $"{(int)duration.TotalSeconds}s", "--timeout", "10s",
            "-s", script, server.ToString(), "--", pathsFile,
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = wrk.StandardOutput.ReadToEndAsync();
        var errors = wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var match = ResultLine().Match(await output);
        if (wrk.ExitCode != 0 || !match.Success)
            throw new InvalidOperationException($"wrk failed (exit {wrk.ExitCode}): {await errors}{await output}");
        double Micros(string name) => long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) / 1000.0;
        return new LoadResult("wrk", concurrency,
            long.Parse(match.Groups["requests"].Value, CultureInfo.InvariantCulture),
            long.Parse(match.Groups["errors"].Value, CultureInfo.InvariantCulture),
            TimeSpan.FromMicroseconds(long.Parse(match.Groups["duration"].Value, CultureInfo.InvariantCulture)),
            Micros("p50"), Micros("p90"), Micros("p99"), Micros("p999"), Micros("max"));
    }

    [GeneratedRegex(@"LOAD-RESULT requests=(?<requests>\d+) duration_us=(?<duration>\d+) errors=(?<errors>\d+) p50=(?<p50>\d+) p90=(?<p90>\d+) p99=(?<p99>\d+) p999=(?<p999>\d+) max=(?<max>\d+)")]
    private static partial Regex ResultLine();
}
