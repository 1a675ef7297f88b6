using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Search.Core;
using Search.Host.Tests.Infrastructure;
using Search.Ingest.Indexing;
using Search.Ingest.Reading;

namespace Search.Host.Tests.Api;

public sealed class BatchApiTests(ReadOnlyHostFixture host) : IClassFixture<ReadOnlyHostFixture>
{
    private readonly HttpClient _client = host.Factory.CreateClient();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, object body, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/batch") { Content = Json.Body(body) };
        if (accept is not null)
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return await client.SendAsync(request);
    }

    private async Task<JsonElement[]> RowsAsync(object body)
    {
        using var response = await PostAsync(_client, body);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/batch returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync()).GetProperty("results").EnumerateArray().ToArray();
    }

    [Fact]
    public async Task Batch_ReturnsARowPerEntry_WithTotalDatesAndHits()
    {
        var rows = await RowsAsync(new { entries = new[] { "Lashkar-e-Taiba", "Haqqani Network", "nothing-like-this" }, options = new { phrase = true, hits = 1 } });

        Assert.Equal(["Lashkar-e-Taiba", "Haqqani Network", "nothing-like-this"], rows.Select(r => r.GetProperty("entry").GetString()));
        Assert.Equal(["\"Lashkar-e-Taiba\"", "\"Haqqani Network\"", "\"nothing-like-this\""], rows.Select(r => r.GetProperty("query").GetString()));
        Assert.Equal([2, 1, 0], rows.Select(r => r.GetProperty("total").GetInt32()));
        Assert.Equal("2019-03-01", rows[0].GetProperty("first").GetString());
        Assert.Equal("2019-06-10", rows[0].GetProperty("last").GetString());
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("first").ValueKind);
        Assert.Equal(["haqqani-2023"], rows[1].Ids());
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("error").ValueKind));
    }

    [Fact]
    public async Task Batch_MalformedEntries_AreReportedInTheirRowsWhileTheOthersComplete()
    {
        var rows = await RowsAsync(new { entries = new[] { "\"Lashkar", "Pompeo", "/[ab]*a[ab]{20}/", "Haqqani" } });

        Assert.Equal("A quote is not closed.", rows[0].GetProperty("error").GetString());
        Assert.StartsWith("The regular expression is too complex", rows[2].GetProperty("error").GetString());
        Assert.Equal([0, 2, 0, 1], rows.Select(r => r.GetProperty("total").GetInt32()));
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("error").ValueKind);
        Assert.Equal(JsonValueKind.Null, rows[3].GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task Batch_Filters_AreThoseOfASearch()
    {
        var rows = await RowsAsync(new { entries = new[] { "Pakistan", "attack" }, filters = new Dictionary<string, string[]> { ["group"] = ["Jaish-e-Mohammed"], ["from"] = ["2019"], ["to"] = ["2019"] } });

        var expected = new[]
        {
            (await _client.GetJsonAsync("/api/search?q=Pakistan&group=Jaish-e-Mohammed&from=2019&to=2019")).GetProperty("total").GetInt32(),
            (await _client.GetJsonAsync("/api/search?q=attack&group=Jaish-e-Mohammed&from=2019&to=2019")).GetProperty("total").GetInt32(),
        };
        Assert.Equal([2, 0], expected);
        Assert.Equal(expected, rows.Select(r => r.GetProperty("total").GetInt32()));
    }

    [Fact]
    public async Task Batch_WithAcceptCsv_StreamsTheRowsAsCsv()
    {
        using var response = await PostAsync(_client, new { entries = new[] { "Haqqani", "=1+1", "\"open" } }, "text/csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(
            "\uFEFFentry,total,first,last,query,error\r\n"
            + "Haqqani,1,2023-05-02,2023-05-02,Haqqani,\r\n"
            + "\"'=1+1\",0,,,\"'=1+1\",\r\n"
            + "\"\"\"open\",,,,\"\"\"open\",A quote is not closed.\r\n",
            text);
    }

    [Fact]
    public async Task Batch_OverTenThousandEntries_Is413WithASentence()
    {
        using var response = await PostAsync(_client, new { entries = Enumerable.Repeat("LeT", SearchLimits.MaxBatchEntries + 1).ToArray() });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("The batch has 10,001 entries; the limit is 10,000 a request. Split the list into several requests.", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{}", "The body has no 'entries'; send {\"entries\": [\"a name\", \"a phrase\"]}.")]
    [InlineData("{\"entries\": []}", "The batch has no entries; give at least one name or phrase.")]
    [InlineData("{\"entries\": [\"x\"], \"filters\": {\"colour\": [\"red\"]}}", "Unknown filter 'colour'; use a facet (group, speaker, year, month) or from, to, sort, fragments.")]
    [InlineData("{\"entries\": [\"x\"], \"options\": {\"fuzzy\": 3}}", "The fuzzy distance must be between 0 and 2 edits; it was 3.")]
    [InlineData("{\"entries\": [\"x\"], \"options\": {\"fuzzy\": 1, \"phrase\": true}}", "Fuzzy words do not combine with a phrase; use the proximity to let a phrase's words move, or fuzzy without the phrase.")]
    public async Task Batch_BadBody_Is400WithASentence(string body, string detail)
    {
        using var response = await _client.PostAsync("/api/batch", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(detail, (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Batch_BodyOverTheLimit_Is413()
    {
        using var small = new SearchHostFactory(settings: new() { ["Search:MaxRequestBodyBytes"] = "100" });

        using var response = await PostAsync(small.CreateClient(), new { entries = Enumerable.Repeat("Lashkar-e-Taiba", 20).ToArray() });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("The request body is over the limit of 100 bytes; send fewer entries per request.", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }
}

/// <summary>The batch over the shipped samples: each entry counts what a search for it alone counts.</summary>
public sealed class BatchSamplesTests : IDisposable
{
    private readonly string _indexPath = Path.Combine(Path.GetTempPath(), "search-host-batch-" + Guid.NewGuid().ToString("N"));
    private readonly SearchHostFactory _factory;

    public BatchSamplesTests()
    {
        using (var writer = ArticleWriter.Open(_indexPath))
            new ArticleIndexer(writer, "tests").IndexPaths(new ArticleFileReader(), [SamplesFolder()]);
        _factory = new SearchHostFactory(settings: new() { ["Search:IndexPath"] = _indexPath });
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_indexPath, recursive: true);
    }

    [Fact]
    public async Task Batch_OfTenEntries_GivesEachTheTotalOfItsOwnSearch()
    {
        string[] entries = ["Hafiz Saeed", "\"Hafiz Saeed\"", "Lashkar-e-Taiba", "TTP", "Jamaat-ud-Dawa", "Haqqani", "Masood Azhar", "Pompeo", "sanctions", "Mumbai"];
        var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/batch", Json.Body(new { entries }));
        var rows = (await response.ReadJsonAsync()).GetProperty("results").EnumerateArray().ToArray();

        var searched = new List<int>();
        foreach (var entry in entries)
            searched.Add((await client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(entry))).GetProperty("total").GetInt32());
        Assert.Equal(entries, rows.Select(r => r.GetProperty("entry").GetString()));
        Assert.Equal(searched, rows.Select(r => r.GetProperty("total").GetInt32()));
        Assert.All(searched, total => Assert.True(total > 0));
    }

    private static string SamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var samples = Path.Combine(dir.FullName, "index", "samples");
            if (File.Exists(Path.Combine(dir.FullName, "Search.sln")) && Directory.Exists(samples))
                return samples;
        }
        throw new DirectoryNotFoundException("The repository's index/samples folder was not found above the test binaries.");
    }
}
