using System.Net;
using System.Text.Json;
using Search.Core;
using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Api;

public sealed class QuoteApiTests : IDisposable
{
    private readonly SearchHostFactory _factory = new();
    private readonly HttpClient _client;

    public QuoteApiTests()
    {
        // Written before the host starts, beside the shared test corpus.
        using (var writer = ArticleWriter.Open(_factory.IndexPath))
        {
            writer.Upsert(new Article
            {
                Id = "price-2022",
                Title = "Price on the TTP",
                Body = "Price said the TTP must stop its attacks. Kirby said LeT stays listed.",
                Url = "https://example.org/price-2022",
                Facets = new Dictionary<string, IReadOnlyList<string>> { ["speaker"] = ["Ned Price", "John Kirby"], ["year"] = ["2022"] },
                Statements =
                [
                    new Statement("Ned Price", "the TTP must stop its attacks", "Price said the TTP must stop its attacks.", 0),
                    new Statement("John Kirby", "LeT stays listed", "Kirby said LeT stays listed.", 1),
                ],
            });
            writer.Commit("tests");
        }
        _client = _factory.CreateClient();
    }

    [Fact]
    public async Task Quotes_WithQueryAndSpeaker_ReturnsTheDocumentedShape()
    {
        var result = await _client.GetJsonAsync("/api/quotes?q=Tehrik-i-Taliban+Pakistan&speaker=Ned+Price");

        Assert.Equal(1, result.GetProperty("total").GetInt32());
        var quote = result.GetProperty("quotes").EnumerateArray().Single();
        Assert.Equal("Ned Price", quote.GetProperty("speaker").GetString());
        Assert.Equal("the <mark>TTP</mark> must stop its attacks", quote.GetProperty("text_html").GetString());
        Assert.Equal("Price said the <mark>TTP</mark> must stop its attacks.", quote.GetProperty("context_html").GetString());
        Assert.Equal("price-2022", quote.GetProperty("article_id").GetString());
        Assert.Equal("Price on the TTP", quote.GetProperty("title").GetString());
        Assert.Equal(2022, quote.GetProperty("year").GetInt32());
        Assert.Equal("https://example.org/price-2022", quote.GetProperty("url").GetString());
        Assert.Equal(["speaker", "group", "year"], result.GetProperty("facets").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Quotes_WithAGroup_CountsSpeakersOfWordsNamingIt()
    {
        var result = await _client.GetJsonAsync("/api/quotes?group=Lashkar-e-Taiba");

        Assert.Equal(["LeT stays listed"], result.GetProperty("quotes").EnumerateArray().Select(q => q.GetProperty("text").GetString()));
        var speakers = result.GetProperty("facets")[0].GetProperty("values").EnumerateArray().Select(v => (v.GetProperty("value").GetString(), v.GetProperty("count").GetInt32()));
        Assert.Equal([("John Kirby", 1)], speakers);
    }

    [Fact]
    public async Task Quotes_WithAMalformedYear_IsABadRequest()
    {
        var response = await _client.GetAsync("/api/quotes?year=soon");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("'soon' is not a whole number (parameter 'year'); use a year of four digits.", problem.RootElement.GetProperty("detail").GetString());
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }
}
