using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Search.Core;

namespace Search.Benchmarks.Scale;

/// <summary>An export of every article: how many rows, how long, and the exporting process's peak resident set.</summary>
/// <param name="Rows">Rows written.</param>
/// <param name="Time">Wall time of the export, opening the index included.</param>
/// <param name="PeakRssBytes">The peak resident set of the process that exported (VmHWM), from its start.</param>
public sealed record ExportMeasurement(long Rows, TimeSpan Time, long PeakRssBytes);

/// <summary>
/// Measures <see cref="SearchExporter"/> writing every article of an index as CSV, in a process of
/// its own (this tool again, with the <see cref="Verb"/> verb), so the peak memory is the export's
/// and not the indexing's that came before it. The rows go to a null stream: the figure is the
/// engine's (reading, highlighting, CSV formatting), not a disk's.
/// </summary>
public static class ExportProbe
{
    /// <summary>The tool verb the child process runs.</summary>
    public const string Verb = "export-peak";

    /// <summary>Runs the export of <paramref name="indexPath"/> in a child process and reads its report.</summary>
    /// <exception cref="InvalidOperationException">The child failed or printed no report.</exception>
    public static ExportMeasurement Measure(string indexPath)
    {
        // The tool's own executable when this is it; otherwise (`dotnet Search.Benchmarks.dll`, a test host) the
        // dotnet host running the tool's assembly.
        var tool = Assembly.GetExecutingAssembly().Location;
        var self = Environment.ProcessPath ?? "";
        var isTool = Path.GetFileNameWithoutExtension(self) == Path.GetFileNameWithoutExtension(tool);
        var start = new ProcessStartInfo(isTool ? self : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (!isTool)
            start.ArgumentList.Add(tool);
        start.ArgumentList.Add(Verb);
        start.ArgumentList.Add("--index");
        start.ArgumentList.Add(indexPath);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("The export process did not start.");
        var stderr = child.StandardError.ReadToEndAsync();
        var report = child.StandardOutput.ReadToEnd().Trim();
        child.WaitForExit();
        if (child.ExitCode != 0)
            throw new InvalidOperationException($"The export process failed ({child.ExitCode}): {stderr.Result}");
        var fields = report.Split(' ').Select(f => f.Split('=')).ToDictionary(f => f[0], f => f[1]);
        return new ExportMeasurement(
            long.Parse(fields["rows"], CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(fields["seconds"], CultureInfo.InvariantCulture)),
            long.Parse(fields["peak_rss_bytes"], CultureInfo.InvariantCulture));
    }

    /// <summary>The child's side: exports every article of <paramref name="indexPath"/> and prints <c>rows=… seconds=… peak_rss_bytes=…</c>.</summary>
    public static void RunChild(string indexPath, TextWriter output)
    {
        var started = Stopwatch.GetTimestamp();
        using var index = SearchIndex.Open(indexPath);
        var rows = SearchExporter.Prepare(index, new SearchRequest(), ExportFormat.Csv).WriteToAsync(Stream.Null).GetAwaiter().GetResult();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows={rows} seconds={seconds:F2} peak_rss_bytes={ScaleBenchmark.PeakRss()}"));
    }
}
