using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Archive;

public sealed partial class MetricsTests : IDisposable
{
    private const string Key = "test-key-0123456789";
    private readonly SearchHostFactory _factory = new(Key);
    private readonly HttpClient _client;

    public MetricsTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Metrics_ParseAsPrometheusText_AndCountersMoveWithRequests()
    {
        await _client.GetAsync("/api/search?q=attack");
        var before = await ScrapeAsync();
        await _client.GetAsync("/api/search?q=attack");
        await _client.GetAsync("/api/search?q=attack");
        await _client.GetAsync("/api/search?q=Pompeo");
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = Json.Body(new { id = "m-1", body = "A metric statement." }) })
        {
            request.Headers.Add("X-Api-Key", Key);
            using var posted = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }
        var after = await ScrapeAsync();

        const string searches = "search_http_requests_total{route=\"/api/search\",method=\"GET\",status=\"200\"}";
        Assert.Equal(3, after[searches] - before[searches]);
        Assert.Equal(3, after["search_query_duration_seconds_count"] - before["search_query_duration_seconds_count"]);
        Assert.Equal(TestCorpus.Articles.Count, before["search_index_documents"]);
        Assert.Equal(TestCorpus.Articles.Count + 1, after["search_index_documents"]);
        Assert.Equal(1, after["search_writes_total"] - before["search_writes_total"]);
        Assert.Equal(0, after["search_failed_writes_total"]);
        Assert.True(after["search_index_segments"] >= 1);
        Assert.True(after["search_index_size_bytes"] > 0);
        Assert.InRange(after["search_index_last_commit_age_seconds"], 0, 60);
        Assert.True(after["search_hit_cache_lookups{result=\"hit\"}"] > before["search_hit_cache_lookups{result=\"hit\"}"]);
        Assert.InRange(after["search_hit_cache_hit_ratio"], 0.01, 1);
    }

    [Fact]
    public async Task Metrics_OnAnOpenAddressWithoutKey_AreNotServed()
    {
        using var open = new SearchHostFactory(settings: new() { ["Search:Urls"] = "http://0.0.0.0:5000" });

        using var response = await open.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://localhost:5000;http://[::1]:5000", true)]
    [InlineData("http://0.0.0.0:5000", false)]
    [InlineData("http://*:5000", false)]
    [InlineData("http://127.0.0.1:5000;http://192.168.1.2:5000", false)]
    public void LoopbackOnly_TellsLoopbackBindingsApart(string urls, bool expected) =>
        Assert.Equal(expected, Search.Host.Apis.MetricsApi.LoopbackOnly(urls));

    /// <summary>
    /// Reads the exposition as Prometheus's text format 0.0.4 defines it, failing on any line that is not a
    /// comment, a HELP or TYPE line, or a sample; returns each sample's value by its series (name and labels).
    /// </summary>
    private async Task<Dictionary<string, double>> ScrapeAsync()
    {
        using var response = await _client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
                continue;
            if (line.StartsWith('#'))
            {
                var meta = MetaLine().Match(line);
                Assert.True(meta.Success || !line.StartsWith("# HELP", StringComparison.Ordinal) && !line.StartsWith("# TYPE", StringComparison.Ordinal), $"Bad metadata line: {line}");
                if (meta.Success && meta.Groups["kind"].Value == "TYPE")
                {
                    Assert.Matches("^(counter|gauge|histogram|summary|untyped)$", meta.Groups["rest"].Value);
                    Assert.True(types.TryAdd(meta.Groups["name"].Value, meta.Groups["rest"].Value), $"Type given twice: {line}");
                }
                continue;
            }
            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"Bad sample line: {line}");
            var value = sample.Groups["value"].Value;
            var number = value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            var series = sample.Groups["name"].Value + sample.Groups["labels"].Value;
            Assert.True(samples.TryAdd(series, number), $"Series given twice: {series}");
        }
        Assert.Equal("counter", types["search_http_requests_total"]);
        Assert.Equal("histogram", types["search_query_duration_seconds"]);
        return samples;
    }

    [GeneratedRegex(@"^# (?<kind>HELP|TYPE) (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<rest>.*)$")]
    private static partial Regex MetaLine();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\"n])*"(,[a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\"n])*")*,?)?\})? (?<value>[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?|[-+]Inf|NaN)( -?\d+)?$""")]
    private static partial Regex SampleLine();
}
