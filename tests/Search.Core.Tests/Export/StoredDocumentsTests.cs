using Search.Core;

namespace Search.Core.Tests.Export;

public sealed class StoredDocumentsTests
{
    private static readonly Article Briefing = new()
    {
        Id = "briefing",
        Title = "Briefing",
        Body = "Kirby said LeT must be reined in. Toner said the TTP is a threat.",
        Url = "https://example.org/briefing",
        Facets = new Dictionary<string, IReadOnlyList<string>> { ["speaker"] = ["John Kirby", "Mark Toner"], ["year"] = ["2015"] },
        Statements =
        [
            new Statement("John Kirby", "LeT must be reined in", "Kirby said LeT must be reined in.", 0),
            new Statement("Mark Toner", "the TTP is a threat", "Toner said the TTP is a threat.", 1),
        ],
    };

    private static readonly Article Note = new() { Id = "note", Title = "Note", Body = "Nobody is quoted." };

    [Fact]
    public void Articles_ReturnsEveryLiveArticleWithoutItsStatements()
    {
        using var test = TestIndex.InTwoSegments([Briefing, Note], firstSegment: 1);

        using var contents = test.Index.ReadContents();
        var articles = contents.Articles().ToArray();

        Assert.Equal(["briefing", "note"], articles.Select(a => a.Id).Order(StringComparer.Ordinal));
        var briefing = articles.Single(a => a.Id == "briefing");
        Assert.Equal(["John Kirby", "Mark Toner"], briefing.Values("speaker"));
        Assert.Equal("https://example.org/briefing", briefing.Url);
        Assert.Empty(briefing.Statements);
    }

    [Fact]
    public void Statements_ReturnsEachStatementWithItsWordsAndArticle()
    {
        using var test = new TestIndex([Briefing, Note]);

        using var contents = test.Index.ReadContents();
        var statements = contents.Statements().OrderBy(s => s.Statement.Position).ToArray();

        Assert.Equal(2, statements.Length);
        Assert.Equal(new Statement("John Kirby", "LeT must be reined in", "Kirby said LeT must be reined in.", 0), statements[0].Statement);
        Assert.Equal(("briefing", "Briefing", "https://example.org/briefing", (int?)2015), (statements[0].ArticleId, statements[0].Title, statements[0].Url, statements[0].Year));
        Assert.Equal(["Lashkar-e-Taiba"], statements[0].Groups);
        Assert.Equal(["Tehrik-i-Taliban Pakistan"], statements[1].Groups);
    }

    [Fact]
    public void Articles_LeavesOutDeletedArticles()
    {
        using var test = new TestIndex([Briefing, Note]);
        using (var writer = test.Index.OpenWriter())
        {
            writer.Delete("briefing");
            writer.Commit("tests");
        }

        using var contents = test.Index.ReadContents();
        Assert.Equal(["note"], contents.Articles().Select(a => a.Id));
        Assert.Empty(contents.Statements());
    }

    [Fact]
    public void ReadContents_KeepsItsSnapshotWhileTheIndexChanges()
    {
        using var test = new TestIndex([Briefing, Note]);
        using var contents = test.Index.ReadContents();
        using (var writer = test.Index.OpenWriter())
        {
            writer.Delete("briefing");
            writer.Commit("tests");
        }
        test.Search("");

        Assert.Equal(["briefing", "note"], contents.Articles().Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, contents.Statements().Count());
    }

    [Fact]
    public void ReadContents_AfterDispose_Throws()
    {
        using var test = new TestIndex([Note]);
        var contents = test.Index.ReadContents();
        contents.Dispose();

        Assert.Throws<ObjectDisposedException>(() => contents.Articles());
    }

    [Theory]
    [InlineData("LeT", true)]
    [InlineData("ISIS-K", true)]
    [InlineData("TTP", true)]
    [InlineData("Lashkar-e-Taiba", false)]
    [InlineData("Daesh", false)]
    [InlineData("Islamic State", false)]
    public void GroupAlias_MatchesCase_ForAcronymsOnly(string alias, bool matchesCase) =>
        Assert.Equal(matchesCase, new GroupAlias(alias, false).MatchesCase);
}
