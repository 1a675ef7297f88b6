using System.Net;
using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Api;

public sealed class ArticlesApiTests(ReadOnlyHostFixture host) : IClassFixture<ReadOnlyHostFixture>
{
    private readonly HttpClient _client = host.Factory.CreateClient();

    [Fact]
    public async Task Article_WhenPresent_ReturnsTextMetadataAndEvidence()
    {
        var article = await _client.GetJsonAsync("/api/articles/fo-let-2019");

        Assert.Equal("fo-let-2019", article.GetProperty("id").GetString());
        Assert.Equal("Foreign Office condemns Lashkar-e-Taiba attack", article.GetProperty("title").GetString());
        Assert.StartsWith("Foreign Office spokesman Mohammad Faisal said", article.GetProperty("body").GetString());
        Assert.Equal("https://example.org/fo-let-2019", article.GetProperty("url").GetString());
        Assert.Equal(["2019"], article.GetProperty("facets").GetProperty("year").EnumerateArray().Select(y => y.GetString()));
        Assert.StartsWith("2019-03-01", article.GetProperty("published").GetString());
        Assert.Equal(["Lashkar-e-Taiba"], article.GetProperty("facets").GetProperty("group").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["Mohammad Faisal"], article.GetProperty("facets").GetProperty("speaker").EnumerateArray().Select(g => g.GetString()));
        var evidence = article.GetProperty("evidence").EnumerateArray()
            .Select(e => (e.GetProperty("facet").GetString(), e.GetProperty("value").GetString(), e.GetProperty("sentence").GetString()))
            .ToArray();
        Assert.Contains(("group", "Lashkar-e-Taiba", "He said militants of Lashkar-e-Taiba would face the ban in full."), evidence);
        Assert.Contains(("speaker", "Mohammad Faisal", "Foreign Office spokesman Mohammad Faisal said Pakistan condemned the attack."), evidence);
    }

    [Fact]
    public async Task Article_WhenAbsent_Returns404ProblemDetails()
    {
        using var response = await _client.GetAsync("/api/articles/no-such-article");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("no-such-article", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Article_WithQuery_MarksTheMatchesInTheWholeTitleAndText()
    {
        var article = await _client.GetJsonAsync("/api/articles/fo-let-2019?q=condemned");

        Assert.Equal("Foreign Office <mark>condemns</mark> Lashkar-e-Taiba attack", article.GetProperty("title_html").GetString());
        var body = article.GetProperty("body_html").GetString()!;
        Assert.StartsWith("Foreign Office spokesman Mohammad Faisal said Pakistan <mark>condemned</mark> the attack.", body);
        Assert.Empty(article.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task Article_WithoutQuery_ReturnsTheTextEscapedWithoutMarks()
    {
        var article = await _client.GetJsonAsync("/api/articles/fo-let-2019");

        Assert.DoesNotContain("<mark>", article.GetProperty("body_html").GetString());
        Assert.Equal("Foreign Office condemns Lashkar-e-Taiba attack", article.GetProperty("title_html").GetString());
    }
}
