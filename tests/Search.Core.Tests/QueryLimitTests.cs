namespace Search.Core.Tests;

/// <summary>
/// Queries that would cost more than a limit are refused with the limit's name before the costly
/// work starts; ordinary patterns still run. No timings are asserted: a refused query returning at
/// all is the proof, since the unbounded ones run for minutes.
/// </summary>
public sealed class QueryLimitTests : IClassFixture<QueryLimitTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public TestIndex Index { get; } = new(Articles.Sample);
        public void Dispose() => Index.Dispose();
    }

    private readonly TestIndex _index;

    public QueryLimitTests(Fixture fixture) => _index = fixture.Index;

    [Theory]
    [InlineData("/[ab]*a[ab]{20}/", nameof(SearchLimits.MaxDeterminizedStates))]
    [InlineData("/[ab]*a[ab]{16}/", nameof(SearchLimits.MaxDeterminizedStates))]
    [InlineData("title:/(.*a){14}.{9}/", nameof(SearchLimits.MaxDeterminizedStates))]
    [InlineData("/(a{1000}){1000}/", nameof(SearchLimits.MaxDeterminizedStates))]
    [InlineData("/a{2147483648}/", nameof(SearchLimits.MaxDeterminizedStates))]
    [InlineData("d*a????????????????????", nameof(SearchLimits.MaxDeterminizedStates))]
    public void Search_WhenPatternDeterminizesPastTheLimit_ThrowsNamingIt(string query, string limit)
    {
        var error = Assert.Throws<QueryLimitException>(() => _index.Search(query));
        Assert.Equal(limit, error.Limit);
        Assert.Equal(nameof(SearchRequest.Query), error.Parameter);
        Assert.Contains("5,000 automaton states", error.Message);
    }

    [Fact]
    public void Search_WhenRegexIsLongerThanTheLimit_ThrowsNamingIt()
    {
        var error = Assert.Throws<QueryLimitException>(() => _index.Search("/" + new string('a', 300) + "/"));
        Assert.Equal(nameof(SearchLimits.MaxRegexLength), error.Limit);
        Assert.Equal("The regular expression is 300 characters long; the limit is 256.", error.Message);
    }

    [Fact]
    public void Search_WhenQueryHas200FuzzyTerms_ThrowsNamingTheLimit()
    {
        var query = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{i}~"));
        var error = Assert.Throws<QueryLimitException>(() => _index.Search(query));
        Assert.Equal(nameof(SearchLimits.MaxFuzzyTerms), error.Limit);
        Assert.Equal("The query has more than 16 fuzzy terms (word~), the limit for one query; remove some of the '~'.", error.Message);
    }

    [Fact]
    public void Search_WhenQueryHasSixteenFuzzyTerms_Runs()
    {
        var query = "hackrs~ " + string.Join(' ', Enumerable.Range(0, 15).Select(i => $"zzqx{i}~"));
        Assert.Equal(["xss-2020"], _index.Search(query).Hits.Select(h => h.Id));
    }

    [Fact]
    public void Search_WhenQueryHasMoreClausesThanTheLimit_ThrowsNamingIt()
    {
        var error = Assert.Throws<QueryLimitException>(() => _index.Search(string.Join(' ', Enumerable.Repeat("b", 700))));
        Assert.Equal(nameof(SearchLimits.MaxQueryClauses), error.Limit);
    }

    [Theory]
    [InlineData("/anniversar[a-z]*/", new[] { "lashkar-2018" })]
    [InlineData("/[ab]*a[ab]{4}/", new string[0])]
    [InlineData("/kab.l/ OR /dae[s]h/", new[] { "daesh-2019", "isis-2021" })]
    [InlineData("/[^x]ackers?/", new[] { "xss-2020" })]
    [InlineData("/(pompeo|miller)&~(miller)/", new[] { "lashkar-2018" })]
    [InlineData("/<2018-2019>/", new string[0])]
    [InlineData("dialog?", new[] { "verb-2016" })]
    [InlineData("anniv*", new[] { "lashkar-2018" })]
    [InlineData("hackrs~", new[] { "xss-2020" })]
    public void Search_WhenPatternIsOrdinary_Answers(string query, string[] expected)
    {
        var response = _index.Search(query, r => r with { Size = 100 });
        Assert.Empty(response.Warnings);
        Assert.Equal(expected, response.Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public void Search_WhenRegexIsMalformed_SearchesItsWordsWithAWarning()
    {
        var response = _index.Search("/kabul[/");
        Assert.Equal(["isis-2021"], response.Hits.Select(h => h.Id));
        Assert.Single(response.Warnings);
    }

    [Fact]
    public void Search_WhenPatternMatchesMoreTermsThanTheLimit_ThrowsNamingIt()
    {
        var words = string.Join(' ', Enumerable.Range(0, SearchLimits.MaxExpandedTerms + 1).Select(i => $"zq{i}"));
        using var index = new TestIndex([Articles.Make("many", "Many words", words)]);
        var error = Assert.Throws<QueryLimitException>(() => index.Search("zq*"));
        Assert.Equal(nameof(SearchLimits.MaxExpandedTerms), error.Limit);
        Assert.Equal(["many"], index.Search("zq1*").Hits.Select(h => h.Id));
    }
}
