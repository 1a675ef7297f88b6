using System.Diagnostics;
using System.Net;
using Search.Benchmarks.Corpora;
using Search.Core;
using Search.Host.Infrastructure;

namespace Search.Reliability;

/// <summary>How the server answered one pathological query, and what it cost it.</summary>
/// <param name="ResidentGrowthMegabytes">The server's peak resident memory while answering, above its resident memory before the corpus.</param>
/// <param name="CpuAfterSeconds">CPU time the server used in the second after the answer: work that was not stopped shows as up to a core-second.</param>
public sealed record PathologicalAnswer(string Name, HttpStatusCode Status, TimeSpan Took, string Detail, double ResidentGrowthMegabytes, double CpuAfterSeconds)
{
    /// <summary>The most the server's memory may grow over its idle size while answering.</summary>
    public const double MaxResidentGrowthMegabytes = 100;

    /// <summary>
    /// The most CPU the server may use in the second after an answer. An idle server uses about 0.01 s;
    /// the bar leaves room for the runtime's own background work (tiered compilation) on a loaded
    /// machine, and is still a quarter of what one search left running would use.
    /// </summary>
    public const double MaxCpuAfterSeconds = 0.25;

    /// <summary>
    /// Answered (hits, a 400 naming a limit or a 503 with a sentence) within the budget plus a second
    /// for HTTP, memory growing less than <see cref="MaxResidentGrowthMegabytes"/>, and no work left running.
    /// </summary>
    public bool Passed(TimeSpan budget) =>
        Took <= budget + TimeSpan.FromSeconds(1)
        && (Status == HttpStatusCode.OK || (Status is HttpStatusCode.BadRequest or HttpStatusCode.ServiceUnavailable && Sentences.IsSentence(Detail)))
        && ResidentGrowthMegabytes < MaxResidentGrowthMegabytes
        && CpuAfterSeconds < MaxCpuAfterSeconds;
}

/// <summary>
/// Cheap searches answered while many expensive ones compete for the host's expensive-query slots.
/// </summary>
/// <param name="Slots">The server's expensive-query slots (from its metrics).</param>
/// <param name="CheapAlone">Cheap searches' median time with the server otherwise idle.</param>
/// <param name="CheapUnderLoad">Cheap searches' median time during the flood.</param>
/// <param name="CheapSlowest">The slowest cheap search during the flood.</param>
/// <param name="MaxInUse">The most slots seen taken at once (sampled from the server's metrics).</param>
/// <param name="BadRefusals">503s without a <c>Retry-After</c> header or without a sentence.</param>
public sealed record GateResult(
    int Slots, int Cheap, int CheapFailures, TimeSpan CheapAlone, TimeSpan CheapUnderLoad, TimeSpan CheapSlowest,
    int Expensive, int ExpensiveAnswered, int ExpensiveRefused, int BadRefusals, int MaxInUse)
{
    /// <summary>Every cheap search answered 200, every refusal a 503 with Retry-After and a sentence, never more slots taken than there are.</summary>
    public bool Passed => Cheap > 0 && CheapFailures == 0 && Expensive > 0 && BadRefusals == 0 && MaxInUse <= Slots;

    public override string ToString() =>
        $"gate: {Expensive:N0} expensive searches from {Slots * 4} clients for {Slots} slots ({ExpensiveAnswered:N0} answered, {ExpensiveRefused:N0} refused with 503 + Retry-After, {BadRefusals} refusals without them; at most {MaxInUse} slots taken); "
        + $"{Cheap:N0} cheap searches meanwhile, {CheapFailures} not 200, median {CheapUnderLoad.TotalMilliseconds:0} ms (alone {CheapAlone.TotalMilliseconds:0} ms, x{CheapUnderLoad / CheapAlone:0.0}), slowest {CheapSlowest.TotalMilliseconds:0} ms — {(Passed ? "PASS" : "FAIL")}";
}

/// <summary>The outcome of <see cref="PathologicalCheck"/>.</summary>
public sealed record PathologicalResult(IReadOnlyList<PathologicalAnswer> Answers, TimeSpan Budget, double IdleCpuSeconds, GateResult Gate)
{
    /// <summary>Every pathological query passed and the gate kept cheap searches answering.</summary>
    public bool Passed => Answers.All(a => a.Passed(Budget)) && Gate.Passed;

    public override string ToString() =>
        $"pathological: {Answers.Count(a => a.Passed(Budget))} of {Answers.Count} queries answered within the {Budget.TotalSeconds:0} s budget (slowest {Answers.Max(a => a.Took.TotalMilliseconds):0} ms), "
        + $"server RSS at most +{Answers.Max(a => a.ResidentGrowthMegabytes):0} MB, CPU in the second after an answer at most {Answers.Max(a => a.CpuAfterSeconds):0.00} s (idle {IdleCpuSeconds:0.00} s) — {(Passed ? "PASS" : "FAIL")}\n{Gate}";
}

/// <summary>
/// Sends each query of <see cref="PathologicalQueries"/> to the real <c>search serve</c>, one at a
/// time, measuring the answer's time, the server's memory while it answers and the server's CPU in
/// the second after; then floods the expensive-query slots and checks that cheap searches still answer.
/// </summary>
public static class PathologicalCheck
{
    /// <summary>Runs the check over <paramref name="articles"/> synthetic articles, flooding the slots for <paramref name="flood"/>.</summary>
    public static async Task<PathologicalResult> RunAsync(SearchBinary search, int articles, TimeSpan flood, TextWriter log)
    {
        using var index = new SyntheticIndex("pathological", articles, seed: 1);
        await using var server = await SearchServer.StartAsync(search, index.Path);
        using var client = server.Client(64);
        var budget = new SearchIndexOptions().TimeBudget;
        var words = SyntheticCorpus.Vocabulary;
        string[] cheap = [.. words.Take(20)];

        // Warm-up: the first searches compile the serving path; CPU after them is the runtime's, not a search's.
        foreach (var query in cheap.Concat(["a*", "warm~", "/w.*/"]))
            await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var idleCpu = await CpuOverASecondAsync(server);
        var before = server.ResidentMegabytes() ?? 0;
        log.WriteLine($"  server idle: RSS {before:0} MB, CPU {idleCpu:0.00} s in 1 s");

        var answers = new List<PathologicalAnswer>();
        foreach (var (name, query) in PathologicalQueries.All)
        {
            var answer = await AnswerAsync(server, client, name, query, before);
            answers.Add(answer);
            log.WriteLine($"  {name,-24} {(int)answer.Status} in {answer.Took.TotalMilliseconds,6:0} ms, RSS +{answer.ResidentGrowthMegabytes,3:0} MB, CPU after {answer.CpuAfterSeconds:0.00} s  {ProblemText.Shorten(answer.Detail, 90)}");
        }

        // The flood uses the expensive queries that do run (a query refused at parse time holds a slot for microseconds).
        var expensive = PathologicalQueries.All
            .Where(q => ExpensiveQueryGate.IsExpensive(q.Query) && answers.Single(a => a.Name == q.Name).Status == HttpStatusCode.OK)
            .Select(q => q.Query)
            .ToArray();
        var gate = await FloodAsync(server, client, cheap, expensive, flood);
        return new PathologicalResult(answers, budget, idleCpu, gate);
    }

    private static async Task<PathologicalAnswer> AnswerAsync(SearchServer server, HttpClient client, string name, string query, double before)
    {
        using var answered = new CancellationTokenSource();
        var peak = before;
        var sampler = Task.Run(async () =>
        {
            while (!answered.IsCancellationRequested)
            {
                peak = Math.Max(peak, server.ResidentMegabytes() ?? 0);
                await Task.Delay(10, CancellationToken.None);
            }
        });
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
        var body = await response.Content.ReadAsStringAsync();
        var took = clock.Elapsed;
        await answered.CancelAsync();
        await sampler;
        peak = Math.Max(peak, server.ResidentMegabytes() ?? 0);
        var cpuAfter = await CpuOverASecondAsync(server);
        return new PathologicalAnswer(name, response.StatusCode, took, ProblemText.Detail(body), peak - before, cpuAfter);
    }

    private static async Task<double> CpuOverASecondAsync(SearchServer server)
    {
        var start = server.CpuTime();
        await Task.Delay(TimeSpan.FromSeconds(1));
        return (server.CpuTime() - start).TotalSeconds;
    }

    private static async Task<GateResult> FloodAsync(SearchServer server, HttpClient client, string[] cheap, string[] expensive, TimeSpan flood)
    {
        using var probe = server.Client(1);
        var slots = (int)(await SearchServer.MetricAsync(probe, "search_expensive_slots") ?? 0);
        var alone = new List<TimeSpan>();
        foreach (var query in cheap)
            alone.Add(await TimeAsync(client, query, _ => { }));

        using var stop = new CancellationTokenSource(flood);
        int sent = 0, answered = 0, refused = 0, badRefusals = 0, maxInUse = 0;
        var flooders = Enumerable.Range(0, slots * 4).Select(w => Task.Run(async () =>
        {
            for (var i = w; !stop.IsCancellationRequested; i++)
            {
                using var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(expensive[i % expensive.Length]));
                var body = await response.Content.ReadAsStringAsync();
                Interlocked.Increment(ref sent);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref refused);
                    if (!response.Headers.Contains("Retry-After") || !Sentences.IsSentence(ProblemText.Detail(body)))
                        Interlocked.Increment(ref badRefusals);
                }
                else if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref answered);
                }
            }
        })).ToArray();
        var watcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                maxInUse = Math.Max(maxInUse, (int)(await SearchServer.MetricAsync(probe, "search_expensive_slots_in_use") ?? 0));
                await Task.Delay(50, CancellationToken.None);
            }
        });
        var underLoad = new List<TimeSpan>();
        var cheapFailures = 0;
        for (var i = 0; !stop.IsCancellationRequested; i++)
            underLoad.Add(await TimeAsync(client, cheap[i % cheap.Length], status => cheapFailures += status == HttpStatusCode.OK ? 0 : 1));
        await Task.WhenAll(flooders);
        await watcher;
        return new GateResult(slots, underLoad.Count, cheapFailures, Median(alone), Median(underLoad), underLoad.Count == 0 ? TimeSpan.Zero : underLoad.Max(),
            sent, answered, refused, badRefusals, maxInUse);
    }

    private static async Task<TimeSpan> TimeAsync(HttpClient client, string query, Action<HttpStatusCode> status)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
        await response.Content.ReadAsByteArrayAsync();
        status(response.StatusCode);
        return clock.Elapsed;
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Count == 0 ? TimeSpan.Zero : times.Order().ElementAt(times.Count / 2);
}
