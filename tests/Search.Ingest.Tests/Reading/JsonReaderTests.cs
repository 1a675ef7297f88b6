using Search.Core;
using Search.Ingest.Reading;

namespace Search.Ingest.Tests.Reading;

public sealed class JsonReaderTests
{
    private static List<IngestResult> Read(string path) => new ArticleFileReader().Read(path).ToList();

    [Fact]
    public void Jsonl_WhenFieldsGiven_TheyWinOverExtraction()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.jsonl",
            """{"id": "x1", "title": "Given title", "body": "Donald Lu said LeT remains.", "url": "https://example.org/a", "published": "2021-05-04T10:00:00Z", "groups": ["JeM"], "speakers": ["Ned Price"], "year": 2020}""");

        var article = Assert.IsType<IngestedArticle>(Assert.Single(Read(path))).Article;

        Assert.Equal("x1", article.Id);
        Assert.Equal("Given title", article.Title);
        Assert.Equal("https://example.org/a", article.Url);
        Assert.Equal(["Jaish-e-Mohammed"], article.Values("group"));
        Assert.Equal(["Ned Price"], article.Values("speaker"));
        Assert.Equal(["2020"], article.Values("year"));
        Assert.Equal(new DateTimeOffset(2021, 5, 4, 10, 0, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void Jsonl_WhenFieldsMissing_ExtractsFromBodyAndDate()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.jsonl", """{"text": "Donald Lu said LeT remains.", "date": "2022-12-09"}""");

        var article = Assert.IsType<IngestedArticle>(Assert.Single(Read(path))).Article;

        Assert.Equal("a.jsonl#1", article.Id);
        Assert.Equal(["Lashkar-e-Taiba"], article.Values("group"));
        Assert.Equal(["Donald Lu"], article.Values("speaker"));
        Assert.Equal(["2022"], article.Values("year"));
    }

    [Fact]
    public void Jsonl_WhenLineMalformed_SkipsItAndReadsTheRest()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.jsonl", "{\"id\": \"ok1\", \"body\": \"First story.\"}\n{not json\n\n{\"id\": \"ok2\", \"body\": \"Second story.\"}\n{\"id\": \"nobody\"}\n");

        var results = Read(path);

        Assert.Equal(["ok1", "ok2"], results.OfType<IngestedArticle>().Select(a => a.Article.Id));
        var skipped = results.OfType<SkippedFile>().ToList();
        Assert.Equal([$"{path}#2", $"{path}#5"], skipped.Select(s => s.Path));
        Assert.StartsWith("Line 2 is not valid JSON", skipped[0].Reason);
        Assert.Equal("Record 5 has no 'body' or 'text'.", skipped[1].Reason);
    }

    [Fact]
    public void Json_WhenArray_ReadsEachObject()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.json", """[{"id": "a", "body": "One."}, {"body": "Two."}]""");

        Assert.Equal(["a", "a.json#2"], Read(path).OfType<IngestedArticle>().Select(a => a.Article.Id));
    }

    [Fact]
    public void Json_WhenSingleObject_ReadsIt()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.json", "{\n  \"id\": \"only\",\n  \"body\": \"One.\"\n}");

        Assert.Equal(["only"], Read(path).OfType<IngestedArticle>().Select(a => a.Article.Id));
    }

    [Fact]
    public void Jsonl_EachRecord_HasItsLineInItsSource()
    {
        using var folder = new TempFolder();
        var path = folder.Write("feed.jsonl", "{\"id\": \"w1\", \"body\": \"First story.\"}\n\n{\"body\": \"Second story.\"}\n");

        var articles = Read(path).OfType<IngestedArticle>().Select(a => a.Article).ToList();

        Assert.Equal([$"{path}#1", $"{path}#3"], articles.Select(a => a.Source));
        Assert.Equal(["w1", "feed.jsonl#3"], articles.Select(a => a.Id));
    }

    [Fact]
    public void Json_WhenArray_EachRecordHasItsPositionInItsSource()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.json", """[{"id": "a", "body": "One."}, {"body": "Two."}]""");

        Assert.Equal([$"{path}#1", $"{path}#2"], Read(path).OfType<IngestedArticle>().Select(a => a.Article.Source));
    }

    [Fact]
    public void Json_WhenSingleObject_SourceIsThePlainPath()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.json", "{\n  \"id\": \"only\",\n  \"body\": \"One.\"\n}");

        Assert.Equal([path], Read(path).OfType<IngestedArticle>().Select(a => a.Article.Source));
    }

    [Fact]
    public void ReadJson_WhenTextHoldsAnArray_ReadsEachRecordLikeAFile()
    {
        var results = new ArticleFileReader().ReadJson(
            """[{"id": "a", "body": "Matthew Miller said LeT must be dismantled."}, {"id": "b"}]""", "api").ToArray();
        var article = Assert.IsType<IngestedArticle>(results[0]).Article;
        Assert.Equal(["Lashkar-e-Taiba"], article.Values("group"));
        Assert.Equal(["Matthew Miller"], article.Values("speaker"));
        Assert.Equal("api#2", Assert.IsType<SkippedFile>(results[1]).Path);
    }
}
