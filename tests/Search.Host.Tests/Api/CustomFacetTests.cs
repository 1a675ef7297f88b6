using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Search.Core;
using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Api;

/// <summary>
/// A facet added as data, with no code that names it: a test schema with a <c>country</c> facet is
/// indexed through the API, then filtered, counted, queried and serialised.
/// </summary>
public sealed class CustomFacetTests : IAsyncLifetime
{
    private const string Key = "test-key-0123456789";

    private static readonly FacetSchema Schema = new([.. FacetSchema.Default.Definitions, new FacetDefinition { Name = "country", Label = "Countries" }]);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "search-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _host;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = SearchHost.Build(new SearchHostOptions
        {
            IndexPath = _folder,
            Urls = "http://127.0.0.1:0",
            ApiKey = Key,
            Index = new SearchIndexOptions { Facets = Schema },
        });
        await _host.StartAsync();
        var address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
        _client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var articles = new object[]
        {
            new { id = "kabul", title = "Kabul talks", body = "Officials met in Kabul to discuss the border.", country = new[] { "Afghanistan", "Pakistan" }, year = 2021 },
            new { id = "lahore", title = "Lahore court", body = "A court in Lahore heard the case.", country = new[] { "Pakistan" }, year = 2020 },
            new { id = "delhi", title = "Delhi statement", body = "A statement was issued in New Delhi.", country = new[] { "India" }, year = 2020 },
        };
        using var posted = await _client.PostAsJsonAsync("/api/articles", articles);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    [Fact]
    public async Task CustomFacet_IsStoredFilteredAndCounted()
    {
        var result = await _client.GetJsonAsync("/api/search?country=pakistan&sort=oldest");

        Assert.Equal(["lahore", "kabul"], result.Ids());
        var country = result.Facet("country");
        Assert.Equal("Countries", country.GetProperty("label").GetString());
        Assert.Equal("keyword", country.GetProperty("kind").GetString());
        Assert.Equal(
            [("Pakistan", 2, true), ("Afghanistan", 1, false), ("India", 1, false)],
            country.GetProperty("values").EnumerateArray().Select(v => (v.GetProperty("value").GetString(), v.GetProperty("count").GetInt32(), v.GetProperty("selected").GetBoolean())));
        var kabul = result.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("id").GetString() == "kabul");
        Assert.Equal(["Afghanistan", "Pakistan"], kabul.GetProperty("facets").GetProperty("country").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task CustomFacet_IsAQueryFieldAndHasValues()
    {
        var byField = await _client.GetJsonAsync("/api/search?q=country:india");
        var values = await _client.GetJsonAsync("/api/facets/country?prefix=af");
        var article = await _client.GetJsonAsync("/api/articles/delhi");

        Assert.Equal(["delhi"], byField.Ids());
        Assert.Equal(["Afghanistan"], values.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("value").GetString()));
        Assert.Equal(["India"], article.GetProperty("facets").GetProperty("country").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task CustomFacet_IsDocumentedAsASearchParameter()
    {
        var document = await _client.GetJsonAsync("/openapi/v1.json");

        var parameters = document.GetProperty("paths").GetProperty("/api/search").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Contains("country", parameters);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }
}
