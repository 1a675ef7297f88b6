using Lucene.Net.Index;

namespace Search.Core.Tests;

public sealed class MergeSegmentsTests
{
    [Fact]
    public void MergeSegments_AfterManyCommits_LeavesOneSegment()
    {
        using var folder = new TempFolder();
        using (var writer = ArticleWriter.Open(folder.Path))
        {
            WriteInCommits(writer, commits: 9, perCommit: 3);
            writer.MergeSegments();
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(Lucene.Net.Store.FSDirectory.Open(folder.Path));
        Assert.Single(reader.Leaves);
        Assert.Equal(27, reader.NumDocs);
    }

    [Fact]
    public void MergeSegments_WhenAlreadyMergedWithoutDeletions_WritesNothingNew()
    {
        using var folder = new TempFolder();
        using (var writer = ArticleWriter.Open(folder.Path))
        {
            WriteInCommits(writer, commits: 5, perCommit: 2);
            writer.MergeSegments();
            writer.Commit();
        }
        var before = Directory.GetFiles(folder.Path, "*.si").Select(Path.GetFileName).Order().ToArray();
        using (var writer = ArticleWriter.Open(folder.Path))
        {
            writer.MergeSegments();
            writer.Commit();
        }
        Assert.Equal(before, Directory.GetFiles(folder.Path, "*.si").Select(Path.GetFileName).Order().ToArray());
    }

    [Fact]
    public void MergeSegments_WhenASegmentHasDeletions_DropsThem()
    {
        using var folder = new TempFolder();
        using (var writer = ArticleWriter.Open(folder.Path))
        {
            WriteInCommits(writer, commits: 4, perCommit: 3);
            writer.Delete(Id(0));
            writer.Delete(Id(11));
            writer.Commit();
            writer.MergeSegments();
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(Lucene.Net.Store.FSDirectory.Open(folder.Path));
        Assert.Single(reader.Leaves);
        Assert.Equal(10, reader.MaxDoc);
        Assert.False(reader.HasDeletions);
    }

    private static void WriteInCommits(ArticleWriter writer, int commits, int perCommit)
    {
        var n = 0;
        for (var c = 0; c < commits; c++)
        {
            for (var a = 0; a < perCommit; a++, n++)
                writer.Upsert(Articles.Make(Id(n), $"Title {n}", $"Body number {n} of the run."));
            writer.Commit();
        }
    }

    private static string Id(int n) => $"a{n:D3}";

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "search-merge-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(Path))
                Directory.Delete(Path, recursive: true);
        }
    }
}
