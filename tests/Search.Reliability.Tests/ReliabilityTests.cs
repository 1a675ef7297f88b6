using System.Net;
using Xunit.Abstractions;

namespace Search.Reliability.Tests;

/// <summary>
/// Short versions of the reliability checks of benchmarks/reliability (see benchmarks/RELIABILITY.md
/// for the long runs): the same code, smaller sizes. Each writes its run log to the test output.
/// </summary>
public sealed class ReliabilityTests(ITestOutputHelper output)
{
    private readonly StringWriter _log = new();

    [Fact]
    public async Task Crash_ThreeKillsDuringIndexing_LoseNoCommittedArticle()
    {
        var result = await CrashCheck.RunAsync(Binary(), runs: 3, initialArticles: 1200, articlesPerRun: 1200, maxKillDelay: TimeSpan.FromSeconds(20), seed: 5, _log);
        Flush();
        Assert.True(result.Passed, result.ToString());
        Assert.Equal(0, result.Lost);
    }

    [Fact]
    public async Task Concurrency_SearchesDuringCommits_NeverFailAndNeverLoseAnId()
    {
        var result = await ConcurrencyCheck.RunAsync(TimeSpan.FromSeconds(4), threads: 4, _log);
        Flush();
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public async Task Fuzz_FuzzedRequests_GetNo5xxAndEveryRejectionIsASentence()
    {
        var result = await FuzzCheck.RunAsync(articles: 1000, requests: 300, concurrency: 4, seed: 9, _log);
        Flush();
        Assert.Equal(0, result.ServerErrors);
        Assert.Equal(0, result.NotSentences);
    }

    [Fact]
    public async Task Pathological_EachQuery_IsAnsweredOrRefusedWithASentenceWithoutGrowingTheServer()
    {
        var result = await PathologicalCheck.RunAsync(Binary(), articles: 1000, flood: TimeSpan.FromSeconds(3), _log);
        Flush();
        // Time and CPU after the answer are the long run's figures (benchmarks/RELIABILITY.md): on a loaded
        // machine they measure the load. Here a generous bound only tells an answer from a hang (the
        // unbounded engine took minutes for the first query).
        Assert.All(result.Answers, a =>
        {
            Assert.True(a.Status == HttpStatusCode.OK || Sentences.IsSentence(a.Detail), $"{a.Name}: {(int)a.Status} '{a.Detail}'");
            Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.ServiceUnavailable, $"{a.Name}: {(int)a.Status}");
            Assert.True(a.Took < TimeSpan.FromSeconds(30), $"{a.Name}: {a.Took.TotalSeconds:0.0} s");
            Assert.True(a.ResidentGrowthMegabytes < PathologicalAnswer.MaxResidentGrowthMegabytes, $"{a.Name}: RSS +{a.ResidentGrowthMegabytes:0} MB");
        });
        Assert.Equal(0, result.Gate.CheapFailures);
        Assert.Equal(0, result.Gate.BadRefusals);
        Assert.True(result.Gate.Cheap > 0 && result.Gate.Expensive > 0, result.Gate.ToString());
        Assert.InRange(result.Gate.MaxInUse, 0, result.Gate.Slots);
    }

    [Fact]
    public async Task Soak_FifteenSecondsAtConcurrency64_HasNoErrors()
    {
        var result = await SoakCheck.RunAsync(Binary(), TimeSpan.FromSeconds(15), concurrency: 64, articles: 1000, _log);
        Flush();
        // Fifteen seconds is too short for a memory trend to mean anything; the long run reports it.
        Assert.True(result.Requests > 0);
        Assert.Equal(0, result.Errors);
    }

    [Fact]
    public async Task DiskFault_FullDiskAndReadOnlyFolder_FailWithASentenceAndKeepTheLastCommit()
    {
        var results = await DiskFaultCheck.RunAsync(Binary(), _log);
        Flush();
        if (results is null)
            return; // The log says why (no root for mount); the output shows it.
        Assert.All(results, r => Assert.True(r.Passed, r.ToString()));
    }

    private static SearchBinary Binary() =>
        SearchBinary.Find() ?? throw new InvalidOperationException("No search.dll under src/Search.Cli/bin; build src/Search.Cli first.");

    private void Flush() => output.WriteLine(_log.ToString());
}
