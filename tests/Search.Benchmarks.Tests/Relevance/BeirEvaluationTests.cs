using System.Text.Json;
using Search.Benchmarks.Corpora;
using Search.Benchmarks.Relevance;

namespace Search.Benchmarks.Tests.Relevance;

public class BeirEvaluationTests
{
    [Fact]
    public void Run_OnGeneratedCollection_PrintsTheThreeMetrics()
    {
        var folder = Directory.CreateTempSubdirectory("beir-test-");
        try
        {
            var options = WriteCollection(folder.FullName, documents: 300, queries: 20);
            var output = new StringWriter();

            var result = BeirEvaluation.Run(options, output);

            var lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries);
            Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^nDCG@10 \d\.\d{4}$"));
            Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Recall@100 \d\.\d{4}$"));
            Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^MAP@100 \d\.\d{4}$"));
            Assert.Equal(300, result.Documents);
            Assert.Equal(20, result.Queries);
            // Each query is its document's title, so the document should be found near the top.
            Assert.True(result.RecallAt100 > 0.9, $"Recall@100 was {result.RecallAt100}.");
            Assert.True(result.NdcgAt10 > 0.5, $"nDCG@10 was {result.NdcgAt10}.");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Sweep_ReusesOneIndexAndWritesOneRowPerSetting()
    {
        var folder = Directory.CreateTempSubdirectory("beir-sweep-");
        try
        {
            var options = WriteCollection(folder.FullName, documents: 200, queries: 10) with { IndexPath = Path.Combine(folder.FullName, "index") };
            var output = new StringWriter();

            var results = BeirEvaluation.Sweep(options, [(1.2f, 0.75f, 2f), (0.9f, 0.4f, 1f)], output);

            Assert.Equal(2, results.Count);
            Assert.Equal(4, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Run_WhenAFileIsMissing_Throws() =>
        Assert.Throws<FileNotFoundException>(() => BeirEvaluation.Run(new BeirOptions { Corpus = "/nonexistent/corpus.jsonl", Queries = "q", Qrels = "r" }, TextWriter.Null));

    [Theory]
    [InlineData("Vitamin D (25-OH) levels: high?", @"Vitamin D \(25\-OH\) levels\: high\?")]
    [InlineData("cats AND dogs", "cats and dogs")]
    [InlineData("  spaced   out ", "spaced out")]
    [InlineData("a/b \"c\"", "a\\/b \\\"c\\\"")]
    public void Escape_LeavesOnlyWords(string text, string expected) =>
        Assert.Equal(expected, QueryText.Escape(text));

    private static BeirOptions WriteCollection(string folder, int documents, int queries)
    {
        var articles = SyntheticCorpus.Generate(documents, seed: 5).ToArray();
        var corpus = Path.Combine(folder, "corpus.jsonl");
        File.WriteAllLines(corpus, articles.Select(a => JsonSerializer.Serialize(new Dictionary<string, object> { ["_id"] = a.Id, ["title"] = a.Title, ["text"] = a.Body, ["metadata"] = new { } })));
        var picked = articles.Where((_, i) => i % (documents / queries) == 0).Take(queries).ToArray();
        var queryFile = Path.Combine(folder, "queries.jsonl");
        File.WriteAllLines(queryFile, picked.Select((a, i) => JsonSerializer.Serialize(new Dictionary<string, string> { ["_id"] = "q" + i, ["text"] = a.Title })).Append(JsonSerializer.Serialize(new Dictionary<string, string> { ["_id"] = "unjudged", ["text"] = "nothing" })));
        var qrels = Path.Combine(folder, "qrels.tsv");
        File.WriteAllLines(qrels, picked.Select((a, i) => $"q{i}\t{a.Id}\t1").Prepend("query-id\tcorpus-id\tscore"));
        return new BeirOptions { Corpus = corpus, Queries = queryFile, Qrels = qrels };
    }
}
