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
/// <param name="TopTen">Latency of top-10 ranked queries.</param>
/// <param name="Full">Latency of top-10 with three facets and highlighted passages.</param>
public sealed record ScalePoint(int Documents, TimeSpan BuildTime, TimeSpan CpuTime, long TextChars, long IndexBytes, long PeakRssBytes, LatencySummary TopTen, LatencySummary Full);

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
        output.WriteLine("| docs | build wall (s) | process CPU (s) | docs/s (wall) | MB text | index (MB) | peak RSS (MB) | top-10 p50 | top-10 p99 | facets+highlight p50 | facets+highlight p99 |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
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
                var (topTen, full) = TimeQueries(path, queries);
                queryCpu += PeerBenchmark.CpuTime() - cpuBeforeQueries;
                var point = new ScalePoint(count, Stopwatch.GetElapsedTime(0, buildTicks), buildCpu, chars, FolderSize(path), PeakRss(), topTen, full);
                points.Add(point);
                output.WriteLine(string.Create(c, $"| {point.Documents} | {point.BuildTime.TotalSeconds:F1} | {point.CpuTime.TotalSeconds:F1} | {point.Documents / point.BuildTime.TotalSeconds:F0} | {point.TextChars / 1e6:F0} | {point.IndexBytes / 1048576.0:F0} | {point.PeakRssBytes / 1048576.0:F0} | {topTen.P50:F2} | {topTen.P99:F2} | {full.P50:F2} | {full.P99:F2} |"));
                output.Flush();
                if (stoppedEarly)
                    break;
                next++;
            }
            output.WriteLine("(latencies in milliseconds over the same queries at every size, drawn from the first documents; build time excludes reading the source)");
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

    private static (LatencySummary TopTen, LatencySummary Full) TimeQueries(string path, IReadOnlyList<BenchmarkQuery> queries)
    {
        using var index = SearchIndex.Open(path);
        var plain = new SearchRequest { Size = 10, Facets = new FacetOptions { Names = [] }, Highlight = new HighlightOptions { Enabled = false } };
        var full = new SearchRequest { Size = 10, Highlight = new HighlightOptions { Passages = 1 } };
        LatencySummary Time(SearchRequest template)
        {
            foreach (var q in queries)
                index.Search(template with { Query = q.Ours });
            var ticks = new long[queries.Count];
            for (var i = 0; i < queries.Count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                index.Search(template with { Query = queries[i].Ours });
                ticks[i] = Stopwatch.GetTimestamp() - started;
            }
            return LatencySummary.FromTicks(ticks);
        }
        return (Time(plain), Time(full));
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
