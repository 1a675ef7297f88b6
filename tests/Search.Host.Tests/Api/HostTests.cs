using System.Net;
using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Api;

public sealed class HostTests(ReadOnlyHostFixture host) : IClassFixture<ReadOnlyHostFixture>
{
    private readonly HttpClient _client = host.Factory.CreateClient();

    [Fact]
    public async Task Health_WhenIndexOpens_ReportsHealthy()
    {
        using var response = await _client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Page_IsServedAtRootWithAStrictContentSecurityPolicy()
    {
        using var response = await _client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"app.js\"", html);
    }

    [Theory]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    public async Task Page_ShipsItsScriptAndStyle(string path, string mediaType)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Cors_WhenNotConfigured_SendsNoCorsHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search");
        request.Headers.Add("Origin", "https://elsewhere.example");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Writes_WithoutApiKey_AreNotMapped()
    {
        using var post = await _client.PostAsync("/api/articles", Json.Body(new { id = "x", body = "text" }));
        using var delete = await _client.DeleteAsync("/api/articles/fo-let-2019");

        Assert.Contains(post.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.Contains(delete.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.Equal(1, (await _client.GetJsonAsync("/api/search?q=Faisal")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task UnknownPath_Returns404ProblemDetails()
    {
        using var response = await _client.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class CorsTests
{
    [Fact]
    public async Task Cors_WhenConfigured_AllowsOnlyThoseOrigins()
    {
        using var factory = new SearchHostFactory(settings: new() { ["Search:CorsOrigins"] = "https://allowed.example" });
        var client = factory.CreateClient();

        var allowed = await Send(client, "https://allowed.example");
        var other = await Send(client, "https://other.example");

        Assert.Equal("https://allowed.example", allowed);
        Assert.Null(other);
    }

    private static async Task<string?> Send(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search");
        request.Headers.Add("Origin", origin);
        using var response = await client.SendAsync(request);
        return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
    }
}
