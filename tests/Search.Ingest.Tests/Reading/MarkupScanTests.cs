using Search.Ingest.Reading;

namespace Search.Ingest.Tests.Reading;

public sealed class MarkupScanTests
{
    [Theory]
    [InlineData("<div><p>a</p><br><img src=x/><div></div></div>", 2)]
    [InlineData("<script>for (i = 0; i<n; i++) { if (a<b) {} }</script><div>x</div>", 1)]
    [InlineData("<!-- <div><div><div> --><p>a</p>", 1)]
    [InlineData("<div><span><b>x</div><div>", 3)]
    // A parser closes each <p> at the next; counting them open keeps the depth an upper bound.
    [InlineData("<p>one<p>two<p>three", 3)]
    [InlineData("no tags at all < 5 > 3", 0)]
    public void Depth_CountsEachElementLeftOpenAsALevel(string html, int expected) => Assert.Equal(expected, MarkupScan.Depth(html));

    [Fact]
    public void Depth_WhenEndTagsNameNoOpenElement_StillCountsEveryLevel()
    {
        var html = string.Concat(Enumerable.Repeat("<div></br></span>", 5_000));

        Assert.Equal(5_000, MarkupScan.Depth(html));
    }

    [Fact]
    public void Text_KeepsVisibleTextInParagraphsAndDropsScriptsStylesAndComments()
    {
        const string html = "<html><head><title>Talks resume</title><style>p { color: red }</style></head><body>"
            + "<h1>Talks &amp; aid</h1><!-- ad slot --><p>One<br>two</p><script>if (x<y) show();</script><p>three</p></body></html>";

        Assert.Equal("Talks & aid\n\nOne\n\ntwo\n\nthree", MarkupScan.Text(html));
        Assert.Equal("Talks resume", MarkupScan.Title(html));
    }
}
