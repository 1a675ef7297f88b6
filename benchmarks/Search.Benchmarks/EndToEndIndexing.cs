using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Search.Benchmarks.Peer;
using Search.Core;

namespace Search.Benchmarks;

/// <summary>
/// <c>search index FILE</c> end to end, as a user runs it: each build of <c>search</c> given (a native
/// program or a <c>search.dll</c>) indexes a JSON Lines file into a new folder in a process of its own,
/// round after round, next to SQLite FTS5 loading the same file's id, title and body (read and parsed
/// here, tuned as in the peer comparison, <c>optimize</c> included). The order turns each round, so
/// no build always runs first. This machine's speed drifts by a quarter from minute to minute, so
/// besides each build's wall and processor time the report gives each round's ratio to FTS5 and to
/// the first build, which share that round's speed.
/// </summary>
internal static class EndToEndIndexing
{
    public const string Verb = "index-e2e";

    private const string Fts5 = "FTS5 (id, title, body)";

    public static void Run(string file, IReadOnlyList<string> builds, int rounds, TextWriter output)
    {
        if (!File.Exists(file))
            throw new UsageException($"The file '{file}' does not exist (write it with: reuters-jsonl --out FILE).");
        if (builds.Count == 0)
            throw new UsageException("Give at least one build of search with --search (a native program or search.dll).");
        foreach (var build in builds)
        {
            if (!File.Exists(build))
                throw new UsageException($"The build '{build}' does not exist.");
        }
        var names = builds.Append(Fts5).ToArray();
        var wall = names.Select(_ => new double[rounds]).ToArray();
        var cpu = names.Select(_ => new double[rounds]).ToArray();
        var peak = names.Select(_ => new double[rounds]).ToArray();
        output.WriteLine($"index-e2e: {file} ({new FileInfo(file).Length / 1e6:F1} MB), {rounds} rounds; load average at the start {RunConditions.LoadAverage()}");
        output.WriteLine("| round | " + string.Join(" | ", names.Select(n => $"{n}: wall / processor (s), peak RSS (MB)")) + " |");
        output.WriteLine("| --- |" + string.Concat(names.Select(_ => " --- |")));
        for (var round = 0; round < rounds; round++)
        {
            for (var step = 0; step < names.Length; step++)
            {
                var which = (step + round) % names.Length;
                var folder = Path.Combine(Path.GetTempPath(), "search-e2e-" + Guid.NewGuid().ToString("N"));
                try
                {
                    (wall[which][round], cpu[which][round], peak[which][round]) = which < builds.Count
                        ? IndexWith(builds[which], file, folder)
                        : BuildFts5(file, folder);
                }
                finally
                {
                    ScratchFolder.TryDelete(folder);
                }
            }
            output.WriteLine(FormattableString.Invariant($"| {round + 1} | ") + string.Join(" | ", names.Select((_, n) => FormattableString.Invariant($"{wall[n][round]:F2} / {cpu[n][round]:F2}, {(double.IsNaN(peak[n][round]) ? "–" : peak[n][round].ToString("F0", CultureInfo.InvariantCulture))}"))) + " |");
        }
        output.WriteLine();
        output.WriteLine("| build | wall: median (range) | processor: median | wall / FTS5, same round: median (range) | wall / first build, same round: median (range) |");
        output.WriteLine("| --- | --- | --- | --- | --- |");
        for (var n = 0; n < names.Length; n++)
        {
            output.WriteLine(FormattableString.Invariant(
                $"| {names[n]} | {RunConditions.Median(wall[n]):F2} ({wall[n].Min():F2}–{wall[n].Max():F2}) | {RunConditions.Median(cpu[n]):F2} | {Ratio(wall[n], wall[^1])} | {Ratio(wall[n], wall[0])} |"));
        }
        output.WriteLine($"Load average at the end: {RunConditions.LoadAverage()}.");
    }

    private static string Ratio(double[] a, double[] b)
    {
        var ratios = a.Zip(b, (x, y) => x / y).ToArray();
        return FormattableString.Invariant($"{RunConditions.Median(ratios):F2} ({ratios.Min():F2}–{ratios.Max():F2})");
    }

    /// <summary>Runs <c>search index</c> in a child process: its wall time, the processor time of the children it added, and its peak resident memory as last seen.</summary>
    private static (double Wall, double Cpu, double PeakMb) IndexWith(string build, string file, string folder)
    {
        var start = SearchBuild.StartInfo(build, ["index", file, "--index", folder]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var cpuBefore = ChildrenCpuSeconds();
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{build} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        // The kernel keeps a process's high-water mark until it is reaped: read it while it runs.
        var peak = 0L;
        while (!process.WaitForExit(20))
            peak = Math.Max(peak, HighWaterMarkKb(process.Id));
        process.WaitForExit();
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{build} index failed (exit {process.ExitCode}): {errors.Result}{output.Result}");
        return (wall, ChildrenCpuSeconds() - cpuBefore, peak / 1024.0);
    }

    private static (double Wall, double Cpu, double PeakMb) BuildFts5(string file, string folder)
    {
        Directory.CreateDirectory(folder);
        GC.Collect();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        Fts5Index.Build(ReadLines(file), Path.Combine(folder, "fts5.db"), Fts5Tuning.Tuned, titleWeight: 2f);
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        // FTS5 runs in this process, whose peak includes the tool's own: none is given for it.
        return (wall, (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds, double.NaN);
    }

    private static IEnumerable<Article> ReadLines(string file)
    {
        foreach (var line in File.ReadLines(file))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            yield return new Article
            {
                Id = root.GetProperty("id").GetString()!,
                Title = root.TryGetProperty("title", out var title) ? title.GetString() ?? "" : "",
                Body = root.TryGetProperty("body", out var body) ? body.GetString() ?? "" : "",
            };
        }
    }

    private static long HighWaterMarkKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>User and system time of the children this process has waited for, in seconds.</summary>
    private static double ChildrenCpuSeconds()
    {
        if (!OperatingSystem.IsLinux())
            return double.NaN;
        GetResourceUsage(ResourceUsageChildren, out var usage);
        return usage.UserSeconds + usage.UserMicroseconds / 1e6 + usage.SystemSeconds + usage.SystemMicroseconds / 1e6;
    }

    private const int ResourceUsageChildren = -1;

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;

        // The rest of struct rusage (fourteen longs), unread.
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);
}
