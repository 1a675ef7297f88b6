using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Search.Elastic.Querying;
using Search.Elastic.Tests.Querying;
using Search.Host;

namespace Search.Elastic.Tests.Host;

/// <summary>
/// The host serving through the cluster backend over real HTTP: a local listener plays the cluster and
/// answers every <c>_search</c> with a documentation-shaped response.
/// </summary>
public sealed class ClusterHostTests : IAsyncLifetime
{
    private readonly HttpListener _cluster = new();
    private readonly List<string> _received = [];
    private readonly HttpClient _client = new();
    private WebApplication? _host;
    private Task? _answering;
    private string _hostAddress = "";

    public async Task InitializeAsync()
    {
        var port = FreePort();
        _cluster.Prefixes.Add($"http://127.0.0.1:{port}/");
        _cluster.Start();
        _answering = Task.Run(AnswerAsync);
        var backend = new ElasticSearchBackend(new ElasticBackendOptions { Url = new Uri($"http://127.0.0.1:{port}/"), Index = "news", ApiKey = "secret" });
        _host = SearchHost.Build(new SearchHostOptions { Backend = backend, Urls = "http://127.0.0.1:0" });
        await _host.StartAsync();
        _hostAddress = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    private async Task AnswerAsync()
    {
        while (_cluster.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _cluster.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var body = await reader.ReadToEndAsync();
                lock (_received)
                    _received.Add($"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath} {context.Request.Headers["Authorization"]}\n{body}");
            }
            var answer = Encoding.UTF8.GetBytes(ElasticResponseMapperTests.Response);
            context.Response.ContentType = "application/json";
            context.Response.StatusCode = 200;
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
    }

    [Fact]
    public async Task Search_IsAnsweredFromTheCluster()
    {
        using var response = await _client.GetAsync($"{_hostAddress}/api/search?q=ban&group=LeT&size=2");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(3, root.GetProperty("total").GetInt32());
        Assert.Equal(["let-ban-2019", "undated-note"], root.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        Assert.Equal("Pakistan <mark>bans</mark> Lashkar-e-Taiba fronts", root.GetProperty("hits")[0].GetProperty("title_html").GetString());
        var sent = Assert.Single(_received);
        Assert.StartsWith("POST /news/_search ApiKey secret\n", sent);
        Assert.Contains("\"post_filter\":{\"term\":{\"group\":{\"case_insensitive\":true,\"value\":\"Lashkar-e-Taiba\"}}}", sent);
    }

    [Fact]
    public async Task Article_IsReadFromTheClusterWithTheQueryMarked()
    {
        using var response = await _client.GetAsync($"{_hostAddress}/api/articles/let-ban-2019?q=bans");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("let-ban-2019", document.RootElement.GetProperty("id").GetString());
        Assert.Equal("Pakistan <mark>bans</mark> Lashkar-e-Taiba fronts", document.RootElement.GetProperty("title_html").GetString());
        var sent = Assert.Single(_received);
        Assert.Contains("\"query\":{\"ids\":{\"values\":[\"let-ban-2019\"]}}", sent);
    }

    [Fact]
    public async Task Page_IsServed()
    {
        using var response = await _client.GetAsync($"{_hostAddress}/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheFacetParametersWithoutALocalIndex()
    {
        using var response = await _client.GetAsync($"{_hostAddress}/openapi/v1.json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var parameters = document.RootElement.GetProperty("paths").GetProperty("/api/search").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToArray();
        Assert.Contains("group", parameters);
        Assert.Contains("speaker", parameters);
        Assert.Empty(_received);
    }

    [Theory]
    [InlineData("/api/quotes?q=ban")]
    [InlineData("/api/articles/let-ban-2019/similar")]
    [InlineData("/api/saved")]
    public async Task LocalOnlyRoute_Answers501WithASentence(string path)
    {
        using var response = await _client.GetAsync(_hostAddress + path);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal(
            $"{path.Split('?')[0]} needs the local index, and this host searches a cluster; serve the index folder (search serve --index DIR) to use it.",
            document.RootElement.GetProperty("detail").GetString());
        Assert.Empty(_received);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }
        _cluster.Stop();
        _cluster.Close();
        if (_answering is not null)
            await _answering;
        _client.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
