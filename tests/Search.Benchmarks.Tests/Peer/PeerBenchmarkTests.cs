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

        var result = PeerBenchmark.Run(new PeerOptions { Corpus = articles, CorpusName = "synthetic", Queries = 20, Repetitions = 1 }, output);

        var text = output.ToString();
        Assert.Equal(200, result.Documents);
        Assert.Equal(20, result.Queries);
        Assert.Contains("| ours |", text);
        Assert.Contains("| fts5 |", text);
        Assert.Contains("agreement ", text);
        Assert.Equal(3, result.Latencies.Count);
        Assert.All(result.Latencies, row => Assert.Equal(20, row.Ours.Count));
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
