using System.Diagnostics;
using System.Globalization;
using Search.Benchmarks.Peer;
using Search.Core;

namespace Search.Benchmarks;

/// <summary>
/// What a commit costs the searches that follow it while an index is served. The corpus less its last
/// <c>rounds × batch</c> articles is indexed and merged into one segment, as a bulk load leaves it;
/// then a writer adds <c>batch</c> articles and commits, <c>rounds</c> times, through the open
/// <see cref="SearchIndex"/>, so each commit gives the next search a new reader. Reports the first
/// search after each commit and the searches after it (workload (c): facet counts and highlighted
/// passages, every other search filtered on a facet value), percentiles over every execution, and the
/// commits themselves, which now include readying the new reader.
/// </summary>
internal static class RefreshBenchmark
{
    public const string Verb = "refresh";

    public static void Run(IReadOnlyList<Article> corpus, int rounds, int batch, int after, TextWriter output)
    {
        var held = rounds * batch;
        if (corpus.Count <= held)
            throw new UsageException($"The corpus has {corpus.Count} articles; {rounds} rounds of {batch} need more than {held}.");
        var path = Path.Combine(Path.GetTempPath(), "search-refresh-" + Guid.NewGuid().ToString("N"));
        try
        {
            Measure(corpus, path, rounds, batch, held, after, output);
        }
        finally
        {
            ScratchFolder.TryDelete(path);
        }
    }

    private static void Measure(IReadOnlyList<Article> corpus, string path, int rounds, int batch, int held, int after, TextWriter output)
    {
        using (var writer = ArticleWriter.Open(path))
        {
            foreach (var article in corpus.Take(corpus.Count - held))
                writer.Upsert(article);
            writer.MergeSegments();
            writer.Commit("refresh benchmark");
        }

        using var index = SearchIndex.Open(path);
        var queries = QuerySetGenerator.Generate(corpus, 200, seed: 42).Select(q => q.Ours).ToArray();
        var filter = FirstFacetValue(index);
        var next = 0;
        SearchRequest Request()
        {
            var n = next++;
            var request = new SearchRequest
            {
                Query = queries[n % queries.Length],
                Size = 10,
                Facets = new FacetOptions { TopN = 10 },
                Highlight = new HighlightOptions { Enabled = true, Passages = 1, MaxPassageLength = 240 },
            };
            return filter is { } f && n % 2 == 0 ? request with { Filters = new Dictionary<string, IReadOnlyList<string>> { [f.Facet] = [f.Value] } } : request;
        }
        // Every code path compiled and every query's terms read once before anything is timed.
        for (var i = 0; i < queries.Length * 2; i++)
            index.Search(Request());

        var first = new List<long>();
        var later = new List<long>();
        var commits = new List<long>();
        using (var writer = index.OpenWriter())
        {
            for (var round = 0; round < rounds; round++)
            {
                foreach (var article in corpus.Skip(corpus.Count - held + round * batch).Take(batch))
                    writer.Upsert(article);
                var started = Stopwatch.GetTimestamp();
                writer.Commit("refresh benchmark");
                commits.Add(Stopwatch.GetTimestamp() - started);
                for (var k = 0; k <= after; k++)
                {
                    var request = Request();
                    started = Stopwatch.GetTimestamp();
                    index.Search(request);
                    (k == 0 ? first : later).Add(Stopwatch.GetTimestamp() - started);
                }
            }
        }

        output.WriteLine($"refresh: {corpus.Count - held:N0} articles merged into one segment, then {rounds} commits of {batch} articles through the open index; {after} searches after each first one; filter {(filter is { } v ? $"{v.Facet}: {v.Value}" : "none")} on every other search");
        output.WriteLine("| what | executions | p50 | p90 | p99 | max | mean |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, ticks) in new[] { ("first search after a commit (new reader)", first), ("later searches on the same reader", later), ("commit, new reader included", commits) })
        {
            var s = LatencySummary.FromTicks(ticks);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {s.Count} | {s.P50:F2} | {s.P90:F2} | {s.P99:F2} | {s.Max:F2} | {s.Mean:F2} |"));
        }
        output.WriteLine("(milliseconds)");
    }

    /// <summary>The most common value of the first facet that has one, to filter on.</summary>
    private static (string Facet, string Value)? FirstFacetValue(SearchIndex index)
    {
        var response = index.Search(new SearchRequest { Query = "", Size = 0, Facets = new FacetOptions { TopN = 1 } });
        return response.Facets.Where(f => f.Values.Count > 0).Select(f => ((string Facet, string Value)?)(f.Name, f.Values[0].Value)).FirstOrDefault();
    }
}
