using Search.Benchmarks.Corpora;
using Search.Benchmarks.Peer;

namespace Search.Benchmarks.Tests.Peer;

public class PeerBenchmarkTests
{
    [Fact]
    public void Run_OnGeneratedCorpus_ReportsBuildsAgreementAndLatencies()
    {
        var articles = SyntheticCorpus.Generate(200, seed: 9).ToArray();
        var output = new StringWriter();

        var result = PeerBenchmark.Run(new PeerOptions { Corpus = articles, CorpusName = "synthetic", Queries = 20, Repetitions = 2, FeatureCosts = true }, output);

        var text = output.ToString();
        Assert.Equal(200, result.Documents);
        Assert.Equal(20, result.Queries);
        Assert.Contains("| ours |", text);
        Assert.Contains("| fts5 |", text);
        Assert.Contains("agreement ", text);
        Assert.Equal(3, result.Latencies.Count);
        // Every execution of every timed pass counts: 2 passes × 20 queries, on both engines.
        Assert.All(result.Latencies, row => Assert.Equal(40, row.Ours.Wall.Count));
        Assert.All(result.Latencies, row => Assert.Equal(40, row.Fts5.Wall.Count));
        Assert.Equal(["(a) top-10 ranked + total", "(b) (a) + 3 facet counts", "(c) (b) + highlighted passages"], result.Latencies.Select(r => r.Workload));
        Assert.Equal(4, result.Features.Count);
        Assert.All(result.Features, f => Assert.Equal(40, f.Off.Count));
        Assert.Contains("cold (first search after opening", text);
        Assert.Contains("| p50 | p90 | p99 | p99.9 | max |", text);
        Assert.True(result.Ours.SizeBytes > 0 && result.Fts5.SizeBytes > 0);
        Assert.True(result.AnalysisFloor > TimeSpan.Zero);
        // Made-up words with no punctuation tokenise identically in both engines.
        Assert.Equal(1.0, result.Agreement);
    }

    [Fact]
    public void Run_WhenCorpusIsEmpty_Throws() =>
        Assert.Throws<ArgumentException>(() => PeerBenchmark.Run(new PeerOptions { Corpus = [] }, TextWriter.Null));
}

public class QuerySetGeneratorTests
{
    [Fact]
    public void Generate_IsDeterministicAndMixesShapes()
    {
        var articles = SyntheticCorpus.Generate(200, seed: 2).ToArray();
        var first = QuerySetGenerator.Generate(articles, 40, seed: 7);
        var second = QuerySetGenerator.Generate(articles, 40, seed: 7);
        Assert.Equal(first.Select(q => q.Ours), second.Select(q => q.Ours));
        Assert.Equal(40, first.Count);
        Assert.Equal(10, first.Count(q => q.Shape == QueryShape.Phrase));
        Assert.Equal(10, first.Count(q => q.Shape == QueryShape.And));
    }

    [Fact]
    public void Generate_SkipsStopWordsAndPunctuatedWords()
    {
        var articles = Enumerable.Range(0, 30).Select(i => new Search.Core.Article
        {
            Id = "a" + i,
            Body = "The harbour's cranes were idle, and the dockers' union met. U.S. officials said nothing about cranes " + (i % 3 == 0 ? "harbour" : "quay"),
        }).ToArray();
        var queries = QuerySetGenerator.Generate(articles, 20, seed: 1);
        var words = queries.SelectMany(q => q.Words).ToHashSet();
        Assert.DoesNotContain("the", words);
        Assert.DoesNotContain("and", words);
        Assert.DoesNotContain("harbour's", words);
        Assert.DoesNotContain("u.s", words);
        Assert.All(queries.Where(q => q.Shape == QueryShape.Phrase), q => Assert.DoesNotContain("idle dockers", string.Join(' ', q.Words)));
    }

    [Theory]
    [InlineData(QueryShape.Term, new[] { "mill" }, "mill", "\"mill\"")]
    [InlineData(QueryShape.And, new[] { "mill", "tide" }, "mill AND tide", "\"mill\" AND \"tide\"")]
    [InlineData(QueryShape.Or, new[] { "mill", "tide" }, "mill OR tide", "\"mill\" OR \"tide\"")]
    [InlineData(QueryShape.Phrase, new[] { "tidal", "mill" }, "\"tidal mill\"", "\"tidal mill\"")]
    [InlineData(QueryShape.Prefix, new[] { "tida" }, "tida*", "\"tida\" *")]
    public void Create_SpellsTheQueryForBothEngines(QueryShape shape, string[] words, string ours, string fts5)
    {
        var query = BenchmarkQuery.Create(shape, words);
        Assert.Equal(ours, query.Ours);
        Assert.Equal(fts5, query.Fts5);
    }
}

public class Fts5TuningSweepTests
{
    [Fact]
    public void Run_OnGeneratedCorpus_EverySettingFindsTheSameResultsOrSaysWhyNot()
    {
        var articles = SyntheticCorpus.Generate(150, seed: 4).ToArray();
        var output = new StringWriter();
        var tunings = new[] { Fts5Tuning.Untuned, Fts5Tuning.Tuned, Fts5Tuning.Tuned with { Name = "tuned, temp table", Facets = Fts5FacetPlan.TempTable }, Fts5Tuning.Tuned with { Name = "tuned, per facet", Facets = Fts5FacetPlan.PerFacet, Top = Fts5TopOrder.RankColumn }, Fts5Tuning.Tuned with { Name = "column", Detail = "column" } };

        var results = Fts5TuningSweep.Run(new PeerOptions { Corpus = articles, Queries = 12, Repetitions = 1 }, tunings, output);

        Assert.Equal(5, results.Count);
        Assert.All(results.Take(4), r => Assert.Null(r.Failure));
        Assert.All(results.Take(4), r => Assert.Equal(1.0, r.SameResults));
        Assert.All(results.Take(4), r => Assert.Equal(12, r.Workloads[2].Count));
        // Drawn queries include phrases, which detail=column cannot answer.
        Assert.Equal("SQLite Error 1: 'fts5: phrase queries are not supported (detail!=full)'.", results[4].Failure);
        Assert.Contains("| tuned, per facet |", output.ToString());
    }
}

public class Fts5TuningTests
{
    [Fact]
    public void Describe_ListsEverySetting()
    {
        Assert.Equal(
            "build WAL synchronous=NORMAL, page_size=4096, no optimize, detail=full, mmap_size=0 MB, cache_size=2 MB, facets TempTable, ORDER BY bm25()",
            Fts5Tuning.Untuned.Describe());
        Assert.Equal(
            "build journal_mode=OFF synchronous=OFF, page_size=4096, optimize, automerge=8, crisismerge=64, detail=full, mmap_size=256 MB, cache_size=64 MB, facets OneStatement, ORDER BY bm25() plain, rank highlighted",
            (Fts5Tuning.Tuned with { AutoMerge = 8, CrisisMerge = 64 }).Describe());
    }
}
