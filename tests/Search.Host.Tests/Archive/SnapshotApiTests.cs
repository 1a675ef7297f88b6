using System.Net;
using Search.Core;
using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Archive;

public sealed class SnapshotApiTests : IDisposable
{
    private const string Key = "test-key-0123456789";
    private const int Batch = 50;
    private const int Posted = 1000;
    private readonly SearchHostFactory _factory = new(Key);
    private readonly HttpClient _client;
    private readonly string _destination = Path.Combine(Path.GetTempPath(), "search-snapshot-tests-" + Guid.NewGuid().ToString("N"));

    public SnapshotApiTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _factory.Dispose();
        if (Directory.Exists(_destination))
            Directory.Delete(_destination, recursive: true);
    }

    [Fact]
    public async Task Snapshot_TakenWhileArticlesArePosted_HoldsExactlyTheArticlesOfOneCommit()
    {
        var firstBatchDone = new TaskCompletionSource();
        var posting = Task.Run(async () =>
        {
            for (var start = 0; start < Posted; start += Batch)
            {
                var batch = Enumerable.Range(start, Batch).Select(i => new { id = Id(i), title = $"Statement {i} on border trade", body = $"The ministry issued statement {i} on border security and trade talks, officials in Islamabad said on Monday." }).ToArray();
                using var response = await SendAsync(HttpMethod.Post, "/api/articles", Json.Body(batch));
                Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
                firstBatchDone.TrySetResult();
            }
        });
        await Task.WhenAny(firstBatchDone.Task, posting);
        Assert.False(posting.IsFaulted, posting.Exception?.ToString());

        using var snapshot = await SendAsync(HttpMethod.Post, "/api/snapshot?to=" + Uri.EscapeDataString(_destination), null);
        await posting;

        Assert.Equal(HttpStatusCode.OK, snapshot.StatusCode);
        using var copy = SearchIndex.Open(_destination);
        var total = copy.Search(new SearchRequest { Size = 0 }).Total;
        var postedInCopy = total - TestCorpus.Articles.Count;
        Assert.True(postedInCopy >= Batch && postedInCopy % Batch == 0, $"The copy holds {postedInCopy} posted articles, not whole batches.");
        var present = Enumerable.Range(0, Posted).Where(i => copy.GetArticle(Id(i)) is not null).ToArray();
        Assert.Equal(Enumerable.Range(0, postedInCopy), present);
        Assert.All(TestCorpus.Articles, a => Assert.NotNull(copy.GetArticle(a.Id)));
        Assert.Equal(TestCorpus.Articles.Count + Posted, (await _client.GetJsonAsync("/api/search?size=0")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Snapshot_IntoAFolderThatIsNotEmpty_Returns409()
    {
        Directory.CreateDirectory(_destination);
        await File.WriteAllTextAsync(Path.Combine(_destination, "keep.txt"), "mine");

        using var response = await SendAsync(HttpMethod.Post, "/api/snapshot?to=" + Uri.EscapeDataString(_destination), null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["keep.txt"], Directory.GetFiles(_destination).Select(Path.GetFileName));
    }

    private static string Id(int i) => $"posted-{i:D4}";

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("X-Api-Key", Key);
        return await _client.SendAsync(request);
    }
}
