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
    public void ReadArticles_ReturnsEveryLiveArticleWithoutItsStatements()
    {
        using var test = TestIndex.InTwoSegments([Briefing, Note], firstSegment: 1);

        var articles = test.Index.ReadArticles().ToArray();

        Assert.Equal(["briefing", "note"], articles.Select(a => a.Id).Order(StringComparer.Ordinal));
        var briefing = articles.Single(a => a.Id == "briefing");
        Assert.Equal(["John Kirby", "Mark Toner"], briefing.Values("speaker"));
        Assert.Equal("https://example.org/briefing", briefing.Url);
        Assert.Empty(briefing.Statements);
    }

    [Fact]
    public void ReadStatements_ReturnsEachStatementWithItsWordsAndArticle()
    {
        using var test = new TestIndex([Briefing, Note]);

        var statements = test.Index.ReadStatements().OrderBy(s => s.Statement.Position).ToArray();

        Assert.Equal(2, statements.Length);
        Assert.Equal(new Statement("John Kirby", "LeT must be reined in", "Kirby said LeT must be reined in.", 0), statements[0].Statement);
        Assert.Equal(("briefing", "Briefing", "https://example.org/briefing", (int?)2015), (statements[0].ArticleId, statements[0].Title, statements[0].Url, statements[0].Year));
        Assert.Equal(["Lashkar-e-Taiba"], statements[0].Groups);
        Assert.Equal(["Tehrik-i-Taliban Pakistan"], statements[1].Groups);
    }

    [Fact]
    public void ReadArticles_LeavesOutDeletedArticles()
    {
        using var test = new TestIndex([Briefing, Note]);
        using (var writer = test.Index.OpenWriter())
        {
            writer.Delete("briefing");
            writer.Commit("tests");
        }

        Assert.Equal(["note"], test.Index.ReadArticles().Select(a => a.Id));
        Assert.Empty(test.Index.ReadStatements());
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
