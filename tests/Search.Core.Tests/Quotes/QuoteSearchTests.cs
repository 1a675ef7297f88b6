namespace Search.Core.Tests.Quotes;

public sealed class QuoteSearchTests
{
    private static Article Briefing(string id, int year, params Statement[] statements) =>
        Articles.Make(id, "Briefing " + id, string.Join(" ", statements.Select(s => s.Sentence)), year, speakers: statements.Select(s => s.Speaker).Distinct().ToArray()) with { Statements = statements };

    private static readonly Article Price = Briefing("price", 2022,
        new Statement("Ned Price", "the TTP must stop its attacks", "Price said the TTP must stop its attacks.", 0),
        new Statement("Ned Price", "the Taliban had to keep their word", "Price said the Taliban had to keep their word.", 1));

    private static readonly Article Kirby = Briefing("kirby", 2015,
        new Statement("John Kirby", "Tehrik-i-Taliban Pakistan is a threat to the region", "Kirby said Tehrik-i-Taliban Pakistan is a threat to the region.", 0),
        new Statement("Ned Price", "LeT remains on the list", "Price, then a spokesman, said LeT remains on the list.", 1));

    [Fact]
    public void SearchQuotes_WithASpeaker_FindsOnlyThatSpeakersWordsAboutTheGroupByAnyAlias()
    {
        using var test = new TestIndex([Price, Kirby]);

        var response = test.Index.SearchQuotes(new QuoteRequest { Query = "Tehrik-i-Taliban Pakistan", Speakers = ["Ned Price"] });

        Assert.Equal(1, response.Total);
        var quote = Assert.Single(response.Quotes);
        Assert.Equal(("Ned Price", "the TTP must stop its attacks", "price", 2022), (quote.Speaker, quote.Text.Text, quote.ArticleId, quote.Year));
        Assert.Equal("the <mark>TTP</mark> must stop its attacks", quote.Text.Html);
        Assert.Equal("Price said the <mark>TTP</mark> must stop its attacks.", quote.Context.Html);
        Assert.Equal(["Tehrik-i-Taliban Pakistan"], quote.Groups);
    }

    [Fact]
    public void SearchQuotes_CountsSpeakersDrillSideways_AndGroupsOfTheWordsOnly()
    {
        using var test = new TestIndex([Price, Kirby]);

        var response = test.Index.SearchQuotes(new QuoteRequest { Speakers = ["Ned Price"] });

        Assert.Equal(3, response.Total);
        Assert.Equal([("Ned Price", 3, true), ("John Kirby", 1, false)], Facet(response, FacetNames.Speaker));
        Assert.Equal([("Lashkar-e-Taiba", 1, false), ("Taliban", 1, false), ("Tehrik-i-Taliban Pakistan", 1, false)], Facet(response, FacetNames.Group));
        Assert.Equal([("2022", 2, false), ("2015", 1, false)], Facet(response, FacetNames.Year));
    }

    [Fact]
    public void SearchQuotes_WithAGroupAndYears_KeepsStatementsWhoseWordsNameTheGroupInThoseYears()
    {
        using var test = new TestIndex([Price, Kirby]);

        var response = test.Index.SearchQuotes(new QuoteRequest { Groups = ["TTP"], FromYear = 2020 });

        Assert.Equal(["the TTP must stop its attacks"], response.Quotes.Select(q => q.Text.Text));
    }

    [Fact]
    public void ArticleSearch_NeverSeesStatements_AndCountsOnlyArticles()
    {
        using var test = new TestIndex([Price, Kirby]);

        var all = test.Search("");

        Assert.Equal(2, all.Total);
        Assert.Equal(["kirby", "price"], all.Hits.Select(h => h.Id).Order());
        Assert.Equal([("Ned Price", 2, false), ("John Kirby", 1, false)], Facet(all, FacetNames.Speaker));
        Assert.Equal(2, test.Index.GetStats().Documents);
    }

    [Fact]
    public void Upsert_ReplacesTheArticlesStatements_AndDeleteRemovesThem()
    {
        using var test = new TestIndex([Price, Kirby]);
        using (var writer = test.Index.OpenWriter())
        {
            writer.Upsert(Briefing("price", 2023, new Statement("Ned Price", "the TTP threat is growing", "Price said the TTP threat is growing.", 0)));
            writer.Commit();
        }

        Assert.Equal(["the TTP threat is growing"], test.Index.SearchQuotes(new QuoteRequest { Speakers = ["Ned Price"], Query = "TTP" }).Quotes.Select(q => q.Text.Text));
        Assert.Equal(2, test.Index.SearchQuotes(new QuoteRequest { Speakers = ["Ned Price"] }).Total);

        using (var writer = test.Index.OpenWriter())
        {
            writer.Delete("price");
            writer.Delete("kirby");
            writer.Commit();
        }

        Assert.Equal(0, test.Index.SearchQuotes(new QuoteRequest()).Total);
        Assert.Equal(0, test.Search("").Total);
    }

    [Fact]
    public void ArticleSearch_OnASpeaker_ShowsThatSpeakersStatementsAsPassages()
    {
        var article = Articles.Make("mixed", "Briefing", "Kirby said the TTP is a threat. Price said the Taliban had to keep their word. Officials said the TTP was weakened.", 2022, speakers: ["John Kirby", "Ned Price"]) with
        {
            Statements =
            [
                new Statement("John Kirby", "the TTP is a threat", "Kirby said the TTP is a threat.", 0),
                new Statement("Ned Price", "the Taliban had to keep their word", "Price said the Taliban had to keep their word.", 1),
            ],
        };
        using var test = new TestIndex([article]);

        var byQuery = test.Search("speaker:\"Ned Price\" Taliban");
        var byFilter = test.Search("Taliban", r => r with { Filters = Facets.Filter(FacetNames.Speaker, "Ned Price") });

        Assert.Equal(["Ned Price: Price said the <mark>Taliban</mark> had to keep their word."], byQuery.Hits.Single().Passages.Select(p => p.Html));
        Assert.Equal(["Ned Price: Price said the <mark>Taliban</mark> had to keep their word."], byFilter.Hits.Single().Passages.Select(p => p.Html));
    }

    [Fact]
    public void SearchQuotes_WithAYearRangeBackwards_IsRejected()
    {
        using var test = new TestIndex([Price]);

        var error = Assert.Throws<InvalidSearchRequestException>(() => test.Index.SearchQuotes(new QuoteRequest { FromYear = 2022, ToYear = 2020 }));

        Assert.Equal("The year range starts after it ends (2022 to 2020).", error.Message);
    }

    private static (string, int, bool)[] Facet(QuoteResponse response, string name) =>
        response.Facets.Single(f => f.Name == name).Values.Select(v => (v.Value, v.Count, v.Selected)).ToArray();

    private static (string, int, bool)[] Facet(SearchResponse response, string name) =>
        response.Facets.Single(f => f.Name == name).Values.Select(v => (v.Value, v.Count, v.Selected)).ToArray();
}
