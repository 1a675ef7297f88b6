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

    /// <summary>Timed passes over the query set; each query's latency is its median over the passes (default 3).</summary>
    public int Repetitions { get; init; } = 3;

    /// <summary>Threads feeding our writer (default 1; FTS5 always loads on one).</summary>
    public int IndexThreads { get; init; } = 1;

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

/// <summary>Latency of one workload on both engines.</summary>
/// <param name="Workload">What was timed.</param>
/// <param name="Ours">Our latencies.</param>
/// <param name="Fts5">FTS5's latencies.</param>
public sealed record LatencyComparison(string Workload, LatencySummary Ours, LatencySummary Fts5)
{
    /// <summary>Our median over FTS5's median (below 1 means we are faster).</summary>
    public double RatioP50 => Ours.P50 / Fts5.P50;
}

/// <summary>The outcome of a peer comparison.</summary>
/// <param name="Documents">Articles in both indexes.</param>
/// <param name="TextBytes">UTF-16 characters of title and body text, as a size measure.</param>
/// <param name="Ours">Our build.</param>
/// <param name="Fts5">FTS5's build.</param>
/// <param name="AnalysisFloor">Time to analyse every title and body once with our analyzer.</param>
/// <param name="Queries">Queries drawn.</param>
/// <param name="Agreement">Share of queries on which both engines count the same matches.</param>
/// <param name="Disagreements">Every query with different counts.</param>
/// <param name="Latencies">One row per timed workload.</param>
public sealed record PeerResult(
    int Documents,
    long TextBytes,
    BuildMeasurement Ours,
    BuildMeasurement Fts5,
    TimeSpan AnalysisFloor,
    int Queries,
    double Agreement,
    IReadOnlyList<QueryDisagreement> Disagreements,
    IReadOnlyList<LatencyComparison> Latencies)
{
    /// <summary>Our build time over the analysis floor (1 would mean indexing costs nothing beyond analysis).</summary>
    public double BuildOverFloor => Ours.Time / AnalysisFloor;
}

/// <summary>
/// The same-run comparison with SQLite FTS5: both engines index the same articles in one process,
/// their match counts are checked against each other, and three workloads are timed on both,
/// single-threaded, after a warm-up pass: (a) top 10 by BM25 with the total; (b) plus the top 10
/// values of three facets; (c) plus highlighted title and one passage per hit.
/// </summary>
public static class PeerBenchmark
{
    private static readonly string[] Workloads = ["(a) top-10 ranked + total", "(b) (a) + 3 facet counts", "(c) (b) + highlighted passages"];

    /// <summary>Runs the comparison and writes a plain-text report with Markdown tables to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">The corpus is empty.</exception>
    public static PeerResult Run(PeerOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        if (options.Corpus.Count == 0)
            throw new ArgumentException("The corpus has no articles to compare on.", nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Repetitions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.IndexThreads, 1);
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
            var ours = BuildOurs(corpus, Path.Combine(work, "ours"), options.IndexThreads);
            var ftsCpu = CpuTime();
            var (fts, ftsTime) = Fts5Index.Build(corpus, Path.Combine(work, "fts5.db"), options.TitleWeight);
            ftsCpu = CpuTime() - ftsCpu;
            using var ftsIndex = fts;
            var ftsBuild = new BuildMeasurement("fts5", ftsTime, fts.SizeBytes, ftsCpu);

            output.WriteLine();
            output.WriteLine("| build | wall (s) | CPU (s) | docs/s (wall) | MB/s (wall) | index size (MB) |");
            output.WriteLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var build in new[] { ours, ftsBuild })
                output.WriteLine(string.Create(c, $"| {build.Engine} | {build.Time.TotalSeconds:F2} | {build.CpuTime.TotalSeconds:F2} | {corpus.Count / build.Time.TotalSeconds:F0} | {textChars / 1e6 / build.Time.TotalSeconds:F2} | {build.SizeBytes / 1048576.0:F1} |"));
            output.WriteLine(string.Create(c, $"| analysis floor (our analyzer, all text once) | {floor.TotalSeconds:F2} | {floorCpu.TotalSeconds:F2} | {corpus.Count / floor.TotalSeconds:F0} | {textChars / 1e6 / floor.TotalSeconds:F2} | |"));
            output.WriteLine($"fts5: SQLite {fts.Version}, tokenize='porter unicode61 remove_diacritics 2', bm25 weights title {options.TitleWeight.ToString(c)}, body 1");
            output.WriteLine(string.Create(c, $"ours/fts5 build: wall {ours.Time / ftsTime:F2}, CPU {ours.CpuTime / ftsCpu:F2}; ours/floor: wall {ours.Time / floor:F2}, CPU {ours.CpuTime / floorCpu:F2}; index threads {options.IndexThreads}"));

            using var index = SearchIndex.Open(Path.Combine(work, "ours"), new SearchIndexOptions { TitleBoost = options.TitleWeight });
            var queries = QuerySetGenerator.Generate(corpus, options.Queries, options.Seed);
            var (agreement, disagreements) = CheckAgreement(index, fts, queries);
            output.WriteLine();
            output.WriteLine(string.Create(c, $"queries {queries.Count} (seed {options.Seed}): {string.Join(", ", queries.GroupBy(q => q.Shape).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"))}"));
            output.WriteLine(string.Create(c, $"agreement {agreement:P1} ({queries.Count - disagreements.Count} of {queries.Count} queries count the same matches)"));
            foreach (var d in disagreements.Take(8))
                output.WriteLine($"  {d.Query}: ours {d.Ours}, fts5 {d.Fts5} — {d.Reason}");

            var latencies = TimeWorkloads(index, fts, queries, options.Repetitions);
            output.WriteLine();
            output.WriteLine("| workload | ours p50 | ours p95 | ours p99 | fts5 p50 | fts5 p95 | fts5 p99 | ours/fts5 p50 |");
            output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var row in latencies)
                output.WriteLine(string.Create(c, $"| {row.Workload} | {row.Ours.P50:F3} | {row.Ours.P95:F3} | {row.Ours.P99:F3} | {row.Fts5.P50:F3} | {row.Fts5.P95:F3} | {row.Fts5.P99:F3} | {row.RatioP50:F2} |"));
            output.WriteLine("(milliseconds; each query's latency is its median over the timed passes; percentiles over queries)");

            return new PeerResult(corpus.Count, textChars, ours, ftsBuild, floor, queries.Count, agreement, disagreements, latencies);
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

    private static BuildMeasurement BuildOurs(IReadOnlyList<Article> corpus, string path, int threads)
    {
        var cpu = CpuTime();
        var started = Stopwatch.GetTimestamp();
        using (var writer = ArticleWriter.Open(path))
        {
            if (threads == 1)
            {
                foreach (var article in corpus)
                    writer.Upsert(article);
            }
            else
            {
                Parallel.ForEach(corpus, new ParallelOptions { MaxDegreeOfParallelism = threads }, writer.Upsert);
            }
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

    private static IReadOnlyList<LatencyComparison> TimeWorkloads(SearchIndex index, Fts5Index fts, IReadOnlyList<BenchmarkQuery> queries, int repetitions)
    {
        var requests = new[]
        {
            new SearchRequest { Size = 10, Facets = new FacetOptions { Names = [] }, Highlight = new HighlightOptions { Enabled = false } },
            new SearchRequest { Size = 10, Facets = new FacetOptions { TopN = 10 }, Highlight = new HighlightOptions { Enabled = false } },
            new SearchRequest { Size = 10, Facets = new FacetOptions { TopN = 10 }, Highlight = new HighlightOptions { Enabled = true, Passages = 1, MaxPassageLength = 240 } },
        };
        var sink = new List<string>(64);
        var rows = new List<LatencyComparison>();
        for (var w = 0; w < requests.Length; w++)
        {
            var template = requests[w];
            var workload = w;
            long RunOurs(BenchmarkQuery q)
            {
                var started = Stopwatch.GetTimestamp();
                var response = index.Search(template with { Query = q.Ours });
                var elapsed = Stopwatch.GetTimestamp() - started;
                GC.KeepAlive(response);
                return elapsed;
            }
            long RunFts(BenchmarkQuery q)
            {
                sink.Clear();
                var started = Stopwatch.GetTimestamp();
                _ = workload == 0 ? fts.Top(q.Fts5, sink) : fts.TopWithFacets(q.Fts5, sink, highlighted: workload == 2);
                return Stopwatch.GetTimestamp() - started;
            }
            // Warm-up: two untimed passes (JIT, caches, the facet ordinal maps), then a full
            // collection so garbage from the build or the previous workload is not charged here.
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var q in queries)
                {
                    RunOurs(q);
                    RunFts(q);
                }
            }
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var ours = new long[queries.Count][];
            var theirs = new long[queries.Count][];
            for (var i = 0; i < queries.Count; i++)
            {
                ours[i] = new long[repetitions];
                theirs[i] = new long[repetitions];
            }
            for (var r = 0; r < repetitions; r++)
            {
                for (var i = 0; i < queries.Count; i++)
                {
                    // Alternate which engine goes first so neither always runs on a warmer cache.
                    if ((i + r) % 2 == 0)
                    {
                        ours[i][r] = RunOurs(queries[i]);
                        theirs[i][r] = RunFts(queries[i]);
                    }
                    else
                    {
                        theirs[i][r] = RunFts(queries[i]);
                        ours[i][r] = RunOurs(queries[i]);
                    }
                }
            }
            rows.Add(new LatencyComparison(Workloads[w], LatencySummary.FromTicks(ours.Select(Median)), LatencySummary.FromTicks(theirs.Select(Median))));
        }
        return rows;
    }

    private static long Median(long[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
