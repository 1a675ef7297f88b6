using System.Diagnostics;
using System.Globalization;
using Search.Benchmarks.Corpora;
using Search.Core;

namespace Search.Benchmarks.Relevance;

/// <summary>What to evaluate and with which ranking settings.</summary>
public sealed record BeirOptions
{
    /// <summary>Path of <c>corpus.jsonl</c>.</summary>
    public required string Corpus { get; init; }

    /// <summary>Path of <c>queries.jsonl</c>.</summary>
    public required string Queries { get; init; }

    /// <summary>Path of the qrels TSV; only its queries are run.</summary>
    public required string Qrels { get; init; }

    /// <summary>BM25 term-frequency saturation (default 1.2).</summary>
    public float K1 { get; init; } = 1.2f;

    /// <summary>BM25 length normalisation (default 0.75).</summary>
    public float B { get; init; } = 0.75f;

    /// <summary>Weight of a title match relative to a body match (default 2).</summary>
    public float TitleBoost { get; init; } = 2f;

    /// <summary>
    /// Where to build the index. <c>null</c> (the default) builds in a new temporary folder and deletes
    /// it afterwards; a folder that already holds an index is reused as it is (BM25 parameters and the
    /// title weight apply at search time, so one index serves a whole parameter sweep).
    /// </summary>
    public string? IndexPath { get; init; }
}

/// <summary>The scores of one evaluation run, averaged over the judged queries.</summary>
/// <param name="Documents">Documents indexed (0 when an existing index was reused).</param>
/// <param name="Queries">Judged queries run.</param>
/// <param name="QueriesWithoutHits">Judged queries that matched nothing (scored 0, see <see cref="BeirEvaluation"/>).</param>
/// <param name="NdcgAt10">Mean nDCG@10.</param>
/// <param name="RecallAt100">Mean Recall@100.</param>
/// <param name="MapAt100">Mean average precision cut at 100.</param>
/// <param name="BuildTime">Time to index the corpus (zero when reused).</param>
/// <param name="SearchTime">Time to run all queries.</param>
public sealed record BeirResult(int Documents, int Queries, int QueriesWithoutHits, double NdcgAt10, double RecallAt100, double MapAt100, TimeSpan BuildTime, TimeSpan SearchTime);

/// <summary>
/// Relevance of the library's ranking on a BEIR collection: indexes the corpus (title and text as
/// separate fields, as Anserini's "multifield" runs do), runs every judged query as plain words, and
/// scores the top 100 with <see cref="RelevanceMetrics"/>.
/// </summary>
/// <remarks>
/// Scores are averaged over every query in the qrels that has query text, counting a query with no
/// hits as 0 (trec_eval's <c>-c</c>; without it trec_eval would drop such queries). The report says
/// how many there were, so the two conventions can be told apart.
/// </remarks>
public static class BeirEvaluation
{
    /// <summary>How many hits are scored per query.</summary>
    public const int Depth = 100;

    /// <summary>Runs the evaluation and writes <c>nDCG@10 0.xxxx</c>, <c>Recall@100 0.xxxx</c> and <c>MAP@100 0.xxxx</c> lines to <paramref name="output"/>.</summary>
    /// <exception cref="FileNotFoundException">One of the input files does not exist.</exception>
    public static BeirResult Run(BeirOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var file in new[] { options.Corpus, options.Queries, options.Qrels })
        {
            if (!File.Exists(file))
                throw new FileNotFoundException($"The BEIR file '{file}' does not exist.", file);
        }
        var temporary = options.IndexPath is null;
        var indexPath = options.IndexPath ?? Path.Combine(Path.GetTempPath(), "search-beir-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (documents, buildTime) = EnsureIndex(options.Corpus, indexPath);
            var qrels = BeirReader.ReadQrels(options.Qrels);
            var queries = BeirReader.ReadQueries(options.Queries).Where(q => qrels.ByQuery.ContainsKey(q.Id)).ToArray();
            var result = Evaluate(indexPath, queries, qrels, options) with { Documents = documents, BuildTime = buildTime };
            Print(result, options, output);
            return result;
        }
        finally
        {
            if (temporary)
                ScratchFolder.TryDelete(indexPath);
        }
    }

    /// <summary>Runs the evaluation once per setting over one index, writing one table row per setting.</summary>
    /// <param name="options">Files and index path; its own K1, B and TitleBoost are ignored.</param>
    /// <param name="settings">The (K1, B, TitleBoost) settings to try.</param>
    /// <param name="output">Receives a Markdown table.</param>
    public static IReadOnlyList<(BeirOptions Settings, BeirResult Result)> Sweep(BeirOptions options, IEnumerable<(float K1, float B, float TitleBoost)> settings, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var temporary = options.IndexPath is null;
        var indexPath = options.IndexPath ?? Path.Combine(Path.GetTempPath(), "search-beir-" + Guid.NewGuid().ToString("N"));
        try
        {
            EnsureIndex(options.Corpus, indexPath);
            var qrels = BeirReader.ReadQrels(options.Qrels);
            var queries = BeirReader.ReadQueries(options.Queries).Where(q => qrels.ByQuery.ContainsKey(q.Id)).ToArray();
            output.WriteLine("| k1 | b | title boost | nDCG@10 | Recall@100 | MAP@100 |");
            output.WriteLine("| --- | --- | --- | --- | --- | --- |");
            var results = new List<(BeirOptions, BeirResult)>();
            foreach (var (k1, b, boost) in settings)
            {
                var setting = options with { K1 = k1, B = b, TitleBoost = boost };
                var result = Evaluate(indexPath, queries, qrels, setting);
                results.Add((setting, result));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {k1} | {b} | {boost} | {result.NdcgAt10:F4} | {result.RecallAt100:F4} | {result.MapAt100:F4} |"));
            }
            return results;
        }
        finally
        {
            if (temporary)
                ScratchFolder.TryDelete(indexPath);
        }
    }

    private static (int Documents, TimeSpan Time) EnsureIndex(string corpus, string indexPath)
    {
        if (Directory.Exists(indexPath) && Directory.EnumerateFiles(indexPath, "segments*").Any())
            return (0, TimeSpan.Zero);
        var started = Stopwatch.GetTimestamp();
        var count = 0;
        using (var writer = ArticleWriter.Open(indexPath))
        {
            foreach (var doc in BeirReader.ReadCorpus(corpus))
            {
                writer.Upsert(new Article { Id = doc.Id, Title = doc.Title, Body = doc.Text });
                count++;
            }
            writer.Commit("beir-evaluation");
        }
        return (count, Stopwatch.GetElapsedTime(started));
    }

    private static BeirResult Evaluate(string indexPath, IReadOnlyList<BeirQuery> queries, Qrels qrels, BeirOptions options)
    {
        var indexOptions = new SearchIndexOptions { K1 = options.K1, B = options.B, TitleBoost = options.TitleBoost };
        using var index = SearchIndex.Open(indexPath, indexOptions);
        var started = Stopwatch.GetTimestamp();
        double ndcg = 0, recall = 0, map = 0;
        var withoutHits = 0;
        foreach (var query in queries)
        {
            var response = index.Search(new SearchRequest
            {
                Query = QueryText.Escape(query.Text),
                Size = Depth,
                Facets = new FacetOptions { Names = [] },
                Highlight = new HighlightOptions { Enabled = false },
            });
            if (response.Hits.Count == 0)
                withoutHits++;
            var ranking = RelevanceMetrics.TrecOrder(response.Hits.Select(h => (h.Id, h.Score)));
            var judged = qrels.ByQuery[query.Id];
            ndcg += RelevanceMetrics.NdcgAt(ranking, judged, 10);
            recall += RelevanceMetrics.RecallAt(ranking, judged, Depth);
            map += RelevanceMetrics.AveragePrecisionAt(ranking, judged, Depth);
        }
        var n = Math.Max(1, queries.Count);
        return new BeirResult(0, queries.Count, withoutHits, ndcg / n, recall / n, map / n, TimeSpan.Zero, Stopwatch.GetElapsedTime(started));
    }

    private static void Print(BeirResult result, BeirOptions options, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"documents {result.Documents} (indexed in {result.BuildTime.TotalSeconds:F1} s), queries {result.Queries} ({result.QueriesWithoutHits} without hits, scored 0)"));
        output.WriteLine(string.Create(c, $"settings k1={options.K1} b={options.B} title-boost={options.TitleBoost}"));
        output.WriteLine(string.Create(c, $"nDCG@10 {result.NdcgAt10:F4}"));
        output.WriteLine(string.Create(c, $"Recall@100 {result.RecallAt100:F4}"));
        output.WriteLine(string.Create(c, $"MAP@100 {result.MapAt100:F4}"));
    }
}
