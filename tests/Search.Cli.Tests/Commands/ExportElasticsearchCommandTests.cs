using System.Text.Json;
using Search.Elastic.Tests.Export;

namespace Search.Cli.Tests.Commands;

public sealed class ExportElasticsearchCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void ExportElasticsearch_WritesBothDefinitionsAndOneBulkPairPerArticle()
    {
        var index = TestArticles.BuildIndex(_folder.Combine("index"));
        var output = _folder.Combine("es");

        var run = Cli.Run(["export-elasticsearch", "--index", index, "--out", output, "--name", "archive"]);

        Assert.Equal("", run.Error);
        Assert.Equal($"Wrote 3 articles and 0 statements to {output} (1 bulk file).\n", run.Output);
        Assert.Equal(["bulk-0001.ndjson", "settings-and-mappings.json", "statements-settings-and-mappings.json"],
            Directory.EnumerateFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var actions = File.ReadAllLines(Path.Combine(output, "bulk-0001.ndjson")).Where((_, i) => i % 2 == 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("index"))
            .Select(a => $"{a.GetProperty("_index").GetString()}/{a.GetProperty("_id").GetString()}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(["archive/drone-strike", "archive/saeed-jailed", "archive/trf-designation"], actions);
    }

    [Fact]
    public void ExportElasticsearch_WithUrl_CreatesTheIndexesSendsTheFilesAndListsRefusedDocuments()
    {
        var index = TestArticles.BuildIndex(_folder.Combine("index"), TestArticles.Designation, TestArticles.Saeed);
        using var engine = new FakeEngine()
            .Answer(200, """{"acknowledged":true,"shards_acknowledged":true,"index":"news"}""")
            .Answer(200, """{"acknowledged":true,"shards_acknowledged":true,"index":"news-statements"}""")
            .Answer(200, """
                {"took":9,"errors":true,"items":[
                  {"index":{"_index":"news","_id":"trf-designation","_version":1,"result":"created","status":201}},
                  {"index":{"_index":"news","_id":"saeed-jailed","status":400,"error":{"type":"document_parsing_exception","reason":"failed to parse field [year]"}}}
                ]}
                """);
        var output = _folder.Combine("es");

        var run = Cli.Run(["export-elasticsearch", "--index", index, "--out", output, "--url", engine.Url.ToString()]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var server = engine.Url.GetLeftPart(UriPartial.Authority);
        Assert.Equal(
            $"Wrote 2 articles and 0 statements to {output} (1 bulk file).\n"
            + "Sent file 1 of 1 (2 documents).\n"
            + $"Indexed 1 document into news and news-statements on {server}.\n",
            run.Output);
        Assert.Equal("The cluster refused 1 document:\n  news/saeed-jailed (400): document_parsing_exception: failed to parse field [year]\n", run.Error);
        Assert.Equal(["PUT /news", "PUT /news-statements", "POST /_bulk"], engine.Received.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public void ExportElasticsearch_WithUrlAlone_SendsFromATemporaryFolderItRemoves()
    {
        var index = TestArticles.BuildIndex(_folder.Combine("index"));
        using var engine = new FakeEngine()
            .Answer(200, """{"acknowledged":true,"shards_acknowledged":true,"index":"news"}""")
            .Answer(200, """{"acknowledged":true,"shards_acknowledged":true,"index":"news-statements"}""")
            .AnswerAllCreated();
        var before = Directory.GetDirectories(Path.GetTempPath(), "search-es-export-*").Length;

        var run = Cli.Run(["export-elasticsearch", "--index", index, "--url", engine.Url.ToString()]);

        Assert.Equal("", run.Error);
        Assert.Equal(
            "Wrote 3 articles and 0 statements to a temporary folder (1 bulk file).\n"
            + "Sent file 1 of 1 (3 documents).\n"
            + $"Indexed 3 documents into news and news-statements on {engine.Url.GetLeftPart(UriPartial.Authority)}.\n",
            run.Output);
        Assert.Equal(before, Directory.GetDirectories(Path.GetTempPath(), "search-es-export-*").Length);
    }

    [Fact]
    public void ExportElasticsearch_WhenTheClusterCannotBeReached_SaysSoAfterWritingTheFiles()
    {
        var index = TestArticles.BuildIndex(_folder.Combine("index"));
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var run = Cli.Run(["export-elasticsearch", "--index", index, "--out", _folder.Combine("es"), "--url", $"http://127.0.0.1:{port}"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.StartsWith($"Cannot reach the engine at http://127.0.0.1:{port} (", run.Error);
        Assert.True(File.Exists(_folder.Combine("es", "bulk-0001.ndjson")));
    }

    [Theory]
    [InlineData(new[] { "--api-key", "k" }, "--api-key needs --url: the key is for the cluster the files are sent to.\n")]
    [InlineData(new string[0], "Give --out FOLDER to write the files, --url URL to send them to a cluster, or both.\n")]
    [InlineData(new[] { "--name", "My News" }, "'My News' is not an index name the engine accepts (--name); use lower-case letters, digits, '-' and '_', such as news-2024.\nRun 'search export-elasticsearch --help' for usage.\n")]
    [InlineData(new[] { "--url", "localhost:9200" }, "'localhost:9200' is not a cluster address (--url); use http:// or https://, such as http://localhost:9200.\nRun 'search export-elasticsearch --help' for usage.\n")]
    public void ExportElasticsearch_WithWrongOptions_SaysWhatIsWrong(string[] options, string error)
    {
        var index = TestArticles.BuildIndex(_folder.Combine("index"));

        var run = Cli.Run(["export-elasticsearch", "--index", index, .. options.Length == 0 ? options : ["--out", _folder.Combine("es"), .. options]]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(error, run.Error);
    }

    [Fact]
    public void ExportElasticsearch_OnTheShippedSamples_WritesOneActionAndOneSourceLinePerArticleAndStatement()
    {
        var root = new IndexLocator(AppContext.BaseDirectory).FindRepositoryRoot();
        if (root is null || !Directory.EnumerateFiles(Path.Combine(root, "index", "samples")).Any())
        {
            Console.WriteLine("Skipped: no index/samples above the test folder.");
            return;
        }
        var index = _folder.Combine("samples-index");
        Assert.Equal(0, Cli.Run(["index", Path.Combine(root, "index", "samples"), "--index", index]).ExitCode);
        int articles;
        using (var opened = Search.Core.SearchIndex.Open(index))
            articles = opened.GetStats().Documents;

        var run = Cli.Run(["export-elasticsearch", "--index", index, "--out", _folder.Combine("es")]);

        Assert.Equal(0, run.ExitCode);
        var lines = Directory.EnumerateFiles(_folder.Combine("es"), "bulk-*.ndjson").Order(StringComparer.Ordinal).SelectMany(File.ReadAllLines).ToArray();
        var actions = lines.Where((_, i) => i % 2 == 0).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("index")).ToArray();
        var sources = lines.Where((_, i) => i % 2 == 1).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal(actions.Length, sources.Length);
        Assert.Equal(articles, actions.Count(a => a.GetProperty("_index").GetString() == "news"));
        Assert.All(sources.Where((_, i) => actions[i].GetProperty("_index").GetString() == "news"), s => Assert.True(s.TryGetProperty("title", out _)));
        Assert.All(sources.Where((_, i) => actions[i].GetProperty("_index").GetString() == "news-statements"), s => Assert.True(s.TryGetProperty("speaker", out _)));
        Assert.Equal($"Wrote {articles} articles and {actions.Length - articles} statements to {_folder.Combine("es")} (1 bulk file).\n", run.Output);
    }

    public void Dispose() => _folder.Dispose();
}
