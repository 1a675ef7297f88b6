using System.Text.Json;
using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Api;

public sealed class EmptyResultApiTests(ReadOnlyHostFixture host) : IClassFixture<ReadOnlyHostFixture>
{
    private readonly HttpClient _client = host.Factory.CreateClient();

    [Fact]
    public async Task Search_WhenFiltersLeaveNothing_SaysHowManyMatchWithoutThem()
    {
        var result = await _client.GetJsonAsync("/api/search?q=Lashkar&from=1990&to=1991");

        Assert.Equal(0, result.GetProperty("total").GetInt32());
        Assert.Equal(2, result.GetProperty("total_without_filters").GetInt32());
    }

    [Fact]
    public async Task Search_WhenSomethingMatches_LeavesTotalWithoutFiltersNull()
    {
        var result = await _client.GetJsonAsync("/api/search?q=Lashkar");

        Assert.Equal(JsonValueKind.Null, result.GetProperty("total_without_filters").ValueKind);
    }

    [Fact]
    public async Task Search_WhenQuoteIsNotClosed_WarnsInPlainWords()
    {
        var result = await _client.GetJsonAsync("/api/search?q=%22unterminated%20phrase");

        Assert.Equal(["A quote is not closed; searched the words instead."], result.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
    }
}
