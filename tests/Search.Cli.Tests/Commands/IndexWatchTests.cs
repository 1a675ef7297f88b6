using System.Diagnostics;
using Search.Core;

namespace Search.Cli.Tests.Commands;

public sealed class IndexWatchTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Watch_IndexesANewFile_AndStopsCleanlyWhenCancelled()
    {
        var articles = _temp.Combine("articles");
        var indexPath = _temp.Combine("index");
        _temp.Write("articles/first.txt", "ISLAMABAD, March 3, 2026: The Foreign Office said Lashkar-e-Taiba remained banned.\n\nIt gave no further details.\n");
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var context = new CliContext(CliConsole.Create(output, error), new IndexLocator(Path.GetTempPath()));
        using var stop = new CancellationTokenSource();

        var watching = CliApp.RunAsync(["index", articles, "--index", indexPath, "--watch"], context, stop.Token);
        var started = Stopwatch.StartNew();
        while (!File.Exists(Path.Combine(indexPath, "segments_1")) && started.Elapsed < TimeSpan.FromSeconds(20))
            await Task.Delay(50);
        await Task.Delay(300);
        _temp.Write("articles/second.txt", "KARACHI, March 6, 2026: Officials said Jaish-e-Mohammed cells had been broken up.\n\nArrests followed.\n");
        using var index = SearchIndex.Open(indexPath);
        var written = Stopwatch.StartNew();
        while (index.Search(new SearchRequest { Query = "Jaish-e-Mohammed", Size = 0 }).Total == 0 && written.Elapsed < TimeSpan.FromSeconds(20))
            await Task.Delay(50);
        var foundAfter = written.Elapsed;
        stop.Cancel();
        var code = await watching;

        Assert.Equal(0, code);
        // How soon is measured by the host's watch test and given in the README; a wall-clock bound
        // here only fails on a loaded machine. Found at all, within the wait above, is what this checks.
        Assert.True(foundAfter < TimeSpan.FromSeconds(20), $"Not found {foundAfter.TotalMilliseconds:F0} ms after the write.");
        Assert.Contains("Watching for new and changed files; Ctrl-C stops.\n", output.ToString());
        Assert.Matches(@"\d\d:\d\d:\d\d added 1, updated 0, unchanged 0, removed 0, skipped 0 \(1 changed, 0 gone\)\n", output.ToString());
        Assert.EndsWith("Stopped watching; every change read so far is committed.\n", output.ToString());
        Assert.Equal("", error.ToString());
    }
}
