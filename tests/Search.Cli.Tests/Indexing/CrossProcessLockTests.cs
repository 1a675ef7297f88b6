using System.Diagnostics;
using Search.Core;

namespace Search.Cli.Tests.Indexing;

/// <summary>A writer in one process keeps a writer in another process out of the same index.</summary>
public sealed class CrossProcessLockTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Index_WhenAnotherProcessHoldsTheWriter_FailsNamingTheFolderAndLosesNothing()
    {
        var articles = _temp.Combine("articles");
        Directory.CreateDirectory(articles);
        File.WriteAllText(Path.Combine(articles, "a.txt"), "Talks resume\n\nMatthew Miller said talks with Pakistan would resume.");
        var indexPath = _temp.Combine("index");

        using (var writer = ArticleWriter.Open(indexPath))
        {
            writer.Upsert(new Article { Id = "held", Title = "Held", Body = "Written by the first process." });
            writer.Commit("tests");
            var (code, error) = RunSearch("index", articles, "--index", indexPath);
            Assert.Equal(1, code);
            Assert.Contains("locked by another writer", error);
            Assert.Contains(Path.GetFullPath(indexPath), error);
        }

        var (after, _) = RunSearch("index", articles, "--index", indexPath);
        Assert.Equal(0, after);
        using var index = SearchIndex.Open(indexPath);
        Assert.Equal(2, index.GetStats().Documents);
    }

    private static (int Code, string Error) RunSearch(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "search.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "search did not finish");
        return (process.ExitCode, error.Result);
    }
}
