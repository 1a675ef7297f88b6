using System.Net;
using System.Text.Json;
using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Api;

public sealed class AnalysisApiTests(ReadOnlyHostFixture host) : IClassFixture<ReadOnlyHostFixture>
{
    private readonly HttpClient _client = host.Factory.CreateClient();

    private static (string Key, int Count, int Total, double Share)[] Buckets(JsonElement result) =>
        result.GetProperty("histogram").GetProperty("buckets").EnumerateArray()
            .Select(b => (b.GetProperty("key").GetString()!, b.GetProperty("count").GetInt32(), b.GetProperty("total").GetInt32(), b.GetProperty("share").GetDouble()))
            .ToArray();

    [Fact]
    public async Task Search_WithYearHistogram_CountsAddUpAndSharesDivideByTheYearsArticles()
    {
        var result = await _client.GetJsonAsync("/api/search?q=Lashkar&histogram=year");

        Assert.Equal("year", result.GetProperty("histogram").GetProperty("interval").GetString());
        Assert.Equal(
            [("2019", 2, 3, 2 / 3.0), ("2020", 0, 1, 0), ("2021", 0, 1, 0), ("2022", 0, 1, 0), ("2023", 0, 1, 0)],
            Buckets(result));
        Assert.Equal(result.GetProperty("total").GetInt32(), Buckets(result).Sum(b => b.Count));
    }

    [Fact]
    public async Task Search_WithMonthHistogramAndMonthFilter_KeepsTheOtherMonthsAndFillsGaps()
    {
        var result = await _client.GetJsonAsync("/api/search?month=2019-3&histogram=month&histogram_from=2019-02&histogram_to=2019-07");

        Assert.Equal(["fo-let-2019", "jem-ban-2019"], result.Ids().Order());
        Assert.Equal(
            [("2019-02", 0, 0, 0), ("2019-03", 2, 2, 1), ("2019-04", 0, 0, 0), ("2019-05", 0, 0, 0), ("2019-06", 1, 1, 1), ("2019-07", 0, 0, 0)],
            Buckets(result));
    }

    [Fact]
    public async Task Search_WithoutHistogram_HasANullHistogram()
    {
        var result = await _client.GetJsonAsync("/api/search?q=Lashkar");

        Assert.Equal(JsonValueKind.Null, result.GetProperty("histogram").ValueKind);
    }

    [Theory]
    [InlineData("histogram=week", "histogram", "Unknown histogram interval 'week'; use year or month.")]
    [InlineData("histogram=month&histogram_from=2019-13", "histogram_from", "'2019-13' is not a month; use a year and month, such as 2019-03.")]
    [InlineData("rows=speaker&cols=speaker", "cols", "The rows and the columns are both 'speaker'; pivot two different facets.")]
    public async Task BadAnalysisParameters_Return400NamingTheParameter(string query, string parameter, string detail)
    {
        var path = query.StartsWith("rows", StringComparison.Ordinal) ? "/api/pivot?" : "/api/search?";
        using var response = await _client.GetAsync(path + query);
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Pivot_SpeakersByGroups_CountsEachPairOfTheMatchesIgnoringFiltersOnTheTwoFacets()
    {
        var result = await _client.GetJsonAsync("/api/pivot?rows=speaker&cols=group&year=2019&group=Lashkar-e-Taiba&top_rows=3&top_cols=3");

        Assert.Equal("speaker", result.GetProperty("row_facet").GetString());
        Assert.Equal(["Mike Pompeo", "Mohammad Faisal", "Shah Mehmood Qureshi"], result.GetProperty("rows").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["Jaish-e-Mohammed", "Lashkar-e-Taiba"], result.GetProperty("cols").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("[[1,1],[0,1],[1,0]]", result.GetProperty("counts").GetRawText());
        Assert.Equal("[1,1,1]", result.GetProperty("row_totals").GetRawText());
        Assert.Equal("[2,2]", result.GetProperty("col_totals").GetRawText());
        Assert.Equal(3, result.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Export_Csv_StreamsEveryMatchAsAnAttachment()
    {
        using var response = await _client.GetAsync("/api/export?q=Lashkar&format=csv");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("search-export.csv", response.Content.Headers.ContentDisposition.FileName);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,title,published,group,speaker,year,month,url,score,passage", lines[0]);
        Assert.Equal(["fo-let-2019", "us-let-jem-2019"], lines.Skip(1).Select(l => l.Split(',')[0]).Order());
    }

    [Fact]
    public async Task Export_JsonLines_OneObjectPerMatch()
    {
        using var response = await _client.GetAsync("/api/export?group=Jaish-e-Mohammed&format=jsonl&sort=oldest");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("search-export.jsonl", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal(["jem-ban-2019", "us-let-jem-2019"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
    }
}
