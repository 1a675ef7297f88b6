using System.Diagnostics;
using Search.Benchmarks.Corpora;

namespace Search.Reliability;

/// <summary>The outcome of <see cref="CrashCheck"/>.</summary>
/// <param name="Runs">Runs started.</param>
/// <param name="Killed">Runs killed with SIGKILL (the rest finished before their moment came).</param>
/// <param name="Lost">Articles seen in a commit that a later commit no longer had (must be 0).</param>
/// <param name="Unclean">Checks after a kill where CheckIndex found a problem (must be 0).</param>
/// <param name="FinalRunExit">The exit code of the last, unkilled run (must be 0).</param>
/// <param name="FinalArticles">Articles in the index after the last run.</param>
/// <param name="Expected">Article files in the folder.</param>
public sealed record CrashResult(int Runs, int Killed, int Lost, int Unclean, int FinalRunExit, int FinalArticles, int Expected)
{
    /// <summary>Whether the index survived every kill.</summary>
    public bool Passed => Lost == 0 && Unclean == 0 && FinalRunExit == 0 && FinalArticles == Expected;

    public override string ToString() =>
        $"crash: {Runs} runs, {Killed} killed with SIGKILL; articles lost: {Lost}; unclean CheckIndex: {Unclean}; final run exit {FinalRunExit}, {FinalArticles:N0} of {Expected:N0} articles indexed — {(Passed ? "PASS" : "FAIL")}";
}

/// <summary>
/// Runs <c>search index</c> over a growing folder and kills it with SIGKILL at a random moment, again
/// and again on the same index. After every kill the index must open at its last commit, CheckIndex
/// must find it clean, and every article of an earlier commit must still be there; a last run
/// without a kill must then complete and hold every article.
/// </summary>
public static class CrashCheck
{
    /// <summary>Runs the check; <paramref name="log"/> gets a line per run.</summary>
    public static async Task<CrashResult> RunAsync(SearchBinary search, int runs, int initialArticles, int articlesPerRun, TimeSpan maxKillDelay, int seed, TextWriter log)
    {
        using var folder = new ArticleFolder(initialArticles, seed: seed);
        var index = folder.IndexPath();
        var random = new Random(seed);
        var total = initialArticles;
        int killed = 0, lost = 0, unclean = 0;

        // Run 0 indexes the first articles whole; its time per file sets the window the later kills
        // fall in, so that they land anywhere in a run (startup, reading, a commit, a merge) on this
        // machine. Every run reads the whole folder (unchanged files are recognised by their hash),
        // so the window grows with the folder; a fixed one would soon end before the first commit.
        var calibration = Stopwatch.StartNew();
        var baseline = await search.RunAsync(TimeSpan.FromMinutes(10), "index", folder.Articles, "--index", index);
        if (baseline.ExitCode != 0)
            throw new InvalidOperationException($"The first, unkilled run failed: {baseline.Error}");
        var perFile = calibration.Elapsed / Math.Max(1, initialArticles);
        var committed = IndexCheck.Of(index).Ids.ToHashSet(StringComparer.Ordinal);
        log.WriteLine($"run   0: {committed.Count:N0} articles in {calibration.Elapsed.TotalMilliseconds:0} ms; a run's kill falls within {perFile.TotalMilliseconds:0.00} ms per file in the folder (at most {maxKillDelay.TotalSeconds:0} s)");
        for (var run = 1; run <= runs; run++)
        {
            // New files each run, so every run has work to do and commits to interrupt.
            foreach (var article in SyntheticCorpus.Generate(articlesPerRun, seed + run, bodyWords: 60))
                File.WriteAllText(Path.Combine(folder.Articles, $"run{run}-{article.Id}.txt"), article.Title + "\n\n" + article.Body + "\n");
            total += articlesPerRun;

            var window = TimeSpan.FromMilliseconds(Math.Min(maxKillDelay.TotalMilliseconds, perFile.TotalMilliseconds * total));
            var delay = TimeSpan.FromMilliseconds(random.NextDouble() * window.TotalMilliseconds);
            using var process = search.Start("index", folder.Articles, "--index", index);
            // Drained so a full pipe never stalls the child before its moment comes.
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            var wasKilled = !process.WaitForExit(delay);
            if (wasKilled)
            {
                // Process.Kill is SIGKILL on Linux: no finally blocks, no lock release, no flush.
                process.Kill();
                await process.WaitForExitAsync();
                killed++;
            }

            var check = IndexCheck.Of(index);
            var missing = committed.Count(id => !check.Ids.Contains(id));
            lost += missing;
            if (!check.Clean)
                unclean++;
            committed.UnionWith(check.Ids);
            log.WriteLine($"run {run,3}: {(wasKilled ? $"killed after {delay.TotalMilliseconds,5:0} ms" : $"finished (exit {process.ExitCode})     ")}; last commit {check.Ids.Count,6:N0} articles, clean {check.Clean}, missing {missing}");
        }

        var final = await search.RunAsync(TimeSpan.FromMinutes(10), "index", folder.Articles, "--index", index);
        var after = IndexCheck.Of(index);
        lost += committed.Count(id => !after.Ids.Contains(id));
        if (!after.Clean)
            unclean++;
        return new CrashResult(runs, killed, lost, unclean, final.ExitCode, after.Ids.Count, total);
    }
}
