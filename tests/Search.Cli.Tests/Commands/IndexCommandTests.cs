using Search.Core;

namespace Search.Cli.Tests.Commands;

public sealed class IndexCommandTests : IDisposable
{
    private const string Rubio = "WASHINGTON, July 17, 2025: Secretary of State Marco Rubio said the Resistance Front was a front for Lashkar-e-Taiba.\n\nHe said the designation would cut off its funding.\n";
    private const string Wells = "ISLAMABAD, February 12, 2020: Alice Wells said the conviction of Hafiz Saeed, the founder of Lashkar-e-Taiba, was a step forward.\n\nShe said more had to be done.\n";

    private readonly TempFolder _temp = new();
    private readonly string _articles;
    private readonly string _index;

    public IndexCommandTests()
    {
        _articles = _temp.Combine("articles");
        _index = _temp.Combine("index");
        _temp.Write("articles/rubio.txt", Rubio);
        _temp.Write("articles/wells.txt", Wells);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Index_FirstRun_AddsEveryArticleAndPrintsTheSummary()
    {
        var run = Cli.Run(["index", _articles, "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"Index: {_index}\nAdded: 2\nUpdated: 0\nUnchanged: 0\nRemoved: 0\nSkipped: 0\n", run.Output);
        using var index = SearchIndex.Open(_index);
        Assert.Equal(2, index.GetStats().Documents);
        Assert.Equal("search index", index.GetStats().LastCommittedBy);
    }

    [Fact]
    public void Index_SecondRunOverTheSameFiles_ReportsAllUnchanged()
    {
        Cli.Run(["index", _articles, "--index", _index]);

        var run = Cli.Run(["index", _articles, "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"Index: {_index}\nAdded: 0\nUpdated: 0\nUnchanged: 2\nRemoved: 0\nSkipped: 0\n", run.Output);
    }

    [Fact]
    public void Index_WhenAFileChanges_ReportsItUpdated()
    {
        Cli.Run(["index", _articles, "--index", _index]);
        _temp.Write("articles/wells.txt", Wells.Replace("a step forward", "an important step"));

        var run = Cli.Run(["index", _articles, "--index", _index]);

        Assert.Contains("Added: 0\nUpdated: 1\nUnchanged: 1\n", run.Output);
    }

    [Fact]
    public void Index_WithBadFiles_SkipsThemWithReasonsAndKeepsTheRest()
    {
        var empty = _temp.Write("articles/empty.txt", "");
        var binary = _temp.Combine("articles", "binary.txt");
        File.WriteAllBytes(binary, [0x00, 0xFF, 0xFE, 0x00, 0x01, 0x02]);

        var run = Cli.Run(["index", _articles, "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Added: 2\n", run.Output);
        Assert.Contains("Skipped: 2\n", run.Output);
        Assert.Contains($"  {empty}: The file is empty.\n", run.Output);
        Assert.Contains($"  {binary}: ", run.Output);
        using var index = SearchIndex.Open(_index);
        Assert.Equal(2, index.GetStats().Documents);
    }

    [Fact]
    public void Index_WithRemoveMissing_DeletesArticlesWhoseFilesAreGone()
    {
        Cli.Run(["index", _articles, "--index", _index]);
        File.Delete(Path.Combine(_articles, "rubio.txt"));

        var run = Cli.Run(["index", _articles, "--index", _index, "--remove-missing"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"Index: {_index}\nAdded: 0\nUpdated: 0\nUnchanged: 1\nRemoved: 1\nSkipped: 0\n", run.Output);
        using var index = SearchIndex.Open(_index);
        Assert.Null(index.GetArticle("rubio.txt"));
        Assert.NotNull(index.GetArticle("wells.txt"));
    }

    [Fact]
    public void Index_WithoutRemoveMissing_KeepsArticlesWhoseFilesAreGone()
    {
        Cli.Run(["index", _articles, "--index", _index]);
        File.Delete(Path.Combine(_articles, "rubio.txt"));

        var run = Cli.Run(["index", _articles, "--index", _index]);

        Assert.Contains("Removed: 0\n", run.Output);
        using var index = SearchIndex.Open(_index);
        Assert.NotNull(index.GetArticle("rubio.txt"));
    }

    [Fact]
    public void Index_WithMaxFileSize_SkipsLargerFilesAndExitsOneWhenNothingIsLeft()
    {
        var run = Cli.Run(["index", _articles, "--index", _index, "--max-file-size", "50"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Added: 0\n", run.Output);
        Assert.Contains("Skipped: 2\n", run.Output);
        Assert.Equal("No article could be read from the given paths.\n", run.Error);
    }

    [Fact]
    public void Index_WhenAPathDoesNotExist_ExitsOneWithoutWriting()
    {
        var missing = _temp.Combine("no-such-folder");

        var run = Cli.Run(["index", _articles, missing, "--index", _index]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal($"No such file or folder: {missing}\n", run.Error);
        Assert.False(Directory.Exists(_index));
    }

    [Fact]
    public void Index_WithANamedPipeAndAnUnsupportedFile_ListsThemAndIndexesTheRest()
    {
        var pipe = _temp.Combine("articles", "pipe.txt");
        Assert.Equal(0, Mono.Unix.Native.Syscall.mkfifo(pipe, Mono.Unix.Native.FilePermissions.DEFFILEMODE));
        var notes = _temp.Write("articles/notes.md", "# Notes");

        var run = Task.Run(() => Cli.Run(["index", _articles, "--index", _index]));

        Assert.True(run.Wait(TimeSpan.FromSeconds(30)), "search index hung on a named pipe.");
        Assert.Equal(0, run.Result.ExitCode);
        Assert.Contains("Added: 2\n", run.Result.Output);
        Assert.Contains("Skipped: 2\n", run.Result.Output);
        Assert.Contains($"  {notes}: Unsupported file type '.md'; expected one of .txt, .html, .htm, .json, .jsonl.\n", run.Result.Output);
        Assert.Contains($"  {pipe}: Not a regular file (a named pipe); only regular files are read.\n", run.Result.Output);
    }

    [Fact]
    public void Index_WhenAnotherWriterHoldsTheIndex_ExitsOneWithTheLockMessage()
    {
        using var writer = ArticleWriter.Open(_index);

        var run = Cli.Run(["index", _articles, "--index", _index]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal(new IndexLockedException(_index).Message + "\n", run.Error);
    }

    [Fact]
    public void Index_WithoutPaths_ExitsTwo()
    {
        var run = Cli.Run(["index", "--index", _index]);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEqual("", run.Error);
    }
}
