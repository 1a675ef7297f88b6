using System.Net;
using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Api;

/// <summary>
/// A search that runs out of its time budget is a 503 with a sentence, not a page of hits with
/// short totals. A budget of one tick (set through configuration) is spent before the search starts.
/// </summary>
public sealed class TimeBudgetApiTests : IDisposable
{
    private readonly SearchHostFactory _factory = new(settings: new() { ["Search:TimeBudget"] = "00:00:00.0000001" });

    [Theory]
    [InlineData("/api/search?q=hackers")]
    [InlineData("/api/search?q=lashk*")]
    [InlineData("/api/facets/group?q=" + "lashkar~")]
    public async Task Search_WhenTheBudgetRunsOut_Returns503WithASentence(string path)
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("Search timed out", problem.GetProperty("title").GetString());
        Assert.Equal("The search was stopped after its time budget of 0 ms; make the query more specific (fewer patterns or fuzzy terms, a filter) and try again.", problem.GetProperty("detail").GetString());
    }

    public void Dispose() => _factory.Dispose();
}
