using System.Text.Json;
using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Api;

public sealed class SearchApiTests(ReadOnlyHostFixture host) : IClassFixture<ReadOnlyHostFixture>
{
    private readonly HttpClient _client = host.Factory.CreateClient();

    [Fact]
    public async Task Search_WithQuery_ReturnsDocumentedFieldsWithHighlights()
    {
        var result = await _client.GetJsonAsync("/api/search?q=Lashkar");

        Assert.Equal("Lashkar", result.GetProperty("query").GetString());
        Assert.Equal(2, result.GetProperty("total").GetInt32());
        Assert.True(result.GetProperty("took_ms").GetDouble() >= 0);
        Assert.Equal(JsonValueKind.Array, result.GetProperty("warnings").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("next_cursor").ValueKind);
        Assert.Equal(["fo-let-2019", "us-let-jem-2019"], result.Ids().Order());

        var hit = result.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("id").GetString() == "fo-let-2019");
        Assert.True(hit.GetProperty("score").GetDouble() > 0);
        Assert.Equal("Foreign Office condemns Lashkar-e-Taiba attack", hit.GetProperty("title").GetString());
        Assert.Contains("<mark>Lashkar", hit.GetProperty("title_html").GetString());
        Assert.Equal(["2019"], hit.GetProperty("facets").GetProperty("year").EnumerateArray().Select(y => y.GetString()));
        Assert.Equal(["Lashkar-e-Taiba"], hit.GetProperty("facets").GetProperty("group").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["Mohammad Faisal"], hit.GetProperty("facets").GetProperty("speaker").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("https://example.org/fo-let-2019", hit.GetProperty("url").GetString());

        var passage = hit.GetProperty("passages").EnumerateArray().First(p => p.GetProperty("ranges").GetArrayLength() > 0);
        var text = passage.GetProperty("text").GetString()!;
        var range = passage.GetProperty("ranges")[0];
        var marked = text.Substring(range.GetProperty("start").GetInt32(), range.GetProperty("length").GetInt32());
        Assert.StartsWith("Lashkar", marked);
        Assert.Contains($"<mark>{marked}</mark>", passage.GetProperty("html").GetString());
    }

    [Fact]
    public async Task Search_WithFacets_ReturnsNameValueCountAndSelected()
    {
        var result = await _client.GetJsonAsync("/api/search?group=Jaish-e-Mohammed");

        var groups = result.Facet("group");
        var jem = groups.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("value").GetString() == "Jaish-e-Mohammed");
        Assert.Equal(2, jem.GetProperty("count").GetInt32());
        Assert.True(jem.GetProperty("selected").GetBoolean());
        Assert.Equal(["group", "speaker", "year", "month"], result.GetProperty("facets").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Search_WithSelectedGroup_KeepsAlternativeGroupsCountedDrillSideways()
    {
        var result = await _client.GetJsonAsync("/api/search?group=Jaish-e-Mohammed");

        Assert.Equal(2, result.GetProperty("total").GetInt32());
        Assert.Equal(2, result.Facet("group").Count("Lashkar-e-Taiba"));
        Assert.Equal(2, result.Facet("group").Count("Tehrik-i-Taliban Pakistan"));
        Assert.Equal(1, result.Facet("speaker").Count("Mike Pompeo"));
    }

    [Fact]
    public async Task Search_WithTwoGroups_MatchesEither()
    {
        var result = await _client.GetJsonAsync("/api/search?group=Lashkar-e-Taiba&group=Tehrik-i-Taliban%20Pakistan");

        Assert.Equal(["fo-let-2019", "ttp-peshawar-2022", "us-let-jem-2019", "xss-1"], result.Ids().Order());
    }

    [Fact]
    public async Task Search_WithGroupAndSpeaker_MatchesBoth()
    {
        var result = await _client.GetJsonAsync("/api/search?group=Lashkar-e-Taiba&speaker=Mike%20Pompeo");

        Assert.Equal(["us-let-jem-2019"], result.Ids());
    }

    [Fact]
    public async Task Search_WithTwoSpeakers_MatchesEither()
    {
        var result = await _client.GetJsonAsync("/api/search?speaker=Mike%20Pompeo&speaker=Matthew%20Miller");

        Assert.Equal(["haqqani-2023", "us-let-jem-2019", "xss-1"], result.Ids().Order());
    }

    [Fact]
    public async Task Search_WithYears_MatchesAnyOfThem()
    {
        var one = await _client.GetJsonAsync("/api/search?year=2019");
        var two = await _client.GetJsonAsync("/api/search?year=2019&year=2023");

        Assert.Equal(3, one.GetProperty("total").GetInt32());
        Assert.Equal(4, two.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_WithFromAndTo_KeepsYearsInRangeInclusive()
    {
        var result = await _client.GetJsonAsync("/api/search?from=2020&to=2022&sort=oldest");

        Assert.Equal(["xss-1", "is-cells-2021", "ttp-peshawar-2022"], result.Ids());
    }

    [Fact]
    public async Task Search_WithOnlyFrom_LeavesRangeOpenAtTheEnd()
    {
        var result = await _client.GetJsonAsync("/api/search?from=2022&sort=newest");

        Assert.Equal(["haqqani-2023", "ttp-peshawar-2022"], result.Ids());
    }

    [Theory]
    [InlineData("newest", "haqqani-2023")]
    [InlineData("oldest", "fo-let-2019")]
    [InlineData("NEWEST", "haqqani-2023")]
    public async Task Search_WithSort_OrdersByDate(string sort, string first)
    {
        var result = await _client.GetJsonAsync($"/api/search?sort={sort}");

        Assert.Equal(first, result.Ids()[0]);
        Assert.Equal("undated-1", result.Ids()[^1]);
    }

    [Fact]
    public async Task Search_WithRelevanceSort_ScoresHits()
    {
        var result = await _client.GetJsonAsync("/api/search?q=ceasefire&sort=relevance");

        Assert.Equal(["xss-1"], result.Ids());
        Assert.True(result.GetProperty("hits")[0].GetProperty("score").GetDouble() > 0);
    }

    [Fact]
    public async Task Search_WithPageAndSize_ReturnsThatSlice()
    {
        var result = await _client.GetJsonAsync("/api/search?sort=oldest&size=2&page=2");

        Assert.Equal(["us-let-jem-2019", "xss-1"], result.Ids());
        Assert.Equal(8, result.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_WithSizeZero_ReturnsOnlyCounts()
    {
        var result = await _client.GetJsonAsync("/api/search?size=0");

        Assert.Empty(result.Ids());
        Assert.Equal(8, result.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_WithNextCursor_ReturnsTheFollowingPage()
    {
        var first = await _client.GetJsonAsync("/api/search?sort=oldest&size=2");
        var cursor = first.GetProperty("next_cursor").GetString()!;

        var second = await _client.GetJsonAsync($"/api/search?sort=oldest&size=2&cursor={Uri.EscapeDataString(cursor)}");

        Assert.Equal(["fo-let-2019", "jem-ban-2019"], first.Ids());
        Assert.Equal(["us-let-jem-2019", "xss-1"], second.Ids());
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    public async Task Search_WithFragments_LimitsPassagesPerHit(int fragments, int expected)
    {
        var result = await _client.GetJsonAsync($"/api/search?q=said&fragments={fragments}");

        Assert.NotEmpty(result.Ids());
        Assert.All(result.GetProperty("hits").EnumerateArray(), h => Assert.Equal(expected, h.GetProperty("passages").GetArrayLength()));
    }

    [Fact]
    public async Task Search_WithFacetParameter_CountsOnlyThatFacet()
    {
        var result = await _client.GetJsonAsync("/api/search?facet=year");

        Assert.Equal(["year"], result.GetProperty("facets").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Search_EscapesMarkupInHighlightedHtml()
    {
        var result = await _client.GetJsonAsync("/api/search?q=ceasefire");

        var hit = result.GetProperty("hits")[0];
        Assert.Contains("&lt;script&gt;", hit.GetProperty("title_html").GetString());
        Assert.DoesNotContain("<script>", hit.GetProperty("title_html").GetString());
        Assert.All(hit.GetProperty("passages").EnumerateArray(), p => Assert.DoesNotContain("<img", p.GetProperty("html").GetString()));
    }

    [Fact]
    public async Task Search_LogsOneLinePerRequest()
    {
        using var response = await _client.GetAsync("/api/search?q=logged");

        // The line is written as the request completes, which may be just after the client has the response.
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var lines = await host.Factory.Logs.WaitForAsync(e => e.Message.StartsWith("GET /api/search 200 ", StringComparison.Ordinal), safetyNet.Token);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Matches(@"^GET /api/search 200 \d+(\.\d)? ms$", l.Message));
    }
}
