using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Browser;

/// <summary>The real host on Kestrel, on a free loopback port, over a temporary copy of <see cref="TestCorpus"/>.</summary>
public sealed class LiveHost : IAsyncLifetime
{
    private readonly string _indexPath = TestCorpus.BuildIndex();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = SearchHost.Build(new SearchHostOptions { IndexPath = _indexPath, Urls = "http://127.0.0.1:0" });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Directory.Delete(_indexPath, recursive: true);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<LiveHost>
{
    public const string Name = "Browser";
}
