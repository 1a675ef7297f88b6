using System.Diagnostics;
using System.Globalization;
using Search.Benchmarks.Peer;
using Search.Core;

namespace Search.Benchmarks.Scale;

/// <summary>What the scale run indexes and where it stops to measure.</summary>
public sealed record ScaleOptions
{
    /// <summary>The articles, streamed; the run takes as many as the last checkpoint needs.</summary>
    public required IEnumerable<Article> Documents { get; init; }

    /// <summary>A description of the documents for the report (where they come from, whether any repeat).</summary>
    public string CorpusDescription { get; init; } = "";

    /// <summary>Document counts at which to commit and measure, ascending (default 10k, 100k, 1M).</summary>
    public IReadOnlyList<int> Checkpoints { get; init; } = [10_000, 100_000, 1_000_000];

    /// <summary>Queries timed at each checkpoint, drawn from the first documents (default 200).</summary>
    public int Queries { get; init; } = 200;

    /// <summary>Timed passes over the queries per workload after the cold pass, every execution counted (default 3).</summary>
    public int Passes { get; init; } = 3;

    /// <summary>Seed of the query draw (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Where to build; <c>null</c> (default) uses a new temporary folder, deleted afterwards.</summary>
    public string? IndexPath { get; init; }

    /// <summary>Where to write the PNG plots; <c>null</c> writes none.</summary>
    public string? PlotDirectory { get; init; }

    /// <summary>Indexing time after which the run measures where it is and stops; <c>null</c> for no limit.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Whether to measure, after the last checkpoint, an export of every article in a process of its own (<see cref="ExportProbe"/>; default true).</summary>
    public bool MeasureExport { get; init; } = true;
}

/// <summary>Measurements at one document count.</summary>
/// <param name="Documents">Articles in the index.</param>
/// <param name="BuildTime">Cumulative wall time spent adding and committing (reading the source excluded).</param>
/// <param name="CpuTime">Processor time of the whole process so far, all threads (query measurements excluded; reading and parsing the source included; the xz decompressor is a separate process).</param>
/// <param name="TextChars">Characters of title and body indexed so far.</param>
/// <param name="IndexBytes">Index size on disk after the commit.</param>
/// <param name="PeakRssBytes">The process's peak resident set so far (VmHWM).</param>
/// <param name="TopTen">Latency of top-10 ranked queries (a).</param>
/// <param name="Faceted">Latency of top-10 with the facet counts (b).</param>
/// <param name="Full">Latency of top-10 with the facet counts and highlighted passages (c).</param>
public sealed record ScalePoint(int Documents, TimeSpan BuildTime, TimeSpan CpuTime, long TextChars, long IndexBytes, long PeakRssBytes, ExecutionLatency TopTen, ExecutionLatency Faceted, ExecutionLatency Full);

/// <summary>The outcome of a scale run.</summary>
/// <param name="Points">One entry per checkpoint reached (plus the stopping point when the time limit hit).</param>
/// <param name="StoppedEarly">Whether the source ran dry or the time limit hit before the last checkpoint.</param>
/// <param name="PlotFiles">The PNG files written.</param>
/// <param name="Export">The export of every article after the last checkpoint, when measured.</param>
public sealed record ScaleResult(IReadOnlyList<ScalePoint> Points, bool StoppedEarly, IReadOnlyList<string> PlotFiles, ExportMeasurement? Export = null);

/// <summary>
/// Grows one index through a series of document counts, committing at each and measuring build time,
/// size on disk, peak memory and query latency there, so growth that is worse than linear shows up.
/// Runs in the calling process: start it in a process of its own for a clean peak-memory figure.
/// </summary>
public static class ScaleBenchmark
{
    /// <summary>Runs the scale benchmark and writes a Markdown table (and optionally plots).</summary>
    public static ScaleResult Run(ScaleOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        if (options.Checkpoints.Count == 0 || options.Checkpoints.Zip(options.Checkpoints.Skip(1)).Any(p => p.Second <= p.First))
            throw new ArgumentException("Checkpoints must be a non-empty ascending list.", nameof(options));
        var c = CultureInfo.InvariantCulture;
        var path = options.IndexPath ?? Path.Combine(Path.GetTempPath(), "search-scale-" + Guid.NewGuid().ToString("N"));
        var points = new List<ScalePoint>();
        var stoppedEarly = false;
        output.WriteLine($"scale run: {options.CorpusDescription}");
        output.WriteLine("| docs | build wall (s) | process CPU (s) | docs/s (wall) | MB text | index (MB) | peak RSS (MB) | (a) top-10 p50 / p99 | (b) facets p50 / p99 | (c) facets+highlight p50 / p99 |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        try
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
            var sample = new List<Article>();
            IReadOnlyList<BenchmarkQuery>? queries = null;
            var sampleSize = Math.Min(options.Checkpoints[0], QuerySetGenerator.SampleDocuments);
            var buildTicks = 0L;
            var cpuStart = PeerBenchmark.CpuTime();
            var queryCpu = TimeSpan.Zero;
            var chars = 0L;
            var count = 0;
            var next = 0;
            using var writer = ArticleWriter.Open(path);
            using var documents = options.Documents.GetEnumerator();
            while (next < options.Checkpoints.Count)
            {
                var more = documents.MoveNext();
                if (more)
                {
                    var article = documents.Current;
                    if (sample.Count < sampleSize)
                        sample.Add(article);
                    var started = Stopwatch.GetTimestamp();
                    writer.Upsert(article);
                    buildTicks += Stopwatch.GetTimestamp() - started;
                    chars += article.Title.Length + article.Body.Length;
                    count++;
                }
                var overTime = options.TimeLimit is { } limit && Stopwatch.GetElapsedTime(0, buildTicks) > limit;
                if (more && count < options.Checkpoints[next] && !overTime)
                    continue;
                if (!more || overTime)
                    stoppedEarly = true;

                var commitStarted = Stopwatch.GetTimestamp();
                writer.Commit("scale-benchmark");
                buildTicks += Stopwatch.GetTimestamp() - commitStarted;
                queries ??= QuerySetGenerator.Generate(sample, options.Queries, options.Seed);
                sample.Clear();
                var cpuBeforeQueries = PeerBenchmark.CpuTime();
                var buildCpu = cpuBeforeQueries - cpuStart - queryCpu;
                var (topTen, faceted, full) = TimeQueries(path, queries, options.Passes);
                queryCpu += PeerBenchmark.CpuTime() - cpuBeforeQueries;
                var point = new ScalePoint(count, Stopwatch.GetElapsedTime(0, buildTicks), buildCpu, chars, FolderSize(path), PeakRss(), topTen, faceted, full);
                points.Add(point);
                output.WriteLine(string.Create(c, $"| {point.Documents} | {point.BuildTime.TotalSeconds:F1} | {point.CpuTime.TotalSeconds:F1} | {point.Documents / point.BuildTime.TotalSeconds:F0} | {point.TextChars / 1e6:F0} | {point.IndexBytes / 1048576.0:F0} | {point.PeakRssBytes / 1048576.0:F0} | {topTen.P50:F2} / {topTen.P99:F2} | {faceted.P50:F2} / {faceted.P99:F2} | {full.P50:F2} / {full.P99:F2} |"));
                output.Flush();
                if (stoppedEarly)
                    break;
                next++;
            }
            output.WriteLine("(latencies in milliseconds over the same queries at every size, drawn from the first documents; build time excludes reading the source)");
            WriteLatencies(points, options, output);
            ExportMeasurement? export = null;
            if (options.MeasureExport && count > 0)
            {
                export = ExportProbe.Measure(path);
                output.WriteLine(string.Create(c, $"export of every article as CSV at {count} documents (own process, rows discarded): {export.Rows} rows in {export.Time.TotalSeconds:F1} s, {export.Rows / Math.Max(export.Time.TotalSeconds, 1e-9):F0} rows/s, peak RSS {export.PeakRssBytes / 1048576.0:F0} MB"));
                output.Flush();
            }
            if (stoppedEarly)
                output.WriteLine(string.Create(c, $"stopped at {count} documents before the checkpoint {options.Checkpoints[Math.Min(next, options.Checkpoints.Count - 1)]} (source exhausted or time limit)"));
            var plots = options.PlotDirectory is null || points.Count == 0 ? [] : ScalePlots.Write(points, options.PlotDirectory, options.CorpusDescription);
            foreach (var plot in plots)
                output.WriteLine($"plot {plot}");
            return new ScaleResult(points, stoppedEarly, plots, export);
        }
        finally
        {
            if (options.IndexPath is null)
                ScratchFolder.TryDelete(path);
        }
    }

    /// <summary>The peak resident set of this process: VmHWM on Linux, else the peak working set.</summary>
    public static long PeakRss()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    continue;
                var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    /// <summary>Every execution's percentiles per workload and size, then how each grew from 100,000 documents (or the first size) to the last.</summary>
    private static void WriteLatencies(IReadOnlyList<ScalePoint> points, ScaleOptions options, TextWriter output)
    {
        if (points.Count == 0)
            return;
        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(string.Create(c, $"latency in ms over every execution: {options.Queries} queries × {options.Passes} passes per workload after a cold pass (cold = each query's first execution at that size)"));
        output.WriteLine("| docs | workload | executions | cold p50 | cold max | p50 | p90 | p99 | p99.9 | max |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var point in points)
        {
            foreach (var (name, l) in Workloads(point))
                output.WriteLine(string.Create(c, $"| {point.Documents} | {name} | {l.Executions} | {l.ColdP50:F2} | {l.ColdMax:F2} | {l.P50:F2} | {l.P90:F2} | {l.P99:F2} | {l.P999:F2} | {l.Max:F2} |"));
        }
        var from = points.FirstOrDefault(p => p.Documents == 100_000) ?? points[0];
        var to = points[^1];
        if (ReferenceEquals(from, to))
            return;
        output.WriteLine();
        output.WriteLine(string.Create(c, $"growth from {from.Documents} to {to.Documents} documents (×{to.Documents / (double)from.Documents:F1}): build wall ×{to.BuildTime / from.BuildTime:F2}, index size ×{to.IndexBytes / (double)from.IndexBytes:F2}, peak RSS ×{to.PeakRssBytes / (double)from.PeakRssBytes:F2}"));
        foreach (var ((name, a), (_, b)) in Workloads(from).Zip(Workloads(to)))
            output.WriteLine(string.Create(c, $"  {name}: p50 ×{b.P50 / a.P50:F2}, p99 ×{b.P99 / a.P99:F2}, max ×{b.Max / a.Max:F2}"));
        output.Flush();
    }

    private static (string Name, ExecutionLatency Latency)[] Workloads(ScalePoint point) =>
        [("(a) top-10", point.TopTen), ("(b) facets", point.Faceted), ("(c) facets+highlight", point.Full)];

    private static (ExecutionLatency TopTen, ExecutionLatency Faceted, ExecutionLatency Full) TimeQueries(string path, IReadOnlyList<BenchmarkQuery> queries, int passes)
    {
        using var index = SearchIndex.Open(path);
        var plain = new SearchRequest { Size = 10, Facets = new FacetOptions { Names = [] }, Highlight = new HighlightOptions { Enabled = false } };
        var faceted = new SearchRequest { Size = 10, Highlight = new HighlightOptions { Enabled = false } };
        var full = new SearchRequest { Size = 10, Highlight = new HighlightOptions { Passages = 1 } };
        ExecutionLatency Time(SearchRequest template)
        {
            long Once(BenchmarkQuery query)
            {
                var started = Stopwatch.GetTimestamp();
                index.Search(template with { Query = query.Ours });
                return Stopwatch.GetTimestamp() - started;
            }
            var cold = queries.Select(Once).ToArray();
            var warm = Enumerable.Range(0, Math.Max(1, passes)).SelectMany(_ => queries.Select(Once)).ToArray();
            return ExecutionLatency.FromTicks(cold, warm);
        }
        return (Time(plain), Time(faceted), Time(full));
    }

    private static long FolderSize(string path) => Directory.EnumerateFiles(path).Sum(f =>
    {
        try
        {
            return new FileInfo(f).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    });
}

/// <summary>Repeats a finite corpus with fresh ids until enough articles have been produced.</summary>
public static class CorpusRepeater
{
    /// <summary>
    /// Yields the source's articles, then the source again with ids suffixed <c>~r1</c>, <c>~r2</c>, …
    /// until <paramref name="total"/> articles; repeated text is the same text, so say so when
    /// reporting figures measured on it.
    /// </summary>
    public static IEnumerable<Article> Repeat(Func<IEnumerable<Article>> source, int total)
    {
        ArgumentNullException.ThrowIfNull(source);
        var produced = 0;
        for (var round = 0; produced < total; round++)
        {
            var any = false;
            foreach (var article in source())
            {
                any = true;
                yield return round == 0 ? article : article with { Id = article.Id + "~r" + round.ToString(CultureInfo.InvariantCulture) };
                if (++produced >= total)
                    yield break;
            }
            if (!any)
                yield break;
        }
    }
}
