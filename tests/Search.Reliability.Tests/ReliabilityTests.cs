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
    public async Task Fuzz_PathologicalAndFuzzedRequests_AreAnsweredInTimeWithoutA5xx()
    {
        var result = await FuzzCheck.RunAsync(articles: 1000, requests: 300, concurrency: 4, seed: 9, _log);
        Flush();
        Assert.Equal(0, result.ServerErrors);
        Assert.Equal(0, result.NotSentences);
        Assert.All(result.Pathological, a => Assert.True(a.Passed(result.Budget), $"{a.Name}: {(int)a.Status} in {a.Took.TotalMilliseconds:0} ms"));
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
