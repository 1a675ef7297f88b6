using Search.Core;
using Search.Ingest.Reading;

namespace Search.Ingest.Tests.Reading;

public sealed class HtmlReaderTests
{
    private const string Page = """
        <html><head>
        <title>US urges Pakistan to act | Example News</title>
        <meta property="article:published_time" content="2023-06-27T09:30:00+05:00">
        <link rel="canonical" href="https://example.org/us-urges">
        <script>var tracking = 1;</script>
        </head><body>
        <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
        <article>
          <h1>US urges Pakistan to act</h1>
          <p>State Department spokesperson Matthew Miller said Pakistan must act against LeT.</p>
          <p>He added that talks would continue.</p>
          <form>Subscribe to our newsletter</form>
        </article>
        <aside><p>Most read: something else entirely with many words in it.</p></aside>
        <footer>Copyright</footer>
        </body></html>
        """;

    [Fact]
    public void Html_WhenArticlePage_TakesMainContentTitleAndDate()
    {
        var page = HtmlArticleParser.Parse(Page);

        Assert.Equal("US urges Pakistan to act", page.Title);
        Assert.Equal("https://example.org/us-urges", page.Url);
        Assert.Equal(new DateTimeOffset(2023, 6, 27, 9, 30, 0, TimeSpan.FromHours(5)), page.Published);
        Assert.Equal("US urges Pakistan to act\n\nState Department spokesperson Matthew Miller said Pakistan must act against LeT.\n\nHe added that talks would continue.", page.Text);
    }

    [Fact]
    public void Html_WhenOgTitleAndJsonLdDate_UsesThem()
    {
        var page = HtmlArticleParser.Parse("""
            <html><head><meta property="og:title" content="Envoy warns militants | Site">
            <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-02-15"}</script></head>
            <body><div><p>The envoy warned the militants on Friday in a long statement.</p></div></body></html>
            """);

        Assert.Equal("Envoy warns militants", page.Title);
        Assert.Equal(2019, page.Published?.Year);
        Assert.Equal("The envoy warned the militants on Friday in a long statement.", page.Text);
    }

    [Fact]
    public void Html_WhenOnlyTimeElement_UsesItsDatetime()
    {
        var page = HtmlArticleParser.Parse("<html><body><main><time datetime=\"2016-08-04\">Aug 4</time><p>Text.</p></main></body></html>");

        Assert.Equal(new DateTimeOffset(2016, 8, 4, 0, 0, 0, TimeSpan.Zero), page.Published);
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
        Assert.Equal(["2023"], article.Values("year"));
        Assert.Equal(["Lashkar-e-Taiba"], article.Values("group"));
        Assert.Equal(["Matthew Miller"], article.Values("speaker"));
        Assert.DoesNotContain("Home", article.Body);
    }
}
