using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Search.Benchmarks.Corpora;
using Search.Core;
using Search.Host;

namespace Search.Reliability;

/// <summary>How one pathological query was answered.</summary>
public sealed record PathologicalAnswer(string Name, HttpStatusCode Status, TimeSpan Took, string Detail)
{
    /// <summary>Answered (hits, a 400 or a 503 with a sentence) within the budget plus a second for HTTP.</summary>
    public bool Passed(TimeSpan budget) =>
        Took <= budget + TimeSpan.FromSeconds(1)
        && (Status == HttpStatusCode.OK || (Status is HttpStatusCode.BadRequest or HttpStatusCode.ServiceUnavailable && Sentences.IsSentence(Detail)));
}

/// <summary>The outcome of <see cref="FuzzCheck"/>.</summary>
public sealed record FuzzResult(
    IReadOnlyList<PathologicalAnswer> Pathological, TimeSpan Budget, double RssGrowthMegabytes, double CpuAfterSeconds,
    int Requests, int ServerErrors, int NotSentences, IReadOnlyList<string> Failures)
{
    /// <summary>Every pathological query answered in time, memory grew less than 100 MB, no CPU after, no 5xx, every rejection a sentence.</summary>
    public bool Passed =>
        Pathological.All(a => a.Passed(Budget)) && RssGrowthMegabytes < 100 && CpuAfterSeconds < 0.2 && ServerErrors == 0 && NotSentences == 0;

    public override string ToString() =>
        $"fuzz: {Pathological.Count(a => a.Passed(Budget))} of {Pathological.Count} pathological queries answered within the {Budget.TotalSeconds:0} s budget (slowest {Pathological.Max(a => a.Took.TotalMilliseconds):0} ms), RSS +{RssGrowthMegabytes:0} MB, CPU in the 2 s after above idle: {CpuAfterSeconds:0.00} s; "
        + $"{Requests:N0} fuzzed requests, {ServerErrors} 5xx, {NotSentences} rejections without a sentence — {(Passed ? "PASS" : "FAIL")}";
}

/// <summary>
/// Serves a synthetic index with the real host on a loopback port, sends it the pathological
/// queries one by one (timing each, watching memory and CPU), then fuzzed requests.
/// </summary>
public static class FuzzCheck
{
    /// <summary>Runs the check with <paramref name="requests"/> fuzzed requests at <paramref name="concurrency"/>.</summary>
    public static async Task<FuzzResult> RunAsync(int articles, int requests, int concurrency, int seed, TextWriter log)
    {
        var path = Path.Combine(Path.GetTempPath(), "search-fuzz-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using (var writer = ArticleWriter.Open(path))
            {
                foreach (var article in SyntheticCorpus.Generate(articles, seed, bodyWords: 80))
                    writer.Upsert(article);
                writer.Commit("fuzz check");
            }
            await using var app = SearchHost.Build(new SearchHostOptions { IndexPath = path, Urls = "http://127.0.0.1:0" }, ["--Logging:LogLevel:Default=Warning"]);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            var budget = app.Services.GetRequiredService<SearchHostOptions>().Index.TimeBudget;
            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };

            await client.GetAsync("/api/search?q=warm");
            GC.Collect();
            var idle = await CpuOverAsync(TimeSpan.FromSeconds(2));
            var before = MemoryTrend.ResidentMegabytes(Environment.ProcessId) ?? 0;
            var answers = new List<PathologicalAnswer>();
            foreach (var (name, query) in PathologicalQueries.All)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
                var body = await response.Content.ReadAsStringAsync();
                var answer = new PathologicalAnswer(name, response.StatusCode, clock.Elapsed, Detail(body));
                answers.Add(answer);
                log.WriteLine($"  {name,-24} {(int)answer.Status} in {answer.Took.TotalMilliseconds,6:0} ms  {Shorten(answer.Detail)}");
            }
            var peak = MemoryTrend.ResidentMegabytes(Environment.ProcessId) ?? 0;
            // A second for the runtime's own after-work (tiered compilation) before CPU is measured.
            await Task.Delay(TimeSpan.FromSeconds(1));
            var cpuAfter = await CpuOverAsync(TimeSpan.FromSeconds(2));
            log.WriteLine($"  CPU used by this process in 2 s: {idle:0.00} s idle before the corpus, {cpuAfter:0.00} s after it");

            var random = new Random(seed);
            var paths = Enumerable.Range(0, requests).Select(_ => HttpFuzz.Path(random)).ToArray();
            int serverErrors = 0, notSentences = 0, next = -1;
            var failures = new List<string>();
            var workers = Enumerable.Range(0, concurrency).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < paths.Length)
                {
                    using var response = await client.GetAsync(paths[i]);
                    var body = await response.Content.ReadAsStringAsync();
                    var status = (int)response.StatusCode;
                    // A 503 (time budget, busy expensive-query slots) is a deliberate answer, checked for its sentence like a 400;
                    // a 404 is a path outside the API, answered by routing.
                    var bad = status >= 500 && response.StatusCode != HttpStatusCode.ServiceUnavailable
                        ? Interlocked.Increment(ref serverErrors) > 0
                        : status is 400 or 503 && !Sentences.IsSentence(Detail(body)) && Interlocked.Increment(ref notSentences) > 0;
                    if (bad)
                    {
                        lock (failures)
                            failures.Add($"{status} {paths[i]} detail: {Detail(body)}");
                    }
                }
            }).ToArray();
            await Task.WhenAll(workers);
            foreach (var failure in failures.Take(10))
                log.WriteLine("  " + failure);
            await app.StopAsync();
            return new FuzzResult(answers, budget, peak - before, Math.Max(0, cpuAfter - idle), requests, serverErrors, notSentences, failures);
        }
        finally
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
    }

    private static async Task<double> CpuOverAsync(TimeSpan span)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        await Task.Delay(span);
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalSeconds;
    }

    private static string Detail(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static string Shorten(string text) => text.Length <= 110 ? text : text[..110] + "…";
}
