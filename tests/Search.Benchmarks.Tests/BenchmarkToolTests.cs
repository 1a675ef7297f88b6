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

    [Fact]
    public void IndexE2e_RunsEachBuildInTurnBesideFts5AndPairsTheRounds()
    {
        var folder = Directory.CreateTempSubdirectory("search-e2e-test-").FullName;
        try
        {
            var file = Path.Combine(folder, "stories.jsonl");
            File.WriteAllLines(file,
            [
                """{"id":"a","title":"Talks resume","body":"The talks between the two sides resumed on Monday after a pause of two weeks, officials said."}""",
                """{"id":"b","title":"Harvest report","body":"Farmers reported a larger wheat harvest than last year across the northern districts, the ministry said."}""",
            ]);
            var search = BuiltSearch();

            var exit = BenchmarkTool.Run(["index-e2e", "--file", file, "--search", search, "--rounds", "2"], _output, _error);

            var lines = _output.ToString().Split('\n').Select(l => l.TrimEnd()).ToArray();
            Assert.Equal(0, exit);
            Assert.Equal("", _error.ToString());
            Assert.StartsWith($"index-e2e: {file} (", lines[0]);
            // Each round gives the build's wall / processor time and peak memory, and FTS5's times without a peak of its own.
            Assert.Matches(@"^\| 1 \| [0-9.]+ / [0-9.]+, [0-9]+ \| [0-9.]+ / [0-9.]+, – \|$", Assert.Single(lines, l => l.StartsWith("| 1 |", StringComparison.Ordinal)));
            Assert.Single(lines, l => l.StartsWith("| 2 |", StringComparison.Ordinal));
            var build = Assert.Single(lines, l => l.StartsWith($"| {search} |", StringComparison.Ordinal));
            Assert.EndsWith("| 1.00 (1.00–1.00) |", build);
            Assert.Matches(@"^\| FTS5 \(id, title, body\) \| .* \| 1.00 \(1.00–1.00\) \| [0-9.]+ \([0-9.]+–[0-9.]+\) \|$", Assert.Single(lines, l => l.StartsWith("| FTS5", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void IndexE2e_WithoutABuild_SaysWhatToGive()
    {
        var file = Path.GetTempFileName();
        try
        {
            var exit = BenchmarkTool.Run(["index-e2e", "--file", file], _output, _error);

            Assert.Equal(BenchmarkTool.Usage, exit);
            Assert.Equal("Give at least one build of search with --search (a native program or search.dll)." + Environment.NewLine, _error.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The search.dll built beside these tests, in their configuration (the project reference builds it).</summary>
    private static string BuiltSearch()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var repo = output;
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "Search.sln")))
            repo = repo.Parent;
        Assert.NotNull(repo);
        var search = Path.Combine(repo.FullName, "src", "Search.Cli", "bin", configuration, output.Name, "search.dll");
        Assert.True(File.Exists(search), $"{search} was not built.");
        return search;
    }

    [Theory]
    [InlineData(new[] { "peer", "--corpus", "no-such-corpus" }, "Unknown corpus 'no-such-corpus': use generated, sample, reuters, wikipedia or a folder of articles.")]
    [InlineData(new[] { "peer", "--queries", "many" }, "'many' is not a whole number (--queries).")]
    [InlineData(new[] { "peer", "--repetitions", "0" }, "--repetitions must be at least 1.")]
    [InlineData(new[] { "beir", "--corpus-file", "no-such-corpus.jsonl", "--queries-file", "q.jsonl", "--qrels", "r.tsv" }, "The file 'no-such-corpus.jsonl' (--corpus-file) does not exist.")]
    [InlineData(new[] { "beir", "--b", "1.5" }, "--b must be between 0 and 1.")]
    [InlineData(new[] { "index-e2e", "--file", "no-such-file.jsonl", "--search", "search" }, "The file 'no-such-file.jsonl' does not exist (write it with: reuters-jsonl --out FILE).")]
    public void WrongArguments_GetOneSentenceAndExitCode2(string[] args, string message)
    {
        var exit = BenchmarkTool.Run(args, _output, _error);

        Assert.Equal(BenchmarkTool.Usage, exit);
        Assert.Equal(message + Environment.NewLine, _error.ToString());
        Assert.Equal("", _output.ToString());
    }
}
