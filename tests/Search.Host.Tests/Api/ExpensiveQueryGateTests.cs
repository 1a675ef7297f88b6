using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Search.Host.Infrastructure;
using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Api;

/// <summary>
/// The expensive-query gate: patterns and fuzzy terms share a few slots, a search that finds none
/// free in time is refused with a 503, Retry-After and a sentence, and plain searches never wait.
/// The tests hold the host's slots themselves, so what is full is decided, not raced.
/// </summary>
public sealed class ExpensiveQueryGateTests : IDisposable
{
    private readonly SearchHostFactory _factory = new();

    [Theory]
    [InlineData("hackers", false)]
    [InlineData("\"lashkar taiba\"", false)]
    [InlineData("title:hackers AND year:2016", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("/[ab]*a/", true)]
    [InlineData("lashk*", true)]
    [InlineData("h?ckers", true)]
    [InlineData("lashkar~", true)]
    [InlineData("\"lashkar taiba\"~3", true)]
    public void IsExpensive_ByQuerySyntax(string? query, bool expected) =>
        Assert.Equal(expected, ExpensiveQueryGate.IsExpensive(query));

    [Fact]
    public async Task EnterAsync_WhenEverySlotIsTaken_RefusesAfterTheQueueTimeoutAndCountsIt()
    {
        using var gate = new ExpensiveQueryGate(2, TimeSpan.Zero);
        Assert.True(await gate.EnterAsync(CancellationToken.None));
        Assert.True(await gate.EnterAsync(CancellationToken.None));

        Assert.False(await gate.EnterAsync(CancellationToken.None));
        Assert.Equal(2, gate.InUse);
        Assert.Equal(1, gate.Refused);
    }

    [Fact]
    public async Task EnterAsync_WhenASlotIsGivenBackWhileWaiting_Enters()
    {
        // A queue timeout no test run reaches: the wait ends only by the slot coming free.
        using var gate = new ExpensiveQueryGate(1, TimeSpan.FromMinutes(5));
        Assert.True(await gate.EnterAsync(CancellationToken.None));

        var waiting = gate.EnterAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        gate.Exit();

        Assert.True(await waiting);
        Assert.Equal(1, gate.InUse);
        Assert.Equal(0, gate.Refused);
    }

    [Fact]
    public async Task EnterAsync_WhenTheCallerCancelsWhileWaiting_ThrowsAndTakesNoSlot()
    {
        using var gate = new ExpensiveQueryGate(1, TimeSpan.FromMinutes(5));
        Assert.True(await gate.EnterAsync(CancellationToken.None));
        using var cancellation = new CancellationTokenSource();

        var waiting = gate.EnterAsync(cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, gate.InUse);
        Assert.Equal(0, gate.Refused);
    }

    [Theory]
    [InlineData("/api/search?q=lashk*")]
    [InlineData("/api/search?q=/[ab]*a[ab]{20}/")]
    [InlineData("/api/facets/group?q=lashkar~")]
    public async Task Search_WhenEverySlotIsHeld_RefusesAnExpensiveQueryWith503RetryAfterAndASentence(string path)
    {
        var gate = await HoldEverySlotAsync();
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("Retry-After")));
        var problem = await response.ReadJsonAsync();
        Assert.Equal("Too many expensive searches", problem.GetProperty("title").GetString());
        Assert.Equal(
            $"{gate.Slots} searches with patterns or fuzzy terms are already running; try again in a moment, or search without '/', '*', '?' or '~'.",
            problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/search?q=hackers")]
    [InlineData("/api/search?q=%22lashkar+taiba%22")]
    [InlineData("/api/facets/group?q=hackers")]
    public async Task Search_WhenEverySlotIsHeld_StillAnswersAPlainQuery(string path)
    {
        await HoldEverySlotAsync();
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Search_WhenASlotIsGivenBack_AnswersTheExpensiveQueryAndGivesTheSlotBackAfter()
    {
        var gate = await HoldEverySlotAsync();
        gate.Exit();
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/api/search?q=lashk*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(gate.Slots - 1, gate.InUse);
    }

    [Fact]
    public async Task Metrics_ReportTheSlotsTakenAndTheRefusals()
    {
        var gate = await HoldEverySlotAsync();
        using var client = _factory.CreateClient();
        using (await client.GetAsync("/api/search?q=lashk*"))
        {
        }

        var metrics = await client.GetStringAsync("/metrics");

        Assert.Contains($"search_expensive_slots {gate.Slots}\n", metrics, StringComparison.Ordinal);
        Assert.Contains($"search_expensive_slots_in_use {gate.Slots}\n", metrics, StringComparison.Ordinal);
        Assert.Contains("search_expensive_refused_total 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("search_gc_heap_bytes ", metrics, StringComparison.Ordinal);
    }

    /// <summary>Takes every slot of the host's gate, as that many long expensive searches would.</summary>
    private async Task<ExpensiveQueryGate> HoldEverySlotAsync()
    {
        var gate = _factory.Services.GetRequiredService<ExpensiveQueryGate>();
        for (var i = 0; i < gate.Slots; i++)
            Assert.True(await gate.EnterAsync(CancellationToken.None));
        return gate;
    }

    public void Dispose() => _factory.Dispose();
}
