namespace Search.Core.Tests;

public sealed class QuerySyntaxTests : IClassFixture<QuerySyntaxTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public TestIndex Index { get; } = new(Articles.Sample);
        public void Dispose() => Index.Dispose();
    }

    private readonly TestIndex _index;

    public QuerySyntaxTests(Fixture fixture) => _index = fixture.Index;

    private string[] Ids(string query) => _index.Search(query, r => r with { Size = 100 }).Hits.Select(h => h.Id).Order().ToArray();

    [Theory]
    [InlineData("pompeo AND justice", new[] { "lashkar-2018" })]
    [InlineData("pompeo OR ministers", new[] { "daesh-2019", "lashkar-2018" })]
    [InlineData("pakistan NOT miller", new[] { "let-2022" })]
    [InlineData("+pakistan -miller", new[] { "let-2022" })]
    [InlineData("\"face justice\"", new[] { "lashkar-2018" })]
    [InlineData("\"justice face\"", new string[0])]
    [InlineData("\"planned attack\"~1", new[] { "lashkar-2018" })]
    [InlineData("anniversar*", new[] { "lashkar-2018" })]
    [InlineData("dialog?", new[] { "verb-2016" })]
    [InlineData("hackrs~", new[] { "xss-2020" })]
    [InlineData("(pompeo OR ministers) AND coalition", new[] { "daesh-2019" })]
    [InlineData("title:kabul", new[] { "isis-2021" })]
    [InlineData("body:kabul", new string[0])]
    [InlineData("speaker:\"matthew miller\"", new[] { "miller-2023" })]
    [InlineData("speaker:MILLER", new[] { "miller-2023" })]
    [InlineData("group:\"Jaish-e-Mohammed\"", new[] { "let-2022", "miller-2023" })]
    [InlineData("group:JeM", new[] { "let-2022", "miller-2023" })]
    [InlineData("group:daesh", new[] { "daesh-2019" })]
    [InlineData("year:2018", new[] { "lashkar-2018" })]
    [InlineData("year:[2019 TO 2021]", new[] { "daesh-2019", "isis-2021", "xss-2020" })]
    [InlineData("year:{2019 TO 2021]", new[] { "isis-2021", "xss-2020" })]
    [InlineData("year:[2022 TO *]", new[] { "let-2022", "miller-2023" })]
    [InlineData("pakistan AND year:[2023 TO 2025]", new[] { "miller-2023" })]
    public void Search_WhenLuceneSyntax_MatchesExpectedArticles(string query, string[] expected)
    {
        Assert.Equal(expected.Order().ToArray(), Ids(query));
    }

    [Fact]
    public void Search_WhenTitleMatches_RanksAboveBodyMatch()
    {
        using var index = new TestIndex([
            Articles.Make("body", "Other news", "A long report that mentions sanctions once among many other words about the economy."),
            Articles.Make("title", "Sanctions announced", "A long report about the economy and many other words that do not repeat the key word."),
        ]);
        Assert.Equal(["title", "body"], index.Search("sanctions").Hits.Select(h => h.Id));
    }

    [Fact]
    public void Search_WhenStemmedOrPossessiveOrAccented_MatchesTheSameWords()
    {
        using var index = new TestIndex([Articles.Make("a", "", "Pakistan's ministers are négociating over designations.")]);
        Assert.Single(index.Search("pakistan").Hits);
        Assert.Single(index.Search("minister").Hits);
        Assert.Single(index.Search("negociate").Hits);
        Assert.Single(index.Search("designated").Hits);
    }

    [Theory]
    [InlineData("\"unclosed phrase", "A quote is not closed; searched the words instead.")]
    [InlineData("pompeo AND", "AND, OR and NOT need words on both sides; searched the words instead.")]
    [InlineData("(justice", "A bracket is not closed; searched the words instead.")]
    [InlineData("justice)", "A closing bracket has no opening one; searched the words instead.")]
    [InlineData("year:[2016 TO pompeo", "A range in square or curly brackets is not closed; searched the words instead.")]
    [InlineData("/kabul pompeo", "A regular expression between slashes is not closed; searched the words instead.")]
    [InlineData("colour:red pompeo", "Unknown field 'colour'. Search fields are title, body, group, speaker, year and month; searched the words instead.")]
    public void Search_WhenQueryDoesNotParse_FallsBackToWordsWithAPlainWarning(string query, string expected)
    {
        var response = _index.Search(query);
        Assert.Equal(expected, Assert.Single(response.Warnings));
    }

    [Theory]
    [InlineData("\"unterminated phrase")]
    [InlineData("pompeo AND")]
    [InlineData("((")]
    [InlineData("a:b:c")]
    [InlineData("title:[a TO")]
    [InlineData("/[z-a]/ pompeo")]
    [InlineData("pompeo^x")]
    public void Search_WhenQueryDoesNotParse_NoLuceneTextReachesTheWarning(string query)
    {
        var warning = Assert.Single(_index.Search(query).Warnings);
        Assert.DoesNotMatch("Cannot parse|Lexical error|Encountered|<EOF>|line 1, column", warning);
    }

    [Fact]
    public void Search_WhenRegexIsInvalid_FallsBackInsteadOfThrowing()
    {
        var response = _index.Search("/[z-a]/ pompeo");
        Assert.Single(response.Warnings);
        Assert.Contains("lashkar-2018", response.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Search_WhenQueryIsOnlyPunctuation_WarnsAndReturnsNothing()
    {
        var response = _index.Search("((");
        Assert.Single(response.Warnings);
        Assert.Equal(0, response.Total);
    }

    [Fact]
    public void Search_WhenQueryIsEmpty_BrowsesEverythingNewestFirstWithUndatedLast()
    {
        var response = _index.Search("   ", r => r with { Size = 100 });
        Assert.Empty(response.Warnings);
        Assert.Equal(Articles.Sample.Count, response.Total);
        Assert.Equal(["miller-2023", "let-2022", "isis-2021", "xss-2020", "daesh-2019", "lashkar-2018", "verb-2016", "undated"], response.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Search_WhenQueryIsTooLong_ThrowsWithTheLimit()
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search(new string('a', SearchLimits.MaxQueryLength + 1)));
        Assert.Equal(nameof(SearchRequest.Query), error.Parameter);
        Assert.Contains("2000", error.Message);
    }
}
