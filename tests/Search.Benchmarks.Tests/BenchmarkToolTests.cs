namespace Search.Benchmarks.Tests;

/// <summary>The benchmark tool's command line, run in process as <c>dotnet Search.Benchmarks.dll ...</c> would run it.</summary>
public sealed class BenchmarkToolTests : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    // --corpus and --docs travel in environment variables (so BenchmarkDotNet's child processes see them); reset them for the next test.
    public void Dispose()
    {
        Environment.SetEnvironmentVariable(BenchmarkCorpus.Variable, null);
        Environment.SetEnvironmentVariable(BenchmarkCorpus.LimitVariable, null);
    }

    [Fact]
    public void Peer_OnTheSampleArticles_ComparesBothEngines()
    {
        var exit = BenchmarkTool.Run(["peer", "--corpus", "sample", "--queries", "10", "--repetitions", "1"], _output, _error);

        var text = _output.ToString();
        Assert.Equal(0, exit);
        // The samples folder's README is the one file that is not an article, and it is named as skipped.
        var skipped = Assert.Single(_error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("README.md", skipped);
        Assert.StartsWith("corpus sample: ", text);
        Assert.Contains("| ours |", text);
        Assert.Contains("| fts5 |", text);
        Assert.Contains("queries 10 (seed 42)", text);
        Assert.Contains("| (c) (b) + highlighted passages |", text);
    }

    [Fact]
    public void Breakdown_OnTheSampleArticles_GivesEachWriterItsRatioRoundByRound()
    {
        var exit = BenchmarkTool.Run(["breakdown", "--corpus", "sample", "--rounds", "2"], _output, _error);

        var text = _output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("| writer (Reuters-sized text fields, one commit) | best of 2, interleaved (s) |", text);
        Assert.Contains("| × plain add, same round: median (range) |", text);
        var ours = Assert.Single(text.Split('\n'), line => line.StartsWith("| ArticleWriter.Upsert (full schema", StringComparison.Ordinal));
        // Name, five figures, and the paired ratio with its range.
        Assert.Matches(@"\| [0-9.]+ \([0-9.]+–[0-9.]+\) \|$", ours.TrimEnd());
    }

    [Fact]
    public void QueryCost_OnTheSampleArticles_ReportsBytesPerSearchAndDumpsEveryResponse()
    {
        var dump = Path.Combine(Path.GetTempPath(), "search-query-cost-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            var exit = BenchmarkTool.Run(["query-cost", "--corpus", "sample", "--queries", "4", "--passes", "1", "--dump", dump], _output, _error);

            var text = _output.ToString();
            Assert.Equal(0, exit);
            Assert.StartsWith("4 queries (seed 42) × 1 passes after one warm-up pass", text);
            Assert.Contains("| (c) peer workload: top 10 + 3 facets + 1 passage | ", text);
            Assert.Contains("| host default request (GET /api/search?q=…) | ", text);
            // Two timed requests and three more shapes, for each of the four queries.
            Assert.Equal(20, File.ReadAllLines(dump).Length);
        }
        finally
        {
            File.Delete(dump);
        }
    }

    [Fact]
    public void Peer_OnAFolder_NamesTheFilesItSkips()
    {
        var folder = Directory.CreateTempSubdirectory("search-bench-tool-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.txt"), "Talks resume\n\nThe talks between the two sides resumed on Monday after a pause of two weeks.");
            File.WriteAllText(Path.Combine(folder, "b.txt"), "Harvest report\n\nFarmers reported a larger wheat harvest than last year across the northern districts.");
            File.WriteAllText(Path.Combine(folder, "empty.txt"), "");

            var exit = BenchmarkTool.Run(["peer", "--corpus", folder, "--queries", "5", "--repetitions", "1"], _output, _error);

            Assert.Equal(0, exit);
            Assert.StartsWith($"corpus {folder}: 2 articles", _output.ToString());
            Assert.Equal($"skipped {Path.Combine(folder, "empty.txt")}: The file is empty.{Environment.NewLine}", _error.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(new[] { "peer", "--corpus", "no-such-corpus" }, "Unknown corpus 'no-such-corpus': use generated, sample, reuters, wikipedia or a folder of articles.")]
    [InlineData(new[] { "peer", "--queries", "many" }, "'many' is not a whole number (--queries).")]
    [InlineData(new[] { "peer", "--repetitions", "0" }, "--repetitions must be at least 1.")]
    [InlineData(new[] { "beir", "--corpus-file", "no-such-corpus.jsonl", "--queries-file", "q.jsonl", "--qrels", "r.tsv" }, "The file 'no-such-corpus.jsonl' (--corpus-file) does not exist.")]
    [InlineData(new[] { "beir", "--b", "1.5" }, "--b must be between 0 and 1.")]
    public void WrongArguments_GetOneSentenceAndExitCode2(string[] args, string message)
    {
        var exit = BenchmarkTool.Run(args, _output, _error);

        Assert.Equal(BenchmarkTool.Usage, exit);
        Assert.Equal(message + Environment.NewLine, _error.ToString());
        Assert.Equal("", _output.ToString());
    }
}
