using System.Text.Json;
using Search.Core;
using Search.Elastic.Export;

namespace Search.Elastic.Tests.Export;

public sealed class ElasticExporterTests
{
    private static Article Numbered(int n) => new()
    {
        Id = $"a{n:D2}",
        Title = $"Article {n}",
        Body = $"Body of article number {n}, long enough to take some room in a bulk file.",
        Facets = new Dictionary<string, IReadOnlyList<string>> { ["year"] = [(2000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture)] },
    };

    [Fact]
    public void Export_WritesDefinitionsAndOnePairPerArticleAndStatement()
    {
        using var folder = new TempFolder();
        using var index = TestArticles.Index(folder.Combine("index"), TestArticles.Designation, TestArticles.Undated);

        var result = ElasticExporter.Export(index, new ElasticExportOptions { Folder = folder.Combine("out") });

        Assert.Equal(2, result.Articles);
        Assert.Equal(1, result.Statements);
        Assert.Equal(["settings-and-mappings.json", "statements-settings-and-mappings.json"], result.DefinitionFiles.Select(Path.GetFileName));
        Assert.Equal(["bulk-0001.ndjson"], result.BulkFiles.Select(Path.GetFileName));
        var actions = File.ReadAllLines(result.BulkFiles[0]).Where((_, i) => i % 2 == 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("index"))
            .Select(a => $"{a.GetProperty("_index").GetString()} {a.GetProperty("_id").GetString()}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(["news note", "news trf-2023", "news-statements trf-2023#0"], actions);
    }

    [Fact]
    public void Export_ReadsBackWhatTheIndexStored()
    {
        using var folder = new TempFolder();
        using var index = TestArticles.Index(folder.Combine("index"), TestArticles.Designation);

        var result = ElasticExporter.Export(index, new ElasticExportOptions { Folder = folder.Combine("out"), Name = "archive" });

        var lines = File.ReadAllLines(result.BulkFiles[0]);
        using var article = JsonDocument.Parse(lines[1]);
        Assert.Equal(["Lashkar-e-Taiba", "The Resistance Front"], article.RootElement.GetProperty("group").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(2023, article.RootElement.GetProperty("year").GetInt32());
        Assert.Equal("2023-07", article.RootElement.GetProperty("month").GetString());
        Assert.Equal("2023-07-17T09:30:00+00:00", article.RootElement.GetProperty("published").GetString());
        Assert.Equal("trf-2023", article.RootElement.GetProperty("cluster").GetString());
        using var statement = JsonDocument.Parse(lines[3]);
        Assert.Equal("{\"index\":{\"_index\":\"archive-statements\",\"_id\":\"trf-2023#0\"}}", lines[2]);
        Assert.Equal("The Resistance Front is Lashkar-e-Taiba under another name.", statement.RootElement.GetProperty("words").GetString());
        Assert.Equal(["Lashkar-e-Taiba", "The Resistance Front"], statement.RootElement.GetProperty("group").EnumerateArray().Select(v => v.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(2023, statement.RootElement.GetProperty("year").GetInt32());
    }

    [Fact]
    public void Export_WithSmallLimit_SplitsFilesBelowTheLimitKeepingPairsWhole()
    {
        using var folder = new TempFolder();
        using var index = TestArticles.Index(folder.Combine("index"), [.. Enumerable.Range(1, 20).Select(Numbered)]);

        var result = ElasticExporter.Export(index, new ElasticExportOptions { Folder = folder.Combine("out"), MaxFileBytes = 1000 });

        Assert.Equal(20, result.Articles);
        Assert.All(result.BulkFiles, file => Assert.InRange(new FileInfo(file).Length, 1, 1000));
        Assert.True(result.BulkFiles.Count > 1);
        var lines = result.BulkFiles.SelectMany(File.ReadAllLines).ToArray();
        Assert.Equal(40, lines.Length);
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"a{n:D2}").Order(), lines.Where((_, i) => i % 2 == 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("index").GetProperty("_id").GetString()).Order());
        Assert.All(result.BulkFiles, file => Assert.Equal(0, File.ReadAllLines(file).Length % 2));
    }

    [Fact]
    public void Export_RemovesBulkFilesOfAnEarlierExport()
    {
        using var folder = new TempFolder();
        using var index = TestArticles.Index(folder.Combine("index"), TestArticles.Undated);
        Directory.CreateDirectory(folder.Combine("out"));
        File.WriteAllText(folder.Combine("out", "bulk-0007.ndjson"), "stale\n");

        ElasticExporter.Export(index, new ElasticExportOptions { Folder = folder.Combine("out") });

        Assert.Equal(["bulk-0001.ndjson"], ElasticExporter.BulkFiles(folder.Combine("out")).Select(Path.GetFileName));
    }

    [Fact]
    public void Export_LeavesOutDeletedArticlesAndReplacedStatements()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("index");
        using (var writer = ArticleWriter.Open(path))
        {
            writer.Upsert(TestArticles.Designation);
            writer.Upsert(TestArticles.Undated);
            writer.Commit();
            writer.Upsert(TestArticles.Designation with { Statements = [new Statement("Matthew Miller", "TRF is LeT.", "Miller said TRF is LeT.", 1)] });
            writer.Delete(TestArticles.Undated.Id);
            writer.Commit();
        }
        using var index = SearchIndex.Open(path);

        var result = ElasticExporter.Export(index, new ElasticExportOptions { Folder = folder.Combine("out") });

        var ids = File.ReadAllLines(result.BulkFiles[0]).Where((_, i) => i % 2 == 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("index").GetProperty("_id").GetString());
        Assert.Equal(["trf-2023", "trf-2023#1"], ids);
    }
}
