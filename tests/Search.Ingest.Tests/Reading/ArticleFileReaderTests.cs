using System.Text;
using Search.Core;
using Search.Ingest.Reading;

namespace Search.Ingest.Tests.Reading;

public sealed class ArticleFileReaderTests
{
    private const string Story = "Envoy urges action against LeT\n\n\"Pakistan must act,\" Donald Lu said in Washington.\n";

    private static IReadOnlyList<IngestResult> Read(string path, IngestOptions? options = null) =>
        new ArticleFileReader(options).Read(path).ToList();

    private static Article Single(string path) => Assert.IsType<IngestedArticle>(Assert.Single(Read(path))).Article;

    [Theory]
    [InlineData("utf8")]
    [InlineData("utf8bom")]
    [InlineData("utf16le")]
    [InlineData("utf16be")]
    public void Reader_WhenUnicodeEncodings_DecodesWithoutMojibake(string encoding)
    {
        using var folder = new TempFolder();
        var text = "Café talks on militancy stall\n\n“We want action,” Donald Lu said.";
        var bytes = encoding switch
        {
            "utf8" => Encoding.UTF8.GetBytes(text),
            "utf8bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
            "utf16le" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
            _ => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
        };

        var article = Single(folder.Write("a.txt", bytes));

        Assert.Equal("Café talks on militancy stall", article.Title);
        Assert.Equal("“We want action,” Donald Lu said.", article.Body);
    }

    [Fact]
    public void Reader_WhenWindows1252_DecodesAccentsAndQuotes()
    {
        using var folder = new TempFolder();
        // "Café envoy’s remarks on militants" then a body line, in Windows-1252: é = E9, ’ = 92.
        byte[] bytes = [.. "Caf"u8, 0xE9, .. " envoy"u8, 0x92, .. "s remarks on militants\n\nThe envoy spoke."u8];

        var article = Single(folder.Write("a.txt", bytes));

        Assert.Equal("Café envoy’s remarks on militants", article.Title);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00 }, "The file looks binary (it contains NUL bytes).")]
    [InlineData(new byte[] { 0x01, 0x02, 0x03, 0x41, 0x04, 0x05 }, "The file looks binary (too many control characters).")]
    [InlineData(new byte[] { }, "The file is empty.")]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09, 0x0A }, "The file is empty.")]
    public void Reader_WhenNotText_SkipsWithReason(byte[] bytes, string reason)
    {
        using var folder = new TempFolder();
        var path = folder.Write("bad.txt", bytes);

        Assert.Equal([new SkippedFile(new SourceRef(path), reason)], Read(path));
    }

    [Fact]
    public void Reader_WhenOverSizeLimit_SkipsWithReason()
    {
        using var folder = new TempFolder();
        var path = folder.Write("big.txt", Story);

        var result = Assert.IsType<SkippedFile>(Assert.Single(Read(path, new IngestOptions { MaxFileBytes = 10 })));

        Assert.StartsWith("The file is ", result.Reason);
        Assert.EndsWith("over the limit of 10 bytes.", result.Reason);
    }

    [Fact]
    public void Reader_WhenPathMissing_SkipsWithReason()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "none.txt");

        Assert.Equal([new SkippedFile(new SourceRef(path), "No such file or folder.")], Read(path));
    }

    [Fact]
    public void Reader_WhenFolder_ReadsRecursivelyInOrderWithRelativeIds()
    {
        using var folder = new TempFolder();
        folder.Write("b.txt", Story);
        folder.Write("sub/a.txt", Story);
        folder.Write("a.txt", Story);
        folder.Write("notes.md", "ignored");

        var ids = new ArticleFileReader().Read(folder.Path).OfType<IngestedArticle>().Select(a => a.Article.Id).ToArray();

        Assert.Equal(["a.txt", "b.txt", "sub/a.txt"], ids);
    }

    [Fact]
    public void Reader_WhenFolder_SourceIsPathAsGiven()
    {
        using var folder = new TempFolder();
        var path = folder.Write("sub/a.txt", Story);

        var article = Assert.IsType<IngestedArticle>(Assert.Single(new ArticleFileReader().Read(folder.Path))).Article;

        Assert.Equal(path, article.Source);
    }

    [Fact]
    public void Reader_WhenSingleFile_IdIsFileName()
    {
        using var folder = new TempFolder();

        Assert.Equal("story.txt", Single(folder.Write("sub/story.txt", Story)).Id);
    }

    [Fact]
    public void Reader_WhenRunTwiceOnSameFile_GivesSameIdAndHash()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.txt", Story);

        var first = Single(path);
        var second = Single(path);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", first.ContentHash);
    }

    [Fact]
    public void Reader_WhenFileContentChanges_KeepsIdAndChangesHash()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.txt", Story);
        var before = Single(path);
        File.WriteAllText(path, Story + "\nHe added more.\n");

        var after = Single(path);

        Assert.Equal(before.Id, after.Id);
        Assert.NotEqual(before.ContentHash, after.ContentHash);
    }

    [Fact]
    public void Reader_WhenText_ExtractsFacets()
    {
        using var folder = new TempFolder();

        var article = Single(folder.Write("a.txt", Story));

        Assert.Equal(["Lashkar-e-Taiba"], article.Values("group"));
        Assert.Equal(["Donald Lu"], article.Values("speaker"));
        Assert.Empty(article.Values("year"));
    }
}
