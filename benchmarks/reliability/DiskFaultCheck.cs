using System.Diagnostics;
using Search.Benchmarks.Corpora;
using Search.Core;

namespace Search.Reliability;

/// <summary>How <c>search index</c> behaved on a full disk or a read-only index folder.</summary>
/// <param name="Case">"disk full" or "read-only".</param>
/// <param name="ExitCode">The exit code of the failing run (must not be 0).</param>
/// <param name="Error">The last line it wrote to standard error (must be a sentence).</param>
/// <param name="ArticlesBefore">Articles at the last good commit.</param>
/// <param name="ArticlesAfter">Articles searchable after the failure (at least the count before: commits made before the disk filled count too).</param>
/// <param name="Clean">CheckIndex after the failure.</param>
public sealed record DiskFaultResult(string Case, int ExitCode, string Error, int ArticlesBefore, int ArticlesAfter, bool Clean)
{
    /// <summary>A failing exit with a sentence, and the last commit intact.</summary>
    public bool Passed => ExitCode != 0 && Sentences.IsSentence(Error) && ArticlesAfter >= ArticlesBefore && Clean;

    public override string ToString() =>
        $"{Case}: exit {ExitCode}, \"{Error}\"; last commit {ArticlesBefore:N0} articles, after the failure {ArticlesAfter:N0}, CheckIndex clean {Clean} — {(Passed ? "PASS" : "FAIL")}";
}

/// <summary>
/// Indexes into a small tmpfs until it is full, and into one remounted read-only: each run must fail
/// with a sentence, and the commit made before must still open whole. Needs root for <c>mount</c>.
/// </summary>
public static class DiskFaultCheck
{
    /// <summary>Runs both cases; <c>null</c> with the reason written to <paramref name="log"/> when tmpfs cannot be mounted.</summary>
    public static async Task<IReadOnlyList<DiskFaultResult>?> RunAsync(SearchBinary search, TextWriter log)
    {
        var mountPoint = Path.Combine(Path.GetTempPath(), "search-diskfault-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(mountPoint);
        using var articles = new ArticleFolder(0);
        try
        {
            var (code, error) = Run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mountPoint);
            if (code != 0)
            {
                log.WriteLine($"disk faults skipped: tmpfs could not be mounted ({error.Trim()}); run as root.");
                return null;
            }
            var index = Path.Combine(mountPoint, "index");
            WriteArticles(articles.Articles, "first", 200, seed: 1);
            var first = await search.RunAsync(TimeSpan.FromMinutes(2), "index", articles.Articles, "--index", index);
            if (first.ExitCode != 0)
                throw new InvalidOperationException($"The first run on the tmpfs failed: {first.Error}");
            var before = Count(index);

            // About 10 MB of text for a 3 MB disk.
            WriteArticles(articles.Articles, "more", 8000, seed: 2);
            var full = await search.RunAsync(TimeSpan.FromMinutes(5), "index", articles.Articles, "--index", index);
            var diskFull = new DiskFaultResult("disk full", full.ExitCode, LastLine(full.Error), before, Count(index), Clean(index));
            log.WriteLine(diskFull);

            Run("mount", "-o", "remount,ro", mountPoint);
            var readOnly = await search.RunAsync(TimeSpan.FromMinutes(2), "index", articles.Articles, "--index", index);
            var readOnlyResult = new DiskFaultResult("read-only", readOnly.ExitCode, LastLine(readOnly.Error), before, Count(index), Clean(index));
            log.WriteLine(readOnlyResult);
            return [diskFull, readOnlyResult];
        }
        finally
        {
            Run("umount", mountPoint);
            Directory.Delete(mountPoint, recursive: true);
        }
    }

    private static void WriteArticles(string folder, string prefix, int count, int seed)
    {
        foreach (var article in SyntheticCorpus.Generate(count, seed, bodyWords: 150))
            File.WriteAllText(Path.Combine(folder, $"{prefix}-{article.Id}.txt"), article.Title + "\n\n" + article.Body + "\n");
    }

    private static int Count(string index)
    {
        using var opened = SearchIndex.Open(index);
        return opened.Search(new SearchRequest { Size = 0 }).Total;
    }

    private static bool Clean(string index)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(index);
        return new Lucene.Net.Index.CheckIndex(directory).DoCheckIndex().Clean;
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";

    private static (int ExitCode, string Error) Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
