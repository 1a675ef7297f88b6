using Search.Core;
using Search.Ingest.Reading;

namespace Search.Ingest.Tests.Reading;

public sealed class HtmlReaderTests
{
    private const string Page = """
        <html><head>
        <title>US urges Pakistan to act | Example News</title>
        <meta property="og:site_name" content="Example News">
        <meta property="article:published_time" content="2023-06-27T09:30:00+05:00">
        <link rel="canonical" href="https://example.org/us-urges">
        <script>var tracking = 1;</script>
        </head><body>
        <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
        <article>
          <h1>US urges Pakistan to act</h1>
          <p>State Department spokesperson Matthew Miller said Pakistan must act against LeT.</p>
          <p>He added that talks would continue.</p>
        </article>
        <aside><p>Most read: something else entirely with many words in it.</p></aside>
        <footer>Copyright</footer>
        </body></html>
        """;

    [Fact]
    public void Html_WhenArticlePage_TakesMainContentTitleDateAndSite()
    {
        var page = HtmlArticleParser.Parse(Page);

        Assert.Equal("US urges Pakistan to act", page.Title);
        Assert.Equal("https://example.org/us-urges", page.Url);
        Assert.Equal(new DateTimeOffset(2023, 6, 27, 9, 30, 0, TimeSpan.FromHours(5)), page.Published);
        Assert.Equal("Example News", page.SiteName);
        Assert.Equal("State Department spokesperson Matthew Miller said Pakistan must act against LeT.\n\nHe added that talks would continue.", page.Text);
    }

    [Fact]
    public void Html_WhenOgTitleAndJsonLdDate_UsesThem()
    {
        var page = HtmlArticleParser.Parse("""
            <html><head><meta property="og:title" content="Envoy warns militants | Frontier Post"><meta property="og:site_name" content="Frontier Post">
            <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-02-15"}</script></head>
            <body><div><p>The envoy warned the militants on Friday in a long statement.</p></div></body></html>
            """);

        Assert.Equal("Envoy warns militants", page.Title);
        Assert.Equal(new DateTimeOffset(2019, 2, 15, 0, 0, 0, TimeSpan.Zero), page.Published);
        Assert.Equal("The envoy warned the militants on Friday in a long statement.", page.Text);
    }

    [Fact]
    public void Html_WhenOnlyTimeElement_UsesItsDatetime()
    {
        var page = HtmlArticleParser.Parse("<html><body><main><time datetime=\"2016-08-04\">Aug 4</time><p>Text.</p></main></body></html>");

        Assert.Equal(new DateTimeOffset(2016, 8, 4, 0, 0, 0, TimeSpan.Zero), page.Published);
    }

    [Fact]
    public void Html_WhenMetaDateAndTimeElementDisagree_PrefersTheMetaDate()
    {
        var page = HtmlArticleParser.Parse("""
            <html><head><meta name="pubdate" content="2021-03-09"></head>
            <body><article><p>Posted <time datetime="2024-01-01">later</time>; the council met on a Tuesday to vote on the plan.</p></article></body></html>
            """);

        Assert.Equal(new DateTimeOffset(2021, 3, 9, 0, 0, 0, TimeSpan.Zero), page.Published);
    }

    [Fact]
    public void Html_WhenJsonLdInCDataAndMetaDisagree_PrefersTheJsonLdDate()
    {
        var page = HtmlArticleParser.Parse("""
            <html><head><meta property="article:published_time" content="2018-05-01T10:00:00Z">
            <script type="application/ld+json">
            <![CDATA[
            {"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle", "datePublished": "2018-04-05T06:00"}]}
            ]]>
            </script></head>
            <body><article><p>The museum reopened its east wing after a year of work on the roof.</p></article></body></html>
            """);

        Assert.Equal(new DateTimeOffset(2018, 4, 5, 6, 0, 0, TimeSpan.Zero), page.Published);
    }

    [Fact]
    public void Html_WhenOnlyOgUrl_KeepsItAsUrl()
    {
        var page = HtmlArticleParser.Parse("""
            <html><head><meta property="og:url" content=" https://news.example.com/2020/harbour-reopens "></head>
            <body><p>The harbour reopened on Monday after two weeks of repairs to the sea wall.</p></body></html>
            """);

        Assert.Equal("https://news.example.com/2020/harbour-reopens", page.Url);
    }

    [Fact]
    public void Html_WhenCanonicalAndOgUrlDiffer_PrefersCanonical()
    {
        var page = HtmlArticleParser.Parse("""
            <html><head><link rel="canonical" href="https://example.net/a/1"><meta property="og:url" content="https://m.example.net/a/1?ref=share"></head>
            <body><p>The library extended its opening hours for the exam season this spring.</p></body></html>
            """);

        Assert.Equal("https://example.net/a/1", page.Url);
    }

    [Fact]
    public void Html_WhenCanonicalIsRelative_HasNoUrl()
    {
        var page = HtmlArticleParser.Parse("""
            <html><head><link rel="canonical" href="/stories/7"></head>
            <body><p>The ferry timetable changes next week, with two extra crossings each day.</p></body></html>
            """);

        Assert.Null(page.Url);
    }

    [Fact]
    public void Reader_WhenPageHasAnAuthor_KeepsTheBylineOnTheArticleButNotAsASpeaker()
    {
        using var folder = new TempFolder();
        folder.Write("byline.html", """
            <html><head><title>Orchard harvest starts early</title><meta name="author" content="Ruth Okafor"></head>
            <body><article><h1>Orchard harvest starts early</h1>
            <p>Growers in the valley began picking apples a fortnight ahead of the usual date this year.</p>
            <p>A warm spring and a dry summer brought the fruit on quickly, the growers' association said.</p>
            </article></body></html>
            """);

        var article = Assert.IsType<IngestedArticle>(Assert.Single(new ArticleFileReader().Read(folder.Path))).Article;

        Assert.Equal("Ruth Okafor", article.Byline);
        Assert.Empty(article.Values("speaker"));
    }

    [Fact]
    public void Html_WhenAuthorMeta_ReadsTheByline()
    {
        var page = HtmlArticleParser.Parse("""
            <html><head><title>Orchard harvest starts early</title><meta name="author" content="Ruth Okafor"></head>
            <body><article><h1>Orchard harvest starts early</h1>
            <p>Growers in the valley began picking apples a fortnight ahead of the usual date this year.</p>
            <p>A warm spring and a dry summer brought the fruit on quickly, the growers' association said.</p>
            </article></body></html>
            """);

        Assert.Equal("Ruth Okafor", page.Byline);
        Assert.Equal("Orchard harvest starts early", page.Title);
    }

    [Fact]
    public void Html_WhenBylineInMarkup_ReadsItAndLeavesItOutOfTheText()
    {
        var page = HtmlArticleParser.Parse("""
            <html><head><title>Bridge closes for repairs</title></head>
            <body><article><h1>Bridge closes for repairs</h1>
            <p class="byline">By Tomas Lindqvist</p>
            <p>The old river bridge will close for six weeks from Monday while engineers replace its bearings.</p>
            <p>Buses will run a shuttle over the new crossing downstream during the works.</p>
            </article></body></html>
            """);

        Assert.Equal("By Tomas Lindqvist", page.Byline);
        Assert.DoesNotContain("Lindqvist", page.Text);
    }

    [Fact]
    public void Html_WhenBodyHasNoDivSectionOrArticle_ReadsTheParagraphs()
    {
        // The hand-written reader this replaced threw "Sequence contains no elements" on such a page.
        var page = HtmlArticleParser.Parse("<html><body><p>Only a paragraph sits in this page, with nothing around it.</p></body></html>");

        Assert.Equal("Only a paragraph sits in this page, with nothing around it.", page.Text);
    }

    [Fact]
    public void Html_WhenNestedThousandsOfLevelsDeep_ReadsTitleAndTextWithoutOverflowing()
    {
        var html = "<html><head><title>Deep page &amp; more</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", 20_000))
            + "<p>The text at the bottom of a very deep page.</p><script>var x = 1;</script>" + string.Concat(Enumerable.Repeat("</div>", 20_000)) + "</body></html>";

        var page = HtmlArticleParser.Parse(html);

        Assert.Equal("Deep page & more", page.Title);
        Assert.Equal("The text at the bottom of a very deep page.", page.Text);
    }

    [Fact]
    public void Html_WhenNestedTooDeepToParse_ReadsItAsPlainTextWithoutMetadata()
    {
        // Parsing this would take seconds (a parser's time grows with the square of the depth), so the
        // page is read as text only: the canonical address and date a parse would find are not read.
        var html = "<html><head><title>Deep page</title><link rel=\"canonical\" href=\"https://example.org/deep\">"
            + "<meta property=\"article:published_time\" content=\"2023-06-27T09:30:00+05:00\"></head><body>"
            + string.Concat(Enumerable.Repeat("<div>", 5_000)) + "<p>Words at the bottom.</p>" + string.Concat(Enumerable.Repeat("</div>", 5_000)) + "</body></html>";

        var page = HtmlArticleParser.Parse(html);

        Assert.Equal("Deep page", page.Title);
        Assert.Equal("Words at the bottom.", page.Text);
        Assert.Null(page.Url);
        Assert.Null(page.Published);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body><script>var shown = false;</script></body></html>")]
    [InlineData("<html><head><title>Empty</title></head><body></body></html>")]
    public void Html_WhenPageHasNoText_ReturnsEmptyTextWithoutThrowing(string html)
    {
        var page = HtmlArticleParser.Parse(html);

        Assert.Equal("", page.Text);
    }

    [Fact]
    public void Reader_WhenHtmlFile_BuildsArticleFromPage()
    {
        using var folder = new TempFolder();
        var path = folder.Write("news/page.html", Page);

        var article = Assert.IsType<IngestedArticle>(Assert.Single(new ArticleFileReader().Read(folder.Path))).Article;

        Assert.Equal("news/page.html", article.Id);
        Assert.Equal(path, article.Source);
        Assert.Equal("US urges Pakistan to act", article.Title);
        Assert.Equal("https://example.org/us-urges", article.Url);
        Assert.Equal(new DateTimeOffset(2023, 6, 27, 9, 30, 0, TimeSpan.FromHours(5)), article.Published);
        Assert.Equal(["2023"], article.Values("year"));
        Assert.Equal(["Lashkar-e-Taiba"], article.Values("group"));
        Assert.Equal(["Matthew Miller"], article.Values("speaker"));
        Assert.DoesNotContain("Home", article.Body);
    }

    [Fact]
    public void ReadUnextracted_PagesParsedByTheirFunctionsOnOtherThreads_GiveWhatReadGives()
    {
        using var folder = new TempFolder();
        for (var n = 0; n < 24; n++)
            folder.Write($"news/{n:D2}.html", Page.Replace("must act", $"must act now ({n})", StringComparison.Ordinal));
        folder.Write("news/empty.html", "<html><head><title>Empty</title></head><body></body></html>");
        var reader = new ArticleFileReader();

        var functions = reader.ReadUnextracted([folder.Path]).ToList();
        var inParallel = functions.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(read => read()).ToList();

        var expected = reader.Read(folder.Path).ToList();
        Assert.Equal(25, inParallel.Count);
        Assert.Equal(expected.Select(Describe), inParallel.Select(Describe));
        var empty = Assert.IsType<SkippedFile>(inParallel.Single(r => r is SkippedFile));
        Assert.Equal("The page has no article text.", empty.Reason);

        static string Describe(IngestResult result) => result switch
        {
            IngestedArticle { Article: var a } => $"{a.Id}|{a.Title}|{a.Body}|{a.Url}|{a.Published}|{string.Join(",", a.Values("speaker"))}|{string.Join(",", a.Values("group"))}",
            SkippedFile skip => $"{skip.Path}|{skip.Reason}",
            _ => "?",
        };
    }

    [Fact]
    public void Reader_WhenHtmlPageIsOneUntitledLine_KeepsTheLineAsBody()
    {
        using var folder = new TempFolder();
        folder.Write("line.html", "<html><body><ol><li><p>Ferries to the island run again from Thursday</p></li></ol></body></html>");

        var article = Assert.IsType<IngestedArticle>(Assert.Single(new ArticleFileReader().Read(folder.Path))).Article;

        Assert.Equal("Ferries to the island run again from Thursday", article.Body);
    }
}
