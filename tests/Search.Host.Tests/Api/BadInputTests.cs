using System.Net;
using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Api;

public sealed class BadInputTests(ReadOnlyHostFixture host) : IClassFixture<ReadOnlyHostFixture>
{
    private readonly HttpClient _client = host.Factory.CreateClient();

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "/api/search?year=twenty", "year", "'twenty' is not a year" },
        { "/api/search?year=20190", "year", "use four digits" },
        { "/api/search?from=19x", "from", "'19x' is not a year" },
        { "/api/search?from=2022&to=2019", "from", "starts after it ends" },
        { "/api/search?size=101", "size", "between 0 and 100" },
        { "/api/search?size=-1", "size", "between 0 and 100" },
        { "/api/search?size=ten", "size", "'ten' is not a whole number" },
        { "/api/search?page=0", "page", "numbered from 1" },
        { "/api/search?page=2147483647&size=100", "page", "cursor" },
        { "/api/search?facet=colour", "facet", "Unknown facet 'colour'" },
        { "/api/facets/colour", "facet", "Unknown facet 'colour'" },
        { "/api/facets/speaker?limit=0", "limit", "between 1 and 1000" },
        { "/api/search?q=" + new string('a', 2001), "q", "the limit is 2000" },
        { "/api/search?cursor=not-a-cursor", "cursor", "The cursor is not valid" },
        { "/api/search?cursor=eyJ4IjoxfQ", "cursor", "The cursor is not valid" },
        { "/api/search?sort=sideways", "sort", "Unknown sort 'sideways'; use relevance, newest or oldest." },
        { "/api/search?fragments=99", "fragments", "between 0 and 10" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadInput_Returns400ProblemDetailsSayingWhatToFix(string url, string parameter, string detail)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Cursor_FromAnotherSort_IsRejectedWithTheReason()
    {
        var first = await _client.GetJsonAsync("/api/search?sort=oldest&size=1");
        var cursor = Uri.EscapeDataString(first.GetProperty("next_cursor").GetString()!);

        using var response = await _client.GetAsync($"/api/search?sort=newest&size=1&cursor={cursor}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("keep the sort", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    public static TheoryData<string> Junk => new()
    {
        "/api/search?q=((",
        "/api/search?q=%22unclosed",
        "/api/search?q=*",
        "/api/search?q=?",
        "/api/search?q=title:",
        "/api/search?q=/[/",
        "/api/search?q=a~~~2",
        "/api/search?q=year:[2019%20TO",
        "/api/search?q=AND%20OR%20NOT",
        "/api/search?q=%5C",
        "/api/search?q=%00%01%02",
        "/api/search?q=%F0%9F%92%A5%F0%9F%92%A5",
        "/api/search?q=" + new string('(', 1500),
        "/api/search?q=group:",
        "/api/search?q=speaker:%22%22",
        "/api/search?q=a^999999999999",
        "/api/search?q=*:*",
        "/api/search?q=" + string.Concat(Enumerable.Repeat("a* ", 600)),
        "/api/search?group=%3Cscript%3E&speaker=%00",
        "/api/search?year=-1",
        "/api/search?year=0",
        "/api/search?year=99999999999999999999",
        "/api/search?size=1e3",
        "/api/search?page=%20",
        "/api/search?cursor=%%%",
        "/api/search?cursor=" + new string('A', 3000),
        "/api/search?sort=",
        "/api/search?fragments=-5",
        "/api/search?facet=",
        "/api/facets/%01",
        "/api/facets/speaker?prefix=%FF%FE",
        "/api/facets/speaker?prefix=" + new string('x', 3000),
        "/api/facets/year?limit=abc",
        "/api/articles/%01%7F",
        "/api/articles/..%2F..%2Fetc%2Fpasswd",
        "/api/articles/" + new string('z', 3000),
    };

    [Theory]
    [MemberData(nameof(Junk))]
    public async Task JunkInput_NeverCausesAServerError(string url)
    {
        using var response = await _client.GetAsync(url);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{url} returned {(int)response.StatusCode}: {body}");
        Assert.DoesNotContain("   at ", body);
    }
}
