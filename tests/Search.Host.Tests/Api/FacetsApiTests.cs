using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Api;

public sealed class FacetsApiTests(ReadOnlyHostFixture host) : IClassFixture<ReadOnlyHostFixture>
{
    private readonly HttpClient _client = host.Factory.CreateClient();

    [Fact]
    public async Task Facets_WithPrefix_ReturnsValuesWithAWordStartingWithIt()
    {
        var result = await _client.GetJsonAsync("/api/facets/speaker?prefix=Mi");

        Assert.Equal("speaker", result.GetProperty("name").GetString());
        Assert.Equal("Mi", result.GetProperty("prefix").GetString());
        var values = result.GetProperty("values").EnumerateArray().Select(v => (v.GetProperty("value").GetString(), v.GetProperty("count").GetInt32())).ToArray();
        Assert.Equal([("Mike Pompeo", 2), ("Matthew Miller", 1)], values);
    }

    [Fact]
    public async Task Facets_UnderAQuery_CountsOnlyMatchingArticles()
    {
        var result = await _client.GetJsonAsync("/api/facets/group?q=Pompeo");

        var values = result.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("value").GetString()).Order();
        Assert.Equal(["Jaish-e-Mohammed", "Lashkar-e-Taiba", "Tehrik-i-Taliban Pakistan"], values);
    }

    [Fact]
    public async Task Facets_WithOwnFilter_IgnoresItAndMarksSelected()
    {
        var result = await _client.GetJsonAsync("/api/facets/group?group=Haqqani%20Network&from=2022");

        var values = result.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("selected").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["Haqqani Network"] = true, ["Tehrik-i-Taliban Pakistan"] = false }, values);
    }

    [Fact]
    public async Task Facets_WithLimit_ReturnsAtMostThatMany()
    {
        var result = await _client.GetJsonAsync("/api/facets/year?limit=2");

        Assert.Equal(2, result.GetProperty("values").GetArrayLength());
        Assert.Equal("2019", result.GetProperty("values")[0].GetProperty("value").GetString());
    }
}
