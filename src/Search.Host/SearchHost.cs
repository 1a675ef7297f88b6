using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.FileProviders;
using Search.Core;
using Search.Host.Apis;
using Search.Host.Contracts;
using Search.Host.Infrastructure;

namespace Search.Host;

/// <summary>
/// The entry point for hosting the search API and page, used by <c>Program</c> and by
/// <c>search serve</c>. The host opens one <see cref="SearchIndex"/> for its lifetime and disposes
/// it on shutdown (Ctrl-C or SIGTERM).
/// </summary>
public static class SearchHost
{
    /// <summary>
    /// Builds the web application: services, middleware and endpoints. The index is opened here, so
    /// a missing or unreadable index fails with its <see cref="SearchException"/> before listening.
    /// </summary>
    /// <param name="options">Host settings; unset values come from configuration, then defaults.</param>
    /// <param name="args">Command-line arguments for configuration (for example <c>--Search:IndexPath</c>).</param>
    /// <exception cref="SearchException">The index cannot be opened.</exception>
    public static WebApplication Build(SearchHostOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(args ?? []);
        AddServices(builder, options);
        var app = builder.Build();
        try
        {
            UsePipeline(app);
        }
        catch
        {
            ((IDisposable)app).Dispose();
            throw;
        }
        return app;
    }

    /// <summary>Builds the application and runs it until <paramref name="cancellation"/> fires or the process is stopped.</summary>
    /// <exception cref="SearchException">The index cannot be opened.</exception>
    public static Task RunAsync(SearchHostOptions options, CancellationToken cancellation = default) =>
        Build(options).RunAsync(cancellation);

    private static void AddServices(WebApplicationBuilder builder, SearchHostOptions options)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(sp => options.Resolve(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(sp =>
        {
            var resolved = sp.GetRequiredService<SearchHostOptions>();
            return resolved.WritesEnabled ? SearchIndex.OpenOrCreate(resolved.IndexPath!, resolved.Index) : SearchIndex.Open(resolved.IndexPath!, resolved.Index);
        });
        builder.Services.AddSingleton<ISearchBackend>(sp => sp.GetRequiredService<SearchHostOptions>().Backend ?? sp.GetRequiredService<SearchIndex>());
        builder.Services.AddSingleton<IndexWrites>();
        builder.Services.AddSingleton<ExpensiveQueryGate>();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<SearchHostOptions>((kestrel, resolved) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = resolved.MaxRequestBodyBytes;
        });
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            // Numbers are written as numbers; without this the generated document says they may be strings.
            json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, SearchJsonContext.Default);
        });
        builder.Services.AddOpenApi(openApi => openApi.AddOperationTransformer<FacetParametersTransformer>());
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddHealthChecks().AddCheck<IndexHealthCheck>("index");
        builder.Services.AddCors();
    }

    private static void UsePipeline(WebApplication app)
    {
        var options = app.Services.GetRequiredService<SearchHostOptions>();
        var cluster = options.Backend is not null;
        app.Services.GetRequiredService<ISearchBackend>();
        if (app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>() is { Addresses.IsReadOnly: false } addresses)
        {
            addresses.Addresses.Clear();
            foreach (var url in options.Urls!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                addresses.Addresses.Add(url);
        }

        if (!cluster)
            app.UseMetricsApi(options);
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (options.CorsOrigins.Count > 0)
        {
            app.UseCors(cors => cors
                .WithOrigins([.. options.CorsOrigins])
                .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete)
                .WithHeaders("Content-Type", SearchApi.ApiKeyHeader));
        }
        var page = new EmbeddedFileProvider(typeof(SearchHost).Assembly, "Search.Host.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = page });

        if (cluster)
        {
            app.MapClusterApi();
            app.MapOpenApi("/openapi/{documentName}.json");
            return;
        }
        app.MapSearchApi(options.WritesEnabled);
        app.MapAnalysisApi();
        app.MapSavedSearchApi(options.WritesEnabled);
        app.MapSnapshotApi(options.WritesEnabled);
        app.MapDiscoveryApi();
        app.MapQuoteApi();
        app.MapBatchApi();
        app.MapHealthChecks("/health");
        app.MapOpenApi("/openapi/{documentName}.json");
    }
}
