using System.Net;
using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Api;

/// <summary>Queries over a cost limit get a 400 naming the limit, not minutes of CPU and gigabytes of memory.</summary>
public sealed class QueryLimitApiTests(ReadOnlyHostFixture host) : IClassFixture<ReadOnlyHostFixture>
{
    private readonly HttpClient _client = host.Factory.CreateClient();

    [Theory]
    [InlineData("/[ab]*a[ab]{20}/", "MaxDeterminizedStates", "automaton states")]
    [InlineData("/[ab]*a[ab]{16}/", "MaxDeterminizedStates", "automaton states")]
    [InlineData("Lashkar~ Taiba~ Jaish~ Mohammed~ Pakistan~ India~ Kashmir~ Mumbai~ attack~ statement~ office~ foreign~ minister~ spokesperson~ group~ militant~ banned~", "MaxFuzzyTerms", "more than 16 fuzzy terms")]
    public async Task Search_OverAQueryLimit_Returns400NamingTheLimit(string query, string limit, string detail)
    {
        using var response = await _client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("Query over a limit", problem.GetProperty("title").GetString());
        Assert.Equal("q", problem.GetProperty("parameter").GetString());
        Assert.Equal(limit, problem.GetProperty("limit").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Search_WithAnOrdinaryRegex_Answers()
    {
        var result = await _client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("/lashk[a-z]+/"));
        Assert.Equal(2, result.GetProperty("total").GetInt32());
    }
}
