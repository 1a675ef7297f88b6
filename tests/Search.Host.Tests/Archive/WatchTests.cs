using System.Diagnostics;
using Search.Core;
using Search.Host.Tests.Infrastructure;
using Search.Ingest.Indexing;
using Search.Ingest.Reading;
using Xunit.Abstractions;

namespace Search.Host.Tests.Archive;

public sealed class WatchTests : IDisposable
{
    private readonly ITestOutputHelper _log;
    private readonly SearchHostFactory _factory = new();
    private readonly HttpClient _client;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "search-watch-tests-" + Guid.NewGuid().ToString("N"));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;

    public WatchTests(ITestOutputHelper log)
    {
        _log = log;
        _client = _factory.CreateClient();
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "first.txt"), "First report\n\nThe first statement in the watched folder was issued on Sunday.\n");
        var reader = new ArticleFileReader();
        var watcher = new FolderWatcher([_folder], reader, () => ArticleWriter.Open(_factory.IndexPath), "watch tests");
        var indexed = watcher.Scan();
        // As 'search index --watch' does: index what is there, then watch.
        using (var writer = ArticleWriter.Open(_factory.IndexPath))
            new ArticleIndexer(writer, "watch tests").IndexPaths(reader, [_folder]);
        _watching = watcher.RunAsync(indexed, null, _stop.Token);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _watching.GetAwaiter().GetResult();
        _stop.Dispose();
        _factory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task NewFile_IsFoundThroughTheRunningHost()
    {
        // The watcher lists every 100 ms and waits 500 ms for a stable size, so on a quiet machine
        // the file is searchable in about 1.3 s (logged below). The bound here is generous because a
        // wall-clock bound tight enough to prove 2 s fails on a loaded CI machine for no fault of ours.
        var written = Stopwatch.StartNew();
        await File.WriteAllTextAsync(Path.Combine(_folder, "zebra.txt"), "Zebra report\n\nA zebrafish statement was issued on Monday.\n");

        var ids = await WaitForAsync("zebrafish", TimeSpan.FromSeconds(20));
        var foundAfter = written.Elapsed;

        _log.WriteLine($"Found through the host {foundAfter.TotalMilliseconds:F0} ms after the write.");
        Assert.Equal(["zebra.txt"], ids);
    }

    [Fact]
    public async Task FileWrittenInPieces_IsIndexedOnlyWhole()
    {
        var path = Path.Combine(_folder, "slow.txt");
        var pieces = new[] { "Slow report\n\nThe alphaword statement opened the report.", " A first middle sentence followed it.", " A second middle sentence came next.", " A third middle sentence came after.", " The omegaword sentence closed it.\n" };
        var writing = Task.Run(async () =>
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            foreach (var piece in pieces)
            {
                await file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(piece));
                await file.FlushAsync();
                // Well inside the watcher's quiet period, as a scraper streaming a page would pause.
                await Task.Delay(100);
            }
        });
        var sawHalf = false;
        while (!writing.IsCompleted)
        {
            sawHalf |= await TotalAsync("alphaword") > 0 && await TotalAsync("omegaword") == 0;
            await Task.Delay(20);
        }
        await writing;

        var ids = await WaitForAsync("alphaword", TimeSpan.FromSeconds(5));

        Assert.False(sawHalf);
        Assert.Equal(["slow.txt"], ids);
        Assert.Equal(1, await TotalAsync("omegaword"));
    }

    private async Task<int> TotalAsync(string query) =>
        (await _client.GetJsonAsync($"/api/search?q={query}&size=0")).GetProperty("total").GetInt32();

    private async Task<string[]> WaitForAsync(string query, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < limit)
        {
            var result = await _client.GetJsonAsync($"/api/search?q={query}");
            if (result.GetProperty("total").GetInt32() > 0)
                return result.Ids();
            await Task.Delay(25);
        }
        return [];
    }
}
