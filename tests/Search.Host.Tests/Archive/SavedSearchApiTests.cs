using System.Net;
using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Archive;

public sealed class SavedSearchApiTests : IDisposable
{
    private const string Key = "test-key-0123456789";
    private readonly SearchHostFactory _factory = new(Key);
    private readonly HttpClient _client;

    public SavedSearchApiTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task RunNew_AfterThreeMatchingArticles_ListsExactlyThoseThenNone()
    {
        using (var saved = await SendAsync(HttpMethod.Put, "/api/saved/pompeo?q=ceasefire OR Pompeo&speaker=Mike Pompeo", null, Key))
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var before = await _client.GetJsonAsync("/api/saved");
        var batch = new object[]
        {
            new { id = "new-a", title = "First", body = "Mike Pompeo said the ceasefire held.", speakers = new[] { "Mike Pompeo" } },
            new { id = "new-b", title = "Second", body = "Mike Pompeo said the talks went on.", speakers = new[] { "Mike Pompeo" } },
            new { id = "other", title = "Unrelated", body = "Ned Price spoke about trade.", speakers = new[] { "Ned Price" } },
        };
        using (var posted = await SendAsync(HttpMethod.Post, "/api/articles", Json.Body(batch), Key))
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        using (var posted = await SendAsync(HttpMethod.Post, "/api/articles", Json.Body(new { id = "new-c", title = "Third", body = "Mike Pompeo said the ceasefire must hold.", speakers = new[] { "Mike Pompeo" } }), Key))
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var listed = (await _client.GetJsonAsync("/api/saved")).GetProperty("searches")[0];

        var first = await _client.GetJsonAsync("/api/saved/pompeo?new=true");
        var second = await _client.GetJsonAsync("/api/saved/pompeo?new=true");
        var all = await _client.GetJsonAsync("/api/saved/pompeo");

        var entry = before.GetProperty("searches")[0];
        Assert.Equal("pompeo", entry.GetProperty("name").GetString());
        Assert.Equal(2, entry.GetProperty("matches").GetInt32());
        Assert.Equal(0, entry.GetProperty("new").GetInt32());
        Assert.Equal(5, listed.GetProperty("matches").GetInt32());
        Assert.Equal(3, listed.GetProperty("new").GetInt32());
        Assert.Equal(["new-a", "new-b", "new-c"], first.GetProperty("result").Ids().Order());
        Assert.True(first.GetProperty("only_new").GetBoolean());
        Assert.Empty(second.GetProperty("result").Ids());
        Assert.Equal(5, all.GetProperty("result").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Writes_NeedTheKey_AndDeleteRemoves()
    {
        using var withoutKey = await SendAsync(HttpMethod.Put, "/api/saved/x?q=attack", null, null);
        using var saved = await SendAsync(HttpMethod.Put, "/api/saved/x?q=attack", null, Key);
        using var badName = await SendAsync(HttpMethod.Put, "/api/saved/a%20b?q=attack", null, Key);
        using var deleted = await SendAsync(HttpMethod.Delete, "/api/saved/x", null, Key);
        using var gone = await _client.GetAsync("/api/saved/x");

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content, string? key)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);
        return await _client.SendAsync(request);
    }
}
