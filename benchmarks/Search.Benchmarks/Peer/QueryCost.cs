using System.Diagnostics;
using System.Globalization;
using Search.Core;

namespace Search.Benchmarks.Peer;

/// <summary>
/// What one search costs on our side alone: bytes allocated per search (on the searching thread,
/// which is where a search allocates) and wall-time percentiles over every execution, for the peer
/// comparison's workload (c) and for the request the host makes for a plain <c>GET /api/search?q=…</c>
/// (every facet, two passages, folding and did-you-mean on). The same query draw as <c>peer</c>.
/// Long runs (<c>--passes</c>) make a steady load to profile.
/// </summary>
internal static class QueryCost
{
    public const string Verb = "query-cost";

    private static readonly (string Name, SearchRequest Request)[] Requests =
    [
        ("(c) peer workload: top 10 + 3 facets + 1 passage", new SearchRequest { Size = 10, Facets = new FacetOptions { TopN = 10 }, Highlight = new HighlightOptions { Enabled = true, Passages = 1, MaxPassageLength = 240 } }),
        ("host default request (GET /api/search?q=…)", new SearchRequest()),
    ];

    /// <summary>Builds (or opens, with <paramref name="indexPath"/>) our index of the corpus and reports each request's cost.</summary>
    public static void Run(IReadOnlyList<Article> corpus, string? indexPath, int queryCount, int seed, int passes, bool allocations, string? dump, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var work = indexPath ?? Path.Combine(Path.GetTempPath(), "search-query-cost-" + Guid.NewGuid().ToString("N"));
        try
        {
            if (indexPath is null || !Directory.Exists(indexPath))
            {
                using var writer = ArticleWriter.Open(work);
                foreach (var article in corpus)
                    writer.Upsert(article);
                writer.Commit("query-cost");
            }
            var queries = QuerySetGenerator.Generate(corpus, queryCount, seed);
            using var index = SearchIndex.Open(work);
            foreach (var q in queries)
            {
                foreach (var (_, request) in Requests)
                    GC.KeepAlive(index.Search(request with { Query = q.Ours }));
            }
            if (dump is not null)
                Dump(index, queries, dump);
            GC.Collect();
            output.WriteLine(string.Create(c, $"{queries.Count} queries (seed {seed}) × {passes} passes after one warm-up pass; GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}"));
            output.WriteLine("| request | KB per search | gen0 / 1000 searches | gen2 / 1000 searches | p50 (ms) | p99 (ms) | mean (ms) |");
            output.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
            foreach (var (name, request) in Requests)
            {
                using var sampler = allocations ? new AllocationSampler() : null;
                var ticks = new List<long>(queries.Count * passes);
                var gen0 = GC.CollectionCount(0);
                var gen2 = GC.CollectionCount(2);
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                for (var pass = 0; pass < passes; pass++)
                {
                    foreach (var q in queries)
                    {
                        var one = request with { Query = q.Ours };
                        var started = Stopwatch.GetTimestamp();
                        GC.KeepAlive(index.Search(one));
                        ticks.Add(Stopwatch.GetTimestamp() - started);
                    }
                }
                bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
                var searches = (double)ticks.Count;
                var wall = LatencySummary.FromTicks(ticks);
                output.WriteLine(string.Create(c, $"| {name} | {bytes / searches / 1024:F1} | {(GC.CollectionCount(0) - gen0) * 1000 / searches:F1} | {(GC.CollectionCount(2) - gen2) * 1000 / searches:F2} | {wall.P50:F3} | {wall.P99:F3} | {wall.Mean:F3} |"));
                foreach (var (type, sampled) in sampler?.Top(25) ?? [])
                    output.WriteLine(string.Create(c, $"    {sampled * 100.0 / bytes:F1}%  {type}"));
            }
        }
        finally
        {
            if (indexPath is null)
                ScratchFolder.TryDelete(work);
        }
    }

    // Paging, date order, an explanation and a histogram: the other paths a result goes through.
    private static readonly SearchRequest[] Variants =
    [
        new SearchRequest { Page = 2, Size = 5 },
        new SearchRequest { Sort = SortOrder.Newest, Histogram = new HistogramOptions { Interval = CalendarInterval.Month } },
        new SearchRequest { Size = 3, Explain = true, Collapse = false },
    ];

    /// <summary>Writes every request's response to every query as JSON Lines (timing left out), for comparing two builds' results.</summary>
    private static void Dump(SearchIndex index, IReadOnlyList<BenchmarkQuery> queries, string path)
    {
        using var writer = new StreamWriter(path);
        foreach (var q in queries)
        {
            foreach (var request in Requests.Select(r => r.Request).Concat(Variants))
                writer.WriteLine(System.Text.Json.JsonSerializer.Serialize(index.Search(request with { Query = q.Ours }) with { Took = TimeSpan.Zero }));
        }
    }
}
