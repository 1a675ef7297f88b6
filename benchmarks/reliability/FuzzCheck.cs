using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Search.Host;

namespace Search.Reliability;

/// <summary>The outcome of <see cref="FuzzCheck"/>.</summary>
public sealed record FuzzResult(int Requests, int ServerErrors, int NotSentences, IReadOnlyList<string> Failures)
{
    /// <summary>No 5xx other than a deliberate 503, and every rejection a sentence.</summary>
    public bool Passed => ServerErrors == 0 && NotSentences == 0;

    public override string ToString() =>
        $"fuzz: {Requests:N0} fuzzed requests, {ServerErrors} 5xx, {NotSentences} rejections without a sentence — {(Passed ? "PASS" : "FAIL")}";
}

/// <summary>
/// Serves a synthetic index with the real host on a loopback port (in this process, so a failure
/// shows its stack in the log) and sends it fuzzed requests: query syntax soup and malformed
/// parameters. The pathological queries are <see cref="PathologicalCheck"/>'s, against <c>search serve</c>.
/// </summary>
public static class FuzzCheck
{
    /// <summary>Runs the check with <paramref name="requests"/> fuzzed requests at <paramref name="concurrency"/>.</summary>
    public static async Task<FuzzResult> RunAsync(int articles, int requests, int concurrency, int seed, TextWriter log)
    {
        using var index = new SyntheticIndex("fuzz", articles, seed);
        await using var app = SearchHost.Build(new SearchHostOptions { IndexPath = index.Path, Urls = "http://127.0.0.1:0" }, ["--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };

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
                    : status is 400 or 503 && !Sentences.IsSentence(ProblemText.Detail(body)) && Interlocked.Increment(ref notSentences) > 0;
                if (bad)
                {
                    lock (failures)
                        failures.Add($"{status} {paths[i]} detail: {ProblemText.Detail(body)}");
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        foreach (var failure in failures.Take(10))
            log.WriteLine("  " + failure);
        await app.StopAsync();
        return new FuzzResult(requests, serverErrors, notSentences, failures);
    }
}
