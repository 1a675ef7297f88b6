namespace Search.Core.Tests;

public sealed class HighlightTests : IClassFixture<HighlightTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public TestIndex Index { get; } = new([
            .. Articles.Sample,
            Articles.Make("long", "Statement on sanctions",
                "The meeting opened with remarks on trade. Delegates then discussed the weather and travel. " +
                "Later the minister said sanctions against Lashkar-e-Taiba would stay. " +
                "Several unrelated items followed on the agenda. Finally the ministers agreed to meet again next year. " +
                "The closing statement repeated that sanctions would stay in place.", 2024),
        ]);

        public void Dispose() => Index.Dispose();
    }

    private readonly TestIndex _index;

    public HighlightTests(Fixture fixture) => _index = fixture.Index;

    private SearchHit Hit(string query, string id, Func<SearchRequest, SearchRequest>? configure = null) =>
        _index.Search(query, r => configure is null ? r with { Size = 100 } : configure(r with { Size = 100 })).Hits.Single(h => h.Id == id);

    [Fact]
    public void Highlight_WhenPhraseQuery_MarksOnlyTheWholePhrase()
    {
        var hit = Hit("\"face justice\"", "lashkar-2018");
        var passage = Assert.Single(hit.Passages);
        Assert.Equal(
            "Pompeo said those who planned the attack by Lashkar-e-Taiba and its affiliates must <mark>face justice</mark>. The statement was issued on the tenth anniversary.",
            passage.Html);
    }

    [Fact]
    public void Highlight_WhenPhraseWordsAppearApart_MarksNothing()
    {
        var hit = Hit("\"statement justice\"~0 OR anniversary", "lashkar-2018");
        Assert.DoesNotContain("<mark>statement</mark>", hit.Passages[0].Html);
        Assert.Contains("<mark>anniversary</mark>", hit.Passages[0].Html);
    }

    [Fact]
    public void Highlight_WhenPrefixQuery_MarksEveryExpandedWord()
    {
        var hit = Hit("minist*", "long");
        Assert.Contains("the <mark>minister</mark> said", string.Join(" ", hit.Passages.Select(p => p.Html)));
        Assert.Contains("the <mark>ministers</mark> agreed", string.Join(" ", hit.Passages.Select(p => p.Html)));
    }

    [Fact]
    public void Highlight_WhenWildcardOrFuzzyQuery_MarksTheMatchedWords()
    {
        Assert.Contains("<mark>Hackers</mark>", Hit("hack?r", "xss-2020").Passages[0].Html);
        Assert.Contains("<mark>Hackers</mark>", Hit("hackrs~", "xss-2020").Passages[0].Html);
    }

    [Fact]
    public void Highlight_WhenAliasQuery_MarksTheOtherFormOfTheName()
    {
        Assert.Contains("attack by <mark>Lashkar-e-Taiba</mark> and", Hit("LeT", "lashkar-2018").Passages[0].Html);
        Assert.Contains("said <mark>LeT</mark> and JeM", Hit("Lashkar-e-Taiba", "let-2022").Passages[0].Html);
    }

    [Fact]
    public void Highlight_WhenArticleContainsMarkup_EscapesIt()
    {
        var html = Hit("hackers", "xss-2020").Passages[0].Html;
        Assert.Equal(
            "<mark>Hackers</mark> placed &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(2)&gt; on the page. The ministry said the site was restored.",
            html);
    }

    [Fact]
    public void Highlight_PlainTextAndRanges_DescribeTheSameMatches()
    {
        var passage = Hit("hackers", "xss-2020").Passages[0];
        var match = Assert.Single(passage.Matches);
        Assert.Equal("Hackers", passage.Text.Substring(match.Start, match.Length));
        Assert.Equal("[Hackers] placed", passage.Render(t => t, "[", "]")[..16]);
    }

    [Fact]
    public void Highlight_WhenNoBodyMatch_ReturnsTheLeadUnmarked()
    {
        var hit = Hit("", "daesh-2019", r => r with { Filters = Facets.Filter("group", "Islamic State") });
        var lead = Assert.Single(hit.Passages);
        Assert.Equal("Ministers discussed the defeat of Daesh in Syria. The spokesperson said the coalition would continue its work.", lead.Text);
        Assert.Empty(lead.Matches);
    }

    [Fact]
    public void Highlight_WhenTitleMatches_MarksTheTitle()
    {
        Assert.Equal("<mark>Kabul</mark> airport attack", Hit("kabul", "isis-2021").TitleHighlight.Html);
    }

    [Fact]
    public void Highlight_WhenSeveralPassagesMatch_ReturnsTheBestInDocumentOrderWithEllipses()
    {
        var hit = Hit("sanctions Lashkar-e-Taiba", "long", r => r with { Highlight = new HighlightOptions { Passages = 2, MaxPassageLength = 80 } });
        Assert.Equal(2, hit.Passages.Count);
        Assert.Equal("… Later the minister said <mark>sanctions</mark> against <mark>Lashkar-e-Taiba</mark> would stay. …", hit.Passages[0].Html);
        Assert.Equal("… The closing statement repeated that <mark>sanctions</mark> would stay in place.", hit.Passages[1].Html);
    }

    [Fact]
    public void Highlight_WhenPassageCountIsConfigured_ReturnsThatMany()
    {
        var hit = Hit("sanctions", "long", r => r with { Highlight = new HighlightOptions { Passages = 1 } });
        Assert.Single(hit.Passages);
    }

    [Fact]
    public void Highlight_WhenDisabled_ReturnsPlainTitleAndNoPassages()
    {
        var hit = Hit("kabul", "isis-2021", r => r with { Highlight = new HighlightOptions { Enabled = false } });
        Assert.Empty(hit.Passages);
        Assert.Empty(hit.TitleHighlight.Matches);
    }

    [Fact]
    public void Highlight_WhenTermIsProhibited_DoesNotMarkIt()
    {
        var hit = Hit("sanctions OR (ministers -weather)", "long");
        Assert.DoesNotContain("<mark>weather</mark>", string.Join(" ", hit.Passages.Select(p => p.Html)));
    }
}

public sealed class TextRangeTests
{
    [Theory]
    [InlineData(new[] { 0, 2, 5, 2 }, new[] { 0, 2, 5, 2 })]
    [InlineData(new[] { 5, 2, 0, 2 }, new[] { 0, 2, 5, 2 })]
    [InlineData(new[] { 0, 3, 2, 3 }, new[] { 0, 5 })]
    [InlineData(new[] { 0, 2, 2, 2 }, new[] { 0, 4 })]
    [InlineData(new[] { 0, 10, 2, 2 }, new[] { 0, 10 })]
    [InlineData(new[] { 0, 0, 3, 1 }, new[] { 3, 1 })]
    public void Merge_SortsAndJoinsOverlappingOrTouchingRanges(int[] input, int[] expected)
    {
        var ranges = input.Chunk(2).Select(p => new TextRange(p[0], p[1]));
        Assert.Equal(expected.Chunk(2).Select(p => new TextRange(p[0], p[1])), TextRange.Merge(ranges));
    }

    [Fact]
    public void Html_EscapesTextInsideAndOutsideMarks()
    {
        var text = new HighlightedText("a<b & \"c\"", [new TextRange(1, 2)]);
        Assert.Equal("a<mark>&lt;b</mark> &amp; &quot;c&quot;", text.Html);
    }
}

public sealed class ArticleHighlightTests
{
    [Fact]
    public void HighlightArticle_MarksEveryMatchInTheWholeBody()
    {
        using var test = new TestIndex(Articles.Sample);
        var highlight = test.Index.HighlightArticle("miller-2023", "LeT pakistan")!;
        Assert.Equal("America demands action from <mark>Pakistan</mark>", highlight.Title.Html);
        Assert.Equal(
            "Matthew Miller said the United States would press <mark>Pakistan</mark> to act against <mark>Lashkar-e-Taiba</mark> and Jaish-e-Mohammed.",
            highlight.Body.Html);
        Assert.Equal("miller-2023", highlight.Article.Id);
    }

    [Fact]
    public void HighlightArticle_WhenIdIsUnknown_ReturnsNull()
    {
        using var test = new TestIndex(Articles.Sample);
        Assert.Null(test.Index.HighlightArticle("nope", "LeT"));
    }
}
