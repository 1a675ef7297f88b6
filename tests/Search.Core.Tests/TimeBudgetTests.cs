namespace Search.Core.Tests;

/// <summary>
/// Every search runs under a time budget that stops the work where it is: in collection, in
/// rewriting patterns and in highlighting. A budget of one tick is spent before the first check, so
/// these tests do not depend on how fast the machine is.
/// </summary>
public sealed class TimeBudgetTests : IClassFixture<TimeBudgetTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        // Enough articles that collection passes its every-1024-documents check more than once.
        public TestIndex Index { get; } = new(Enumerable.Range(0, 3000).Select(i => Articles.Make($"a{i}", $"Report {i}", $"Hackers attacked server {i} on day {i % 30}.")));
        public void Dispose() => Index.Dispose();
    }

    private static readonly TimeSpan OneTick = TimeSpan.FromTicks(1);
    private readonly TestIndex _index;

    public TimeBudgetTests(Fixture fixture) => _index = fixture.Index;

    [Fact]
    public void Search_WhenBudgetRunsOutDuringCollection_ThrowsTimeoutWithASentence()
    {
        var error = Assert.Throws<SearchTimeoutException>(() => _index.Search("", r => r with { Size = 0, TimeBudget = OneTick }));
        Assert.Equal(OneTick, error.Budget);
        Assert.Equal("The search was stopped after its time budget of 0 ms; make the query more specific (fewer patterns or fuzzy terms, a filter) and try again.", error.Message);
    }

    [Theory]
    [InlineData("hack*")]
    [InlineData("/serv.r/")]
    [InlineData("hackrs~")]
    [InlineData("hackers")]
    public void Search_WhenBudgetRunsOutWithAQuery_ThrowsTimeout(string query)
    {
        Assert.Throws<SearchTimeoutException>(() => _index.Search(query, r => r with { TimeBudget = OneTick }));
    }

    [Fact]
    public void GetFacetValues_WhenBudgetRunsOut_ThrowsTimeout()
    {
        var request = new FacetValuesRequest { Facet = "year", Search = new SearchRequest { Query = "hack*", TimeBudget = OneTick } };
        Assert.Throws<SearchTimeoutException>(() => _index.Index.GetFacetValues(request));
    }

    [Fact]
    public void Search_WhenCallerCancels_ThrowsCancellationNotTimeout()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var error = Record.Exception(() => _index.Index.Search(new SearchRequest { Query = "hackers" }, cancelled.Token));
        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    [Fact]
    public void Search_WhenTheIndexHasNoBudget_AnswersInFull()
    {
        using var unbounded = SearchIndex.Open(_index.Index.Path, new SearchIndexOptions { TimeBudget = Timeout.InfiniteTimeSpan });
        Assert.Equal(3000, unbounded.Search(new SearchRequest { Query = "hackers", Size = 0 }).Total);
    }

    [Fact]
    public void Search_WithinTheDefaultBudget_AnswersInFull()
    {
        var response = _index.Search("hackers", r => r with { Size = 0 });
        Assert.Equal(3000, response.Total);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30_001)]
    public void Search_WhenBudgetIsOutOfBounds_ThrowsNamingIt(int milliseconds)
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search("hackers", r => r with { TimeBudget = TimeSpan.FromMilliseconds(milliseconds) }));
        Assert.Equal(nameof(SearchRequest.TimeBudget), error.Parameter);
        Assert.Equal($"The time budget must be above 0 and at most 30000 ms; it was {milliseconds} ms.", error.Message);
    }

    [Fact]
    public void Open_WithAnIndexBudget_UsesItForEverySearch()
    {
        using var index = SearchIndex.Open(_index.Path, new SearchIndexOptions { TimeBudget = OneTick });
        Assert.Throws<SearchTimeoutException>(() => index.Search(new SearchRequest { Query = "", Size = 0 }));
    }
}
