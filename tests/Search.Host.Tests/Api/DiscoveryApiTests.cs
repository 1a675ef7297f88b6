using System.Net;
using System.Text.Json;
using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Api;

public sealed class DiscoveryApiTests(ReadOnlyHostFixture host) : IClassFixture<ReadOnlyHostFixture>
{
    private readonly HttpClient _client = host.Factory.CreateClient();

    [Fact]
    public async Task Similar_ReturnsASearchShapedListWithoutTheArticle()
    {
        var result = await _client.GetJsonAsync("/api/articles/fo-let-2019/similar?size=3");

        Assert.Equal("us-let-jem-2019", result.Ids().First());
        Assert.DoesNotContain("fo-let-2019", result.Ids());
        Assert.True(result.GetProperty("total").GetInt32() >= 1);
        Assert.Equal(JsonValueKind.Array, result.GetProperty("facets").ValueKind);
    }

    [Fact]
    public async Task Similar_OfAnUnknownArticle_Is404()
    {
        var response = await _client.GetAsync("/api/articles/no-such-article/similar");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Search_ForAMisspeltGroup_SuggestsTheCanonicalName()
    {
        var misspelt = await _client.GetJsonAsync("/api/search?q=Lashkar-e-Tayba");
        var fine = await _client.GetJsonAsync("/api/search?q=LeT");

        var suggestion = misspelt.GetProperty("suggestion");
        Assert.Equal("Lashkar-e-Taiba", suggestion.GetProperty("query").GetString());
        Assert.Equal(2, suggestion.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, fine.GetProperty("suggestion").ValueKind);
    }

    [Fact]
    public async Task Search_WithExplain_GivesLinesThatSumToTheScoreAndTheEvidence()
    {
        var result = await _client.GetJsonAsync("/api/search?q=Lashkar&explain=true");

        var hit = result.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("id").GetString() == "fo-let-2019");
        var explanation = hit.GetProperty("explanation");
        var sum = explanation.GetProperty("terms").EnumerateArray().Sum(t => t.GetProperty("score").GetDouble());
        Assert.Equal(hit.GetProperty("score").GetDouble(), sum, 2);
        Assert.StartsWith("= ", explanation.GetProperty("lines").EnumerateArray().Last().GetString());
        Assert.Contains(explanation.GetProperty("facets").EnumerateArray(), f =>
            f.GetProperty("facet").GetString() == "group" && f.GetProperty("sentence").GetString() == "He said militants of Lashkar-e-Taiba would face the ban in full.");
    }

    [Fact]
    public async Task Search_WithoutExplain_HasNoExplanationOrDuplicates()
    {
        var result = await _client.GetJsonAsync("/api/search?q=Lashkar&collapse=false");

        Assert.All(result.GetProperty("hits").EnumerateArray(), h =>
        {
            Assert.Equal(JsonValueKind.Null, h.GetProperty("explanation").ValueKind);
            Assert.Equal(JsonValueKind.Null, h.GetProperty("duplicates").ValueKind);
        });
    }

    [Fact]
    public async Task Duplicates_ListsNoClustersWhenEveryStoryIsDistinct()
    {
        var result = await _client.GetJsonAsync("/api/duplicates");

        Assert.Equal(0, result.GetProperty("clusters").GetArrayLength());
    }
}
