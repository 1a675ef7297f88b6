using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Search.Host.Tests.Infrastructure;

/// <summary>Runs Program over a temporary copy of <see cref="TestCorpus"/>, with writes on when given a key.</summary>
public sealed class SearchHostFactory : WebApplicationFactory<Program>
{
    private readonly string? _apiKey;
    private readonly Dictionary<string, string> _settings;

    public SearchHostFactory(string? apiKey = null, Dictionary<string, string>? settings = null)
    {
        _apiKey = apiKey;
        _settings = settings ?? [];
        IndexPath = TestCorpus.BuildIndex();
    }

    public string IndexPath { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Search:IndexPath", IndexPath);
        if (_apiKey is not null)
            builder.UseSetting("Search:ApiKey", _apiKey);
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(IndexPath))
            Directory.Delete(IndexPath, recursive: true);
    }
}

/// <summary>Shares one read-only host between the tests of a class.</summary>
public sealed class ReadOnlyHostFixture : IDisposable
{
    public SearchHostFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
