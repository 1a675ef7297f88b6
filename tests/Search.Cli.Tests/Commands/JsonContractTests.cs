using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Search.Host;

namespace Search.Cli.Tests.Commands;

/// <summary><c>search --json</c> and <c>GET /api/search</c> print one contract.</summary>
public sealed class JsonContractTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task SearchJson_AndApiSearch_ReturnTheSameDocument()
    {
        var index = TestArticles.BuildIndex(_folder.Combine("index"));
        var cli = Cli.Run(["LeT", "--json", "--index", index]);

        await using var host = SearchHost.Build(new SearchHostOptions { IndexPath = index, Urls = "http://127.0.0.1:0" });
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var api = await http.GetStringAsync("/api/search?q=LeT");
        await host.StopAsync();

        Assert.Equal(0, cli.ExitCode);
        var fromCli = WithoutTime(cli.Output);
        var fromApi = WithoutTime(api);
        Assert.Equal(["query", "total", "hits", "facets", "warnings", "next_cursor", "total_without_filters", "histogram", "suggestion"], fromCli.Select(p => p.Key));
        Assert.Equal(2, fromCli["hits"]!.AsArray().Count);
        Assert.True(JsonNode.DeepEquals(fromApi, fromCli), $"The CLI printed\n{fromCli}\nand the API returned\n{fromApi}");
    }

    /// <summary>The document without <c>took_ms</c>, the one field that differs from run to run.</summary>
    private static JsonObject WithoutTime(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        Assert.True(document.Remove("took_ms"), "The document has no took_ms.");
        return document;
    }

    public void Dispose() => _folder.Dispose();
}
