using Search.Cli.Indexing;
using Search.Core;
using Search.Ingest;

namespace Search.Cli.Tests.Indexing;

public sealed class IndexingRunTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static IngestedArticle Read(string id, string source, string hash) =>
        new(new Article { Id = id, Title = id, Body = $"Body of {id}.", Source = source, ContentHash = hash });

    [Fact]
    public void Run_CommitsEveryNChangesAndAtTheEnd()
    {
        using var writer = ArticleWriter.Open(_temp.Combine("index"));
        var run = new IndexingRun(writer, "tests", commitEvery: 2);

        var report = run.Run([Read("a", "/in/a.txt", "1"), Read("b", "/in/b.txt", "1"), Read("c", "/in/c.txt", "1"), Read("d", "/in/d.txt", "1"), Read("e", "/in/e.txt", "1")]);

        Assert.Equal(new IndexingReport(5, 0, 0, 0, []).Articles, report.Articles);
        Assert.Equal(5, report.Added);
        Assert.Equal(3, run.Commits);
    }

    [Fact]
    public void Run_WhenInterrupted_KeepsWhatWasCommitted()
    {
        var path = _temp.Combine("index");
        using (var writer = ArticleWriter.Open(path))
        {
            var run = new IndexingRun(writer, "tests", commitEvery: 2);
            IEnumerable<IngestResult> Failing()
            {
                yield return Read("a", "/in/a.txt", "1");
                yield return Read("b", "/in/b.txt", "1");
                yield return Read("c", "/in/c.txt", "1");
                throw new IOException("The disk went away.");
            }
            Assert.Throws<IOException>(() => run.Run(Failing()));
        }

        using var index = SearchIndex.Open(path);
        Assert.Equal(2, index.GetStats().Documents);
    }

    [Fact]
    public void Run_WithRemoveMissing_KeepsArticlesOutsideThePathsAndThoseWhoseFileWasSkipped()
    {
        using var writer = ArticleWriter.Open(_temp.Combine("index"));
        var root = _temp.Combine("in");
        new IndexingRun(writer, "tests").Run([
            Read("kept", Path.Combine(root, "kept.txt"), "1"),
            Read("gone", Path.Combine(root, "gone.txt"), "1"),
            Read("broken", Path.Combine(root, "broken.txt"), "1"),
            Read("elsewhere", _temp.Combine("other", "x.txt"), "1"),
        ]);

        var report = new IndexingRun(writer, "tests").Run(
            [Read("kept", Path.Combine(root, "kept.txt"), "1"), new SkippedFile(Path.Combine(root, "broken.txt"), "The file is empty.")],
            removeMissingUnder: [root]);

        Assert.Equal((0, 0, 1, 1), (report.Added, report.Updated, report.Unchanged, report.Removed));
        Assert.Equal(["broken", "elsewhere", "kept"], writer.ListStored().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Run_WithRemoveMissingOnAJsonLinesFile_RemovesRecordsNoLongerInItAndKeepsThoseOfAFileWithABadLine()
    {
        using var writer = ArticleWriter.Open(_temp.Combine("index"));
        var feed = _temp.Combine("feed.jsonl");
        var broken = _temp.Combine("broken.jsonl");
        new IndexingRun(writer, "tests").Run([
            Read("one", feed + "#1", "1"),
            Read("two", feed + "#2", "1"),
            Read("b1", broken + "#1", "1"),
        ]);

        var report = new IndexingRun(writer, "tests").Run(
            [Read("one", feed + "#1", "1"), new SkippedFile(broken + "#1", "Record 1 is not valid JSON.")],
            removeMissingUnder: [feed, broken]);

        Assert.Equal((1, 1), (report.Unchanged, report.Removed));
        Assert.Equal(["b1", "one"], writer.ListStored().Keys.Order(StringComparer.Ordinal));
    }
}
