using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Search.Benchmarks;
using Search.Benchmarks.Corpora;
using Search.Benchmarks.Peer;
using Search.Core;
using Search.Ingest.Reading;
using Search.Load;

// Usage: dotnet run -c Release --project benchmarks/load -- [all|samples|reuters] [--seconds 60]
//   [--concurrency 1,8,64] [--client auto|wrk|own|both] [--queries 500] [--seed 42] [--env NAME=VALUE]... [--work DIR]
//   [--search BUILD] [--baseline OTHER] [--baseline-env NAME=VALUE]...   (compare two servers, level by level in turn)
// BUILD and OTHER are a search.dll or a native search program (dotnet publish -p:PublishAot=true).
// Builds the Release `search` command, indexes each corpus with `search index`, serves it with
// `search serve` in a process of its own and drives GET /api/search with the query mix at each
// concurrency, with wrk when it is installed and the tool's own client otherwise. Prints one table.
var corpus = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !a.Contains('=', StringComparison.Ordinal)) ?? "all";
var seconds = Option("--seconds", "60");
var levels = Option("--concurrency", "1,8,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
var clientChoice = Option("--client", "auto");
var queryCount = int.Parse(Option("--queries", "500"), CultureInfo.InvariantCulture);
var seed = int.Parse(Option("--seed", "42"), CultureInfo.InvariantCulture);
var environment = Variables("--env");
// A baseline server (another build of search, managed or native, and/or other variables) on the same index, measured
// level by level in turn with the candidate, so a comparison shares the machine's load.
var baselineBuild = Options("--baseline").LastOrDefault() is { } other ? Path.GetFullPath(other) : null;
var baselineEnvironment = Variables("--baseline-env");
var compare = baselineBuild is not null || baselineEnvironment.Count > 0;
var duration = TimeSpan.FromSeconds(int.Parse(seconds, CultureInfo.InvariantCulture));
var repo = FindRepo();
var clients = clientChoice switch
{
    "wrk" => ["wrk"],
    "own" => ["own"],
    "both" => new[] { "wrk", "own" },
    _ => WrkRunner.Installed() ? ["wrk"] : ["own"],
};
if (clients.Contains("wrk") && !WrkRunner.Installed())
{
    Console.Error.WriteLine("wrk is not installed (Debian: apt-get install wrk); use --client own.");
    return 2;
}

// --search serves (and indexes with) a given build, native or managed, instead of building src/Search.Cli.
var searchBuild = Options("--search").LastOrDefault() is { } given ? Path.GetFullPath(given) : await BuildSearchAsync(repo);
// --work keeps the indexes in a folder and reuses them on the next run (for comparing server settings).
var kept = Options("--work").LastOrDefault();
var work = kept ?? Path.Combine(Path.GetTempPath(), $"search-load-{Environment.ProcessId}");
Directory.CreateDirectory(work);
var rows = new List<string>();
Console.WriteLine($"Load average at the start: {RunConditions.LoadAverage()}; clients: {string.Join(", ", clients)}; {duration.TotalSeconds:0} s a level.");
try
{
    if (corpus is "samples" or "all")
        await RunCorpusAsync("samples", Path.Combine(repo, "index", "samples"), ReadSamples(Path.Combine(repo, "index", "samples")));
    if (corpus is "reuters" or "all")
    {
        if (SharedCorpora.Find("reuters21578") is { } reuters)
        {
            var jsonl = Path.Combine(work, "reuters21578.jsonl");
            if (!File.Exists(jsonl))
                WriteJsonLines(ReutersReader.ReadFolder(reuters), jsonl);
            await RunCorpusAsync("reuters", jsonl, ReutersReader.ReadFolder(reuters).ToList());
        }
        else
        {
            Console.WriteLine("Reuters-21578 skipped: no shared/corpora/reuters21578 beside the repository.");
        }
    }
}
finally
{
    if (kept is null)
        Directory.Delete(work, recursive: true);
}
Console.WriteLine();
Console.WriteLine(LoadResult.Header);
foreach (var row in rows)
    Console.WriteLine(row);
Console.WriteLine($"Load average at the end: {RunConditions.LoadAverage()}.");
return 0;

async Task RunCorpusAsync(string name, string source, IReadOnlyList<Article> articles)
{
    var index = Path.Combine(work, name + "-index");
    var built = Stopwatch.StartNew();
    var reused = kept is not null && Directory.Exists(index);
    if (!reused)
        await SearchServer.IndexAsync(searchBuild, source, index);
    built.Stop();
    var paths = QuerySetGenerator.Generate(articles, queryCount, seed)
        .Select(q => "/api/search?q=" + Uri.EscapeDataString(q.Ours))
        .ToArray();
    var pathsFile = Path.Combine(work, name + "-paths.txt");
    File.WriteAllLines(pathsFile, paths);
    Console.WriteLine(reused
        ? $"{name}: {articles.Count:N0} articles, the index in {index} reused; {paths.Length} queries in the mix."
        : $"{name}: {articles.Count:N0} articles indexed by `search index` in {built.Elapsed.TotalSeconds:0.0} s; {paths.Length} queries in the mix.");

    var servers = new List<(string Label, SearchServer Server)>();
    try
    {
        if (compare)
            servers.Add(("before", await SearchServer.StartAsync(baselineBuild ?? searchBuild, index, baselineEnvironment)));
        servers.Add((compare ? "after" : "", await SearchServer.StartAsync(searchBuild, index, environment)));
        foreach (var (label, server) in servers)
        {
            var cold = await ColdPassAsync(server.Address, paths);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}{Suffix(label)}: cold pass, each query once in turn after start: first {cold[0]:0.0} ms, p50 {Rank(cold, 0.5):0.00} ms, p99 {Rank(cold, 0.99):0.00} ms, max {cold.Max():0.0} ms."));
        }
        foreach (var client in clients)
        {
            foreach (var concurrency in levels)
            {
                foreach (var (label, server) in servers)
                {
                    // A short warm-up at the level's concurrency: connections, thread pool, tiered JIT.
                    await Run(server, client, concurrency, TimeSpan.FromSeconds(Math.Min(5, duration.TotalSeconds)));
                    var row = (await Run(server, client, concurrency, duration)).Row(name + Suffix(label));
                    Console.WriteLine(row + $" load {RunConditions.LoadAverage()}");
                    rows.Add(row);
                }
            }
        }
    }
    finally
    {
        foreach (var (_, server) in servers)
            await server.DisposeAsync();
    }

    async Task<LoadResult> Run(SearchServer server, string client, int concurrency, TimeSpan time)
    {
        var figures = await server.RuntimeFiguresAsync();
        var cpu = server.CpuTime;
        var result = await (client == "wrk"
            ? new WrkRunner(server.Address, pathsFile, Path.Combine(AppContext.BaseDirectory, "mix.lua")).RunAsync(concurrency, time)
            : new LoadRunner(server.Address, paths).RunAsync(concurrency, time));
        var spent = (server.CpuTime - cpu).TotalMilliseconds;
        var after = await server.RuntimeFiguresAsync();
        double Delta(string series) => after.TryGetValue(series, out var b) && figures.TryGetValue(series, out var a) ? b - a : double.NaN;
        var requests = Math.Max(1, result.Requests);
        return result with
        {
            ServerCpuMsPerRequest = spent / requests,
            ServerAllocatedKbPerRequest = Delta("search_allocated_bytes_total") / 1024 / requests,
            ServerGcPauseMs = Delta("search_gc_pause_seconds_total") * 1000,
            ServerGen2Collections = Delta("search_gc_collections_total{generation=\"2\"}"),
        };
    }
}

static string Suffix(string label) => label.Length == 0 ? "" : $" ({label})";

// Each query once, one at a time, right after the server starts: what the first users meet.
static async Task<double[]> ColdPassAsync(Uri address, IReadOnlyList<string> paths)
{
    using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    var latencies = new double[paths.Count];
    for (var i = 0; i < paths.Count; i++)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(paths[i]);
        response.EnsureSuccessStatusCode();
        latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
    return latencies;
}

static double Rank(double[] values, double p)
{
    var sorted = values.Order().ToArray();
    return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

// The Reuters stories as one JSON Lines file with their stated facets, the file `search index` reads.
static void WriteJsonLines(IEnumerable<Article> articles, string path)
{
    using var stream = File.Create(path);
    using var json = new Utf8JsonWriter(stream);
    var newline = "\n"u8.ToArray();
    foreach (var article in articles)
    {
        json.Reset();
        json.WriteStartObject();
        json.WriteString("id", article.Id);
        json.WriteString("title", article.Title);
        json.WriteString("body", article.Body);
        if (article.Published is { } published)
            json.WriteString("published", published.ToString("O", CultureInfo.InvariantCulture));
        foreach (var (facet, values) in article.Facets)
        {
            json.WriteStartArray(facet);
            foreach (var value in values)
                json.WriteStringValue(value);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.Flush();
        stream.Write(newline);
    }
}

static IReadOnlyList<Article> ReadSamples(string folder) =>
    new ArticleFileReader().Read(folder).OfType<Search.Ingest.IngestedArticle>().Select(a => a.Article).ToList();

static async Task<string> BuildSearchAsync(string repo)
{
    var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in new[] { "build", "src/Search.Cli", "-c", "Release", "-v", "q", "--nologo" })
        start.ArgumentList.Add(argument);
    using var build = Process.Start(start)!;
    var output = await build.StandardOutput.ReadToEndAsync() + await build.StandardError.ReadToEndAsync();
    await build.WaitForExitAsync();
    if (build.ExitCode != 0)
        throw new InvalidOperationException("Building src/Search.Cli failed: " + output);
    return Path.Combine(repo, "src", "Search.Cli", "bin", "Release", "net10.0", "search.dll");
}

string Option(string name, string fallback) => Options(name).LastOrDefault() ?? fallback;

Dictionary<string, string> Variables(string name) =>
    Options(name).Select(e => e.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");

IEnumerable<string> Options(string name)
{
    for (var i = 0; i + 1 < args.Length; i++)
    {
        if (args[i] == name)
            yield return args[i + 1];
    }
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
