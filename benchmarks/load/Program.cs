using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Search.Benchmarks.Corpora;
using Search.Core;
using Search.Host;
using Search.Ingest;
using Search.Ingest.Reading;
using Search.Load;

// Usage: dotnet run -c Release --project benchmarks/load -- [samples|reuters|all] [--requests N] [--seconds S]
// Builds a temporary index per corpus, serves it with SearchHost on a free loopback port (Kestrel),
// and drives /api/search with a fixed query mix at concurrency 1, 8 and 64.
var corpus = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var requests = Option("--requests", 4000);
var seconds = Option("--seconds", 30);
var repo = FindRepo();

if (corpus is "samples" or "all")
    await RunCorpusAsync("samples", () => ReadSamples(Path.Combine(repo, "index", "samples")), SampleQueries());
if (corpus is "reuters" or "all")
{
    if (SharedCorpora.Find("reuters21578") is { } reuters)
        await RunCorpusAsync("reuters21578", () => ReutersReader.ReadFolder(reuters), ReutersQueries());
    else
        Console.WriteLine("Reuters-21578 skipped: no shared/corpora/reuters21578 beside the repository.");
}
return 0;

async Task RunCorpusAsync(string name, Func<IEnumerable<Article>> articles, IReadOnlyList<string> queries)
{
    var indexPath = Path.Combine(Path.GetTempPath(), $"search-load-{name}-{Guid.NewGuid():N}");
    try
    {
        var built = System.Diagnostics.Stopwatch.StartNew();
        var count = 0;
        using (var writer = ArticleWriter.Open(indexPath))
        {
            foreach (var article in articles())
            {
                writer.Upsert(article);
                count++;
            }
            writer.Commit("load benchmark");
        }
        Console.WriteLine($"{name}: {count:N0} articles indexed in {built.Elapsed.TotalSeconds:0.0} s; {queries.Count} queries in the mix.");

        // The per-request log line goes to the console; at Warning it stays out of the measurement.
        await using var app = SearchHost.Build(
            new SearchHostOptions { IndexPath = indexPath, Urls = "http://127.0.0.1:0" },
            ["--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        foreach (var concurrency in new[] { 1, 8, 64 })
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                BaseAddress = new Uri(address),
                Timeout = TimeSpan.FromSeconds(30),
            };
            var runner = new LoadRunner(client, queries);
            await runner.RunAsync(concurrency, Math.Min(requests, 400), TimeSpan.FromSeconds(10)); // warm-up: JIT, caches, connections
            var result = await runner.RunAsync(concurrency, requests, TimeSpan.FromSeconds(seconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {result.Concurrency,2} | {result.Requests,6:N0} | {result.RequestsPerSecond,8:N0} | {result.P50Ms,7:0.00} | {result.P99Ms,7:0.00} | {result.MaxMs,7:0.0} | {result.Errors} |"));
        }
        await ReportBreakdownAsync(name, new Uri(address), queries);
        await app.StopAsync();
    }
    finally
    {
        if (Directory.Exists(indexPath))
            Directory.Delete(indexPath, recursive: true);
    }
}

// One request at a time: how much of each request's latency is time inside the library (took_ms).
static async Task ReportBreakdownAsync(string name, Uri address, IReadOnlyList<string> queries)
{
    using var client = new HttpClient { BaseAddress = address };
    double total = 0, library = 0;
    var count = 0;
    for (var pass = 0; pass < 20; pass++)
    {
        foreach (var query in queries)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var body = await client.GetStringAsync(query);
            total += System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            using var json = System.Text.Json.JsonDocument.Parse(body);
            library += json.RootElement.GetProperty("took_ms").GetDouble();
            count++;
        }
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: sequential mean {total / count:0.00} ms per request, of which {library / count:0.00} ms inside SearchIndex.Search (took_ms); host and HTTP {(total - library) / count:0.00} ms."));
}

static IEnumerable<Article> ReadSamples(string folder) =>
    new ArticleFileReader().Read(folder).OfType<IngestedArticle>().Select(a => a.Article);

static IReadOnlyList<string> SampleQueries() =>
[
    "/api/search?q=Lashkar",
    "/api/search?q=Taliban&sort=newest",
    "/api/search?q=%22foreign%20office%22",
    "/api/search?q=attack%20AND%20Pakistan",
    "/api/search",
    "/api/search?q=ban&group=Lashkar-e-Taiba&group=Jaish-e-Mohammed",
    "/api/search?q=terrorism&from=2015&to=2020",
    "/api/search?q=condemn*&page=2",
    "/api/search?q=Haqqani&fragments=3",
    "/api/search?group=Tehrik-i-Taliban%20Pakistan&sort=oldest",
];

static IReadOnlyList<string> ReutersQueries() =>
[
    "/api/search?q=oil",
    "/api/search?q=bank%20rate&sort=newest",
    "/api/search?q=%22trade%20deficit%22",
    "/api/search?q=crude%20AND%20prices",
    "/api/search",
    "/api/search?q=wheat%20OR%20corn&page=2",
    "/api/search?q=dollar&year=1987",
    "/api/search?q=compan*",
    "/api/search?q=profit%20loss%20quarter&fragments=3",
    "/api/search?q=japan%20tariffs&size=20",
];

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Search.sln")))
            return dir.FullName;
    }
    return Directory.GetCurrentDirectory();
}
