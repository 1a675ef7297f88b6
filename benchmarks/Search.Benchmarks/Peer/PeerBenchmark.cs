using System.Diagnostics;
using System.Globalization;
using Search.Core;

namespace Search.Benchmarks.Peer;

/// <summary>What the peer comparison runs on.</summary>
public sealed record PeerOptions
{
    /// <summary>The articles loaded into both engines (materialised once; both builds read the same list).</summary>
    public required IReadOnlyList<Article> Corpus { get; init; }

    /// <summary>A name for the corpus in the report.</summary>
    public string CorpusName { get; init; } = "corpus";

    /// <summary>How many queries to draw (default 500).</summary>
    public int Queries { get; init; } = 500;

    /// <summary>Seed of the query draw (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Title weight of both engines' BM25 (default 2, the library's default).</summary>
    public float TitleWeight { get; init; } = 2f;

    /// <summary>Untimed passes over every query and workload on both engines before timing (default 1).</summary>
    public int WarmupPasses { get; init; } = 1;

    /// <summary>Timed passes over the query set; every execution of every pass counts in the percentiles (default 3).</summary>
    public int Repetitions { get; init; } = 3;

    /// <summary>How the FTS5 peer is built and queried (default <see cref="Fts5Tuning.Tuned"/>).</summary>
    public Fts5Tuning Fts5 { get; init; } = Fts5Tuning.Tuned;

    /// <summary>Also time workload (c) on ours with each per-search feature turned off in turn (default false).</summary>
    public bool FeatureCosts { get; init; }

    /// <summary>Where both indexes are built; <c>null</c> (default) uses a new temporary folder, deleted afterwards.</summary>
    public string? WorkDirectory { get; init; }
}

/// <summary>Build cost of one engine.</summary>
/// <param name="Engine">"ours" or "fts5".</param>
/// <param name="Time">Wall time from empty to committed.</param>
/// <param name="SizeBytes">Bytes on disk afterwards.</param>
/// <param name="CpuTime">Processor time the process used meanwhile, all threads (less sensitive than <paramref name="Time"/> to other load on the machine).</param>
public sealed record BuildMeasurement(string Engine, TimeSpan Time, long SizeBytes, TimeSpan CpuTime);

/// <summary>A boolean query whose match counts differ between the engines.</summary>
/// <param name="Query">The query (our syntax).</param>
/// <param name="Ours">Our total.</param>
/// <param name="Fts5">FTS5's count.</param>
/// <param name="Reason">The likely cause, from per-word analysis and counts.</param>
public sealed record QueryDisagreement(string Query, int Ours, int Fts5, string Reason);

/// <summary>One engine's cost on one workload.</summary>
/// <param name="Wall">Wall time of every timed execution.</param>
/// <param name="ThreadCpu">Processor time of the searching thread in every timed execution (empty where the platform has no thread clock).</param>
/// <param name="ProcessCpuMs">Processor time of the whole process (all threads: GC, timers) over a pass of this engine alone, per query, in milliseconds.</param>
public sealed record EngineLatency(LatencySummary Wall, LatencySummary ThreadCpu, double ProcessCpuMs);

/// <summary>Latency of one workload on both engines.</summary>
/// <param name="Workload">What was timed.</param>
/// <param name="Ours">Our latencies.</param>
/// <param name="Fts5">FTS5's latencies.</param>
public sealed record LatencyComparison(string Workload, EngineLatency Ours, EngineLatency Fts5)
{
    /// <summary>Our median over FTS5's median (below 1 means we are faster).</summary>
    public double RatioP50 => Ours.Wall.P50 / Fts5.Wall.P50;

    /// <summary>Our 99th percentile over FTS5's.</summary>
    public double RatioP99 => Ours.Wall.P99 / Fts5.Wall.P99;
}

/// <summary>The first search of each engine after it was opened, before any warm-up: workload (c) on the first query.</summary>
/// <param name="Query">The query (our syntax).</param>
/// <param name="OursOpenMs">Opening our index.</param>
/// <param name="OursMs">Our first search.</param>
/// <param name="Fts5OpenMs">Opening the FTS5 database and preparing its statements.</param>
/// <param name="Fts5Ms">FTS5's first search.</param>
public sealed record ColdStart(string Query, double OursOpenMs, double OursMs, double Fts5OpenMs, double Fts5Ms);

/// <summary>What one per-search feature of ours costs on workload (c): the same queries with it off, timed interleaved with it on.</summary>
/// <param name="Feature">The feature turned off.</param>
/// <param name="On">Every feature on (the default request).</param>
/// <param name="Off">This feature off.</param>
/// <param name="OnCpu">Thread processor time with every feature on.</param>
/// <param name="OffCpu">Thread processor time with this feature off.</param>
public sealed record FeatureCost(string Feature, LatencySummary On, LatencySummary Off, LatencySummary OnCpu, LatencySummary OffCpu);

/// <summary>The outcome of a peer comparison.</summary>
/// <param name="Documents">Articles in both indexes.</param>
/// <param name="TextBytes">UTF-16 characters of title and body text, as a size measure.</param>
/// <param name="Ours">Our build.</param>
/// <param name="Fts5">FTS5's build.</param>
/// <param name="AnalysisFloor">Time to analyse every title and body once with our analyzer.</param>
/// <param name="Queries">Queries drawn.</param>
/// <param name="Agreement">Share of queries on which both engines count the same matches.</param>
/// <param name="Disagreements">Every query with different counts.</param>
/// <param name="Cold">The first search of each engine after opening.</param>
/// <param name="Latencies">One row per timed workload.</param>
/// <param name="Features">Per-feature costs when <see cref="PeerOptions.FeatureCosts"/> was set; empty otherwise.</param>
public sealed record PeerResult(
    int Documents,
    long TextBytes,
    BuildMeasurement Ours,
    BuildMeasurement Fts5,
    TimeSpan AnalysisFloor,
    int Queries,
    double Agreement,
    IReadOnlyList<QueryDisagreement> Disagreements,
    ColdStart Cold,
    IReadOnlyList<LatencyComparison> Latencies,
    IReadOnlyList<FeatureCost> Features)
{
    /// <summary>Our build time over the analysis floor (1 would mean indexing costs nothing beyond analysis).</summary>
    public double BuildOverFloor => Ours.Time / AnalysisFloor;
}

/// <summary>
/// The same-run comparison with SQLite FTS5: both engines index the same articles in one process,
/// their match counts are checked against each other, and three workloads are timed on both,
/// single-threaded: (a) top 10 by BM25 with the total; (b) plus the top 10 values of three facets;
/// (c) plus highlighted title and one passage per hit. Timing is interleaved: each query runs every
/// workload on both engines before the next query, the workload and the engine that go first
/// rotating, so neither an engine nor a workload gets the warmer cache or the later JIT tier. Percentiles are
/// over every timed execution; warm-up passes are excluded; the first search after opening is
/// reported apart as the cold figure.
/// </summary>
public static class PeerBenchmark
{
    private static readonly string[] Workloads = ["(a) top-10 ranked + total", "(b) (a) + 3 facet counts", "(c) (b) + highlighted passages"];

    /// <summary>The requests of the three workloads on our side (the query is filled in per execution).</summary>
    private static readonly SearchRequest[] Requests =
    [
        new SearchRequest { Size = 10, Facets = new FacetOptions { Names = [] }, Highlight = new HighlightOptions { Enabled = false } },
        new SearchRequest { Size = 10, Facets = new FacetOptions { TopN = 10 }, Highlight = new HighlightOptions { Enabled = false } },
        new SearchRequest { Size = 10, Facets = new FacetOptions { TopN = 10 }, Highlight = new HighlightOptions { Enabled = true, Passages = 1, MaxPassageLength = 240 } },
    ];

    /// <summary>Runs the comparison and writes a plain-text report with Markdown tables to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">The corpus is empty.</exception>
    public static PeerResult Run(PeerOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        if (options.Corpus.Count == 0)
            throw new ArgumentException("The corpus has no articles to compare on.", nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Repetitions, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.WarmupPasses);
        var c = CultureInfo.InvariantCulture;
        var work = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "search-peer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var corpus = options.Corpus;
            var textChars = corpus.Sum(a => (long)a.Title.Length + a.Body.Length);
            output.WriteLine(string.Create(c, $"corpus {options.CorpusName}: {corpus.Count} articles, {textChars / 1e6:F1} M characters of title and body"));

            var floorCpu = CpuTime();
            var floor = AnalysisFloor(corpus);
            floorCpu = CpuTime() - floorCpu;
            var ours = BuildOurs(corpus, Path.Combine(work, "ours"));
            var ftsPath = Path.Combine(work, "fts5.db");
            var ftsCpu = CpuTime();
            var ftsTime = Fts5Index.Build(corpus, ftsPath, options.Fts5, options.TitleWeight);
            ftsCpu = CpuTime() - ftsCpu;
            var ftsBuild = new BuildMeasurement("fts5", ftsTime, new FileInfo(ftsPath).Length, ftsCpu);

            output.WriteLine();
            output.WriteLine("| build | wall (s) | CPU (s) | docs/s (wall) | MB/s (wall) | index size (MB) |");
            output.WriteLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var build in new[] { ours, ftsBuild })
                output.WriteLine(string.Create(c, $"| {build.Engine} | {build.Time.TotalSeconds:F2} | {build.CpuTime.TotalSeconds:F2} | {corpus.Count / build.Time.TotalSeconds:F0} | {textChars / 1e6 / build.Time.TotalSeconds:F2} | {build.SizeBytes / 1048576.0:F1} |"));
            output.WriteLine(string.Create(c, $"| analysis floor (our analyzer, all text once) | {floor.TotalSeconds:F2} | {floorCpu.TotalSeconds:F2} | {corpus.Count / floor.TotalSeconds:F0} | {textChars / 1e6 / floor.TotalSeconds:F2} | |"));
            output.WriteLine(string.Create(c, $"ours/fts5 build: wall {ours.Time / ftsTime:F2}, CPU {ours.CpuTime / ftsCpu:F2}; ours/floor: wall {ours.Time / floor:F2}, CPU {ours.CpuTime / floorCpu:F2}"));

            var queries = QuerySetGenerator.Generate(corpus, options.Queries, options.Seed);
            var (index, fts, cold) = OpenCold(Path.Combine(work, "ours"), ftsPath, options, queries[0]);
            using var ownedIndex = index;
            using var ownedFts = fts;
            output.WriteLine($"fts5: SQLite {fts.Version}, tokenize='porter unicode61 remove_diacritics 2', bm25 weights title {options.TitleWeight.ToString(c)}, body 1; {options.Fts5.Describe()}");

            var (agreement, disagreements) = CheckAgreement(index, fts, queries);
            output.WriteLine();
            output.WriteLine(string.Create(c, $"queries {queries.Count} (seed {options.Seed}): {string.Join(", ", queries.GroupBy(q => q.Shape).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"))}"));
            output.WriteLine(string.Create(c, $"agreement {agreement:P1} ({queries.Count - disagreements.Count} of {queries.Count} queries count the same matches)"));
            foreach (var d in disagreements.Take(8))
                output.WriteLine($"  {d.Query}: ours {d.Ours}, fts5 {d.Fts5} — {d.Reason}");

            output.WriteLine();
            output.WriteLine(string.Create(c, $"cold (first search after opening, workload (c), query {cold.Query}): ours open {cold.OursOpenMs:F1} ms + first search {cold.OursMs:F1} ms; fts5 open {cold.Fts5OpenMs:F1} ms + first search {cold.Fts5Ms:F1} ms"));

            var latencies = TimeWorkloads(index, fts, queries, options);
            output.WriteLine();
            output.WriteLine("| workload | engine | p50 | p90 | p99 | p99.9 | max | thread CPU p50 | thread CPU p99 | process CPU / query |");
            output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var row in latencies)
            {
                foreach (var (engine, e) in new[] { ("ours", row.Ours), ("fts5", row.Fts5) })
                    output.WriteLine(string.Create(c, $"| {row.Workload} | {engine} | {e.Wall.P50:F3} | {e.Wall.P90:F3} | {e.Wall.P99:F3} | {e.Wall.P999:F3} | {e.Wall.Max:F3} | {e.ThreadCpu.P50:F3} | {e.ThreadCpu.P99:F3} | {e.ProcessCpuMs:F3} |"));
            }
            output.WriteLine(string.Create(c, $"(milliseconds; percentiles over every timed execution: {latencies[0].Ours.Wall.Count} per engine and workload = {options.Repetitions} passes × {queries.Count} queries, after {options.WarmupPasses} untimed warm-up pass(es) and a full GC; the workload and the engine going first rotate per query)"));
            output.WriteLine();
            output.WriteLine("| workload | ours/fts5 p50 | ours/fts5 p99 | ours/fts5 thread CPU p50 | ours/fts5 process CPU |");
            output.WriteLine("| --- | --- | --- | --- | --- |");
            foreach (var row in latencies)
                output.WriteLine(string.Create(c, $"| {row.Workload} | {row.RatioP50:F2} | {row.RatioP99:F2} | {row.Ours.ThreadCpu.P50 / row.Fts5.ThreadCpu.P50:F2} | {row.Ours.ProcessCpuMs / row.Fts5.ProcessCpuMs:F2} |"));

            var features = options.FeatureCosts ? TimeFeatures(index, queries, options) : [];
            if (features.Count > 0)
            {
                output.WriteLine();
                output.WriteLine("| ours, workload (c), feature off | on p50 | off p50 | on p99 | off p99 | saved p50 | saved mean | saved thread CPU p50 | saved thread CPU mean |");
                output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
                foreach (var f in features)
                    output.WriteLine(string.Create(c, $"| {f.Feature} | {f.On.P50:F3} | {f.Off.P50:F3} | {f.On.P99:F3} | {f.Off.P99:F3} | {f.On.P50 - f.Off.P50:F3} | {f.On.Mean - f.Off.Mean:F3} | {f.OnCpu.P50 - f.OffCpu.P50:F3} | {f.OnCpu.Mean - f.OffCpu.Mean:F3} |"));
                output.WriteLine("(milliseconds; each row's on and off run interleaved query by query in the same passes; statement exclusion has no switch and is not in the table)");
            }

            return new PeerResult(corpus.Count, textChars, ours, ftsBuild, floor, queries.Count, agreement, disagreements, cold, latencies, features);
        }
        finally
        {
            if (options.WorkDirectory is null)
                ScratchFolder.TryDelete(work);
        }
    }

    /// <summary>Time to run our analyzer once over every title and body (after a short warm-up): the least an index build can cost.</summary>
    public static TimeSpan AnalysisFloor(IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var list = articles as IReadOnlyList<Article> ?? articles.ToArray();
        foreach (var article in list.Take(500))
            TextAnalysis.CountTokens("body", article.Body);
        articles = list;
        var started = Stopwatch.GetTimestamp();
        var tokens = 0L;
        foreach (var article in articles)
            tokens += TextAnalysis.CountTokens("title", article.Title) + TextAnalysis.CountTokens("body", article.Body);
        GC.KeepAlive(tokens);
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Processor time of this process so far, all threads.</summary>
    internal static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static BuildMeasurement BuildOurs(IReadOnlyList<Article> corpus, string path)
    {
        var cpu = CpuTime();
        var started = Stopwatch.GetTimestamp();
        using (var writer = ArticleWriter.Open(path))
        {
            // One thread, as ArticleWriter requires (it refills one document per article).
            foreach (var article in corpus)
                writer.Upsert(article);
            writer.Commit("peer-benchmark");
        }
        var time = Stopwatch.GetElapsedTime(started);
        cpu = CpuTime() - cpu;
        var size = Directory.EnumerateFiles(path).Sum(f => new FileInfo(f).Length);
        return new BuildMeasurement("ours", time, size, cpu);
    }

    private static (double Agreement, IReadOnlyList<QueryDisagreement> Disagreements) CheckAgreement(SearchIndex index, Fts5Index fts, IReadOnlyList<BenchmarkQuery> queries)
    {
        var disagreements = new List<QueryDisagreement>();
        foreach (var query in queries)
        {
            var ours = OurCount(index, query.Ours);
            var theirs = fts.Count(query.Fts5);
            if (ours != theirs)
                disagreements.Add(new QueryDisagreement(query.Ours, ours, theirs, Explain(index, fts, query)));
        }
        return (queries.Count == 0 ? 1 : 1 - (double)disagreements.Count / queries.Count, disagreements);
    }

    private static int OurCount(SearchIndex index, string query) =>
        index.Search(new SearchRequest { Query = query, Size = 0, Facets = new FacetOptions { Names = [] }, Highlight = new HighlightOptions { Enabled = false } }).Total;

    /// <summary>Finds the word whose counts differ, and how our analyzer reads it.</summary>
    private static string Explain(SearchIndex index, Fts5Index fts, BenchmarkQuery query)
    {
        var reasons = new List<string>();
        foreach (var word in query.Words)
        {
            var ours = OurCount(index, word);
            var theirs = fts.Count("\"" + word + "\"");
            if (ours == theirs)
                continue;
            var terms = TextAnalysis.Terms("body", word);
            var why = terms.Count == 1 && TextAnalysis.CountTokens("body", terms[0]) == 0
                ? $"its stem '{terms[0]}' is a stop word, which FTS5 indexes and we drop"
                : "the tokenizers split or fold some text containing it differently (apostrophes: don't is one token for us, don + t for FTS5; hyphens, slashes, dotted abbreviations, digits)";
            reasons.Add($"'{word}' (ours → [{string.Join(", ", terms)}]) matches {ours} vs {theirs}: {why}");
        }
        if (reasons.Count > 0)
            return string.Join("; ", reasons);
        return query.Shape == QueryShape.Phrase
            ? "every word agrees, so the phrase positions differ (our stop-word removal leaves position gaps; FTS5 keeps the stop words as tokens)"
            : "every word agrees alone; the combination differs";
    }

    /// <summary>Opens both engines and times each one's first search (workload (c)) before anything else touches them.</summary>
    private static (SearchIndex Index, Fts5Index Fts, ColdStart Cold) OpenCold(string oursPath, string ftsPath, PeerOptions options, BenchmarkQuery first)
    {
        var started = Stopwatch.GetTimestamp();
        var index = SearchIndex.Open(oursPath, new SearchIndexOptions { TitleBoost = options.TitleWeight });
        var oursOpen = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();
        GC.KeepAlive(index.Search(Requests[2] with { Query = first.Ours }));
        var oursFirst = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();
        var fts = Fts5Index.Open(ftsPath, options.Fts5, options.TitleWeight);
        var ftsOpen = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();
        fts.TopWithFacets(first.Fts5, [], highlighted: true);
        var ftsFirst = Stopwatch.GetElapsedTime(started);
        return (index, fts, new ColdStart(first.Ours, oursOpen.TotalMilliseconds, oursFirst.TotalMilliseconds, ftsOpen.TotalMilliseconds, ftsFirst.TotalMilliseconds));
    }

    /// <summary>One timed execution: wall ticks and thread CPU nanoseconds.</summary>
    private static (long Ticks, long CpuNanoseconds) Time(Action action)
    {
        var cpu = ThreadCpuClock.Now();
        var started = Stopwatch.GetTimestamp();
        action();
        var ticks = Stopwatch.GetTimestamp() - started;
        return (ticks, ThreadCpuClock.Now() - cpu);
    }

    private static IReadOnlyList<LatencyComparison> TimeWorkloads(SearchIndex index, Fts5Index fts, IReadOnlyList<BenchmarkQuery> queries, PeerOptions options)
    {
        var sink = new List<string>(64);
        void RunOurs(int workload, BenchmarkQuery q) => GC.KeepAlive(index.Search(Requests[workload] with { Query = q.Ours }));
        void RunFts(int workload, BenchmarkQuery q)
        {
            sink.Clear();
            _ = workload == 0 ? fts.Top(q.Fts5, sink) : fts.TopWithFacets(q.Fts5, sink, highlighted: workload == 2);
        }

        var n = Workloads.Length;
        var ours = Enumerable.Range(0, n).Select(_ => new List<(long, long)>(queries.Count * options.Repetitions)).ToArray();
        var theirs = Enumerable.Range(0, n).Select(_ => new List<(long, long)>(queries.Count * options.Repetitions)).ToArray();
        for (var pass = 0; pass < options.WarmupPasses + options.Repetitions; pass++)
        {
            if (pass == options.WarmupPasses)
            {
                // Garbage from the build and the warm-up is not charged to the timed passes.
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            var timed = pass >= options.WarmupPasses;
            for (var i = 0; i < queries.Count; i++)
            {
                for (var k = 0; k < n; k++)
                {
                    // The workload that meets a query first pays for bringing its postings and
                    // stored fields into the caches, so which one goes first rotates too.
                    var w = (k + i + pass) % n;
                    var q = queries[i];
                    var workload = w;
                    if ((i + k + pass) % 2 == 0)
                    {
                        var a = Time(() => RunOurs(workload, q));
                        var b = Time(() => RunFts(workload, q));
                        if (timed)
                        {
                            ours[w].Add(a);
                            theirs[w].Add(b);
                        }
                    }
                    else
                    {
                        var b = Time(() => RunFts(workload, q));
                        var a = Time(() => RunOurs(workload, q));
                        if (timed)
                        {
                            ours[w].Add(a);
                            theirs[w].Add(b);
                        }
                    }
                }
            }
        }

        // Process CPU (every thread: GC, timers) over one pass of each engine alone, per query.
        double ProcessCpu(Action<int, BenchmarkQuery> run, int workload)
        {
            var before = CpuTime();
            foreach (var q in queries)
                run(workload, q);
            return (CpuTime() - before).TotalMilliseconds / queries.Count;
        }
        var rows = new List<LatencyComparison>();
        for (var w = 0; w < n; w++)
        {
            rows.Add(new LatencyComparison(
                Workloads[w],
                new EngineLatency(Wall(ours[w]), ThreadCpu(ours[w]), ProcessCpu(RunOurs, w)),
                new EngineLatency(Wall(theirs[w]), ThreadCpu(theirs[w]), ProcessCpu(RunFts, w))));
        }
        return rows;
    }

    /// <summary>The per-search features of ours, each as the request that turns it off and whether it runs on the index without a time budget.</summary>
    private static IEnumerable<(string Feature, Func<SearchRequest, SearchRequest> Off, bool Unbudgeted)> Toggles() =>
    [
        ("near-duplicate folding and duplicate lists (Collapse = false)", r => r with { Collapse = false }, false),
        ("did-you-mean (Suggest = false)", r => r with { Suggest = false }, false),
        ("time budget (index TimeBudget = infinite)", r => r, true),
        ("all three", r => r with { Collapse = false, Suggest = false }, true),
    ];

    private static IReadOnlyList<FeatureCost> TimeFeatures(SearchIndex index, IReadOnlyList<BenchmarkQuery> queries, PeerOptions options)
    {
        using var unbudgeted = SearchIndex.Open(index.Path, new SearchIndexOptions { TitleBoost = options.TitleWeight, TimeBudget = Timeout.InfiniteTimeSpan });
        var rows = new List<FeatureCost>();
        foreach (var (feature, off, withoutBudget) in Toggles())
        {
            var target = withoutBudget ? unbudgeted : index;
            var on = new List<(long, long)>();
            var without = new List<(long, long)>();
            for (var pass = 0; pass < options.WarmupPasses + options.Repetitions; pass++)
            {
                for (var i = 0; i < queries.Count; i++)
                {
                    var request = Requests[2] with { Query = queries[i].Ours };
                    var offRequest = off(request);
                    var first = (i + pass) % 2 == 0;
                    var a = first ? Time(() => index.Search(request)) : default;
                    var b = Time(() => target.Search(offRequest));
                    if (!first)
                        a = Time(() => index.Search(request));
                    if (pass >= options.WarmupPasses)
                    {
                        on.Add(a);
                        without.Add(b);
                    }
                }
            }
            rows.Add(new FeatureCost(feature, Wall(on), Wall(without), ThreadCpu(on), ThreadCpu(without)));
        }
        return rows;
    }

    private static LatencySummary Wall(IEnumerable<(long Ticks, long CpuNanoseconds)> executions) =>
        LatencySummary.FromTicks(executions.Select(e => e.Ticks));

    private static LatencySummary ThreadCpu(IEnumerable<(long Ticks, long CpuNanoseconds)> executions) =>
        ThreadCpuClock.Available
            ? LatencySummary.FromMilliseconds(executions.Select(e => e.CpuNanoseconds / 1e6))
            : LatencySummary.FromMilliseconds([]);
}
