using System.Net;
using System.Text;
using Search.Core;
using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Api;

public sealed class WriteApiTests : IDisposable
{
    private const string Key = "test-key-0123456789";
    private readonly SearchHostFactory _factory = new(Key, new() { ["Search:MaxRequestBodyBytes"] = "65536" });
    private readonly HttpClient _client;

    public WriteApiTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Post_WithoutKey_Returns401()
    {
        using var response = await _client.PostAsync("/api/articles", Json.Body(new { id = "new-1", body = "Text." }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("X-Api-Key", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("test-key-0123456788")]
    [InlineData("test-key-0123456789-and-more")]
    public async Task Post_WithWrongKey_Returns401(string key)
    {
        using var response = await Send(HttpMethod.Post, "/api/articles", Json.Body(new { id = "new-1", body = "Text." }), key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var absent = await _client.GetAsync("/api/articles/new-1");
        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
    }

    [Fact]
    public async Task Post_WithKey_IsSearchableByTheNextSearch()
    {
        var article = new
        {
            id = "new-1",
            title = "Spokesperson rejects claims about Jaish-e-Mohammed",
            body = "ISLAMABAD: Foreign Office spokesperson Mumtaz Zahra Baloch said on Thursday that the claims about Jaish-e-Mohammed were baseless.",
            url = "https://example.org/new-1",
            date = "2024-03-14",
        };
        using var response = await Send(HttpMethod.Post, "/api/articles", Json.Body(article), Key);
        var total = await Total("baseless");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var written = await response.ReadJsonAsync();
        Assert.Equal(1, written.GetProperty("indexed").GetInt32());
        Assert.Equal(["new-1"], written.GetProperty("ids").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(1, total);

        var stored = await _client.GetJsonAsync("/api/articles/new-1");
        Assert.Equal(["2024"], stored.GetProperty("facets").GetProperty("year").EnumerateArray().Select(y => y.GetString()));
        Assert.Equal(["Jaish-e-Mohammed"], stored.GetProperty("facets").GetProperty("group").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task Post_Array_IndexesEachArticleAndGivenFieldsWin()
    {
        var batch = new object[]
        {
            new { id = "batch-1", title = "First", text = "A statement on the Haqqani Network.", groups = new[] { "TTP" }, year = 2018 },
            new { id = "batch-2", title = "Second", body = "Another statement on the Haqqani Network.", speakers = new[] { "Ned Price" } },
        };

        using var response = await Send(HttpMethod.Post, "/api/articles", Json.Body(batch), Key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.ReadJsonAsync()).GetProperty("indexed").GetInt32());
        var first = await _client.GetJsonAsync("/api/articles/batch-1");
        Assert.Equal(["Tehrik-i-Taliban Pakistan"], first.GetProperty("facets").GetProperty("group").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["2018"], first.GetProperty("facets").GetProperty("year").EnumerateArray().Select(y => y.GetString()));
        var second = await _client.GetJsonAsync("/api/articles/batch-2");
        Assert.Equal(["Ned Price"], second.GetProperty("facets").GetProperty("speaker").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["Haqqani Network"], second.GetProperty("facets").GetProperty("group").EnumerateArray().Select(g => g.GetString()));
    }

    [Theory]
    [InlineData("{\"id\":\"bad-1\"}", "has no 'body' or 'text'")]
    [InlineData("[{\"id\":\"ok-1\",\"body\":\"Fine text here.\"},{\"id\":\"bad-2\",\"body\":\"Text.\",\"year\":\"soon\"}]", "'year' must be a whole number")]
    [InlineData("{\"body\":\"Text without an id.\"}", "no 'id'")]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("not json", "not a JSON object or array")]
    [InlineData("", "The body is empty")]
    public async Task Post_WithBadRecord_Returns400AndWritesNothing(string body, string detail)
    {
        using var response = await Send(HttpMethod.Post, "/api/articles", new StringContent(body, Encoding.UTF8, "application/json"), Key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
        Assert.Equal(8, await Total(""));
    }

    [Fact]
    public async Task Post_OverTheBodyLimit_Returns413()
    {
        var huge = new { id = "huge", body = new string('x', 70_000) };

        using var response = await Send(HttpMethod.Post, "/api/articles", Json.Body(huge), Key);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("over the limit", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Delete_WithKey_RemovesTheArticleAtOnce()
    {
        using var response = await Send(HttpMethod.Delete, "/api/articles/haqqani-2023", null, Key);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, await Total("Haqqani"));
        using var gone = await _client.GetAsync("/api/articles/haqqani-2023");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Delete_WithoutKey_Returns401AndKeepsTheArticle()
    {
        using var response = await _client.DeleteAsync("/api/articles/haqqani-2023");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, await Total("Haqqani"));
    }

    [Fact]
    public async Task Delete_WhenAbsent_Returns404()
    {
        using var response = await Send(HttpMethod.Delete, "/api/articles/no-such-article", null, Key);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Write_WhenAnotherWriterHoldsTheIndex_Returns503NamingTheLock()
    {
        await _client.GetAsync("/health");
        using (ArticleWriter.Open(_factory.IndexPath))
        {
            using var response = await Send(HttpMethod.Post, "/api/articles", Json.Body(new { id = "locked-1", body = "Text." }), Key);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var problem = await response.ReadJsonAsync();
            Assert.Equal("Index locked", problem.GetProperty("title").GetString());
            Assert.Contains("locked by another writer", problem.GetProperty("detail").GetString());
        }

        using var retry = await Send(HttpMethod.Post, "/api/articles", Json.Body(new { id = "locked-1", body = "Text after the lock." }), Key);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string url, HttpContent? content, string key)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("X-Api-Key", key);
        return await _client.SendAsync(request);
    }

    private async Task<int> Total(string query) =>
        (await _client.GetJsonAsync($"/api/search?size=0&q={Uri.EscapeDataString(query)}")).GetProperty("total").GetInt32();
}
