namespace Search.Core.Tests;

public sealed class FacetTests : IClassFixture<FacetTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public TestIndex Index { get; } = new(Articles.Sample);
        public void Dispose() => Index.Dispose();
    }

    private readonly TestIndex _index;

    public FacetTests(Fixture fixture) => _index = fixture.Index;

    private static FacetResult Facet(SearchResponse response, string name) => response.Facets.Single(f => f.Name == name);

    private static string Render(FacetResult facet) =>
        string.Join(", ", facet.Values.Select(v => $"{v.Value}={v.Count}{(v.Selected ? "*" : "")}"));

    [Fact]
    public void Facets_WhenNoFilter_CountEveryMatchingArticleNotJustThePage()
    {
        var response = _index.Search("", r => r with { Size = 1 });
        Assert.Single(response.Hits);
        Assert.Equal("Lashkar-e-Taiba=3, Jaish-e-Mohammed=2, Islamic State=1, Islamic State Khorasan=1", Render(Facet(response, "group")));
        Assert.Equal(4, Facet(response, "group").DistinctValues);
        Assert.Equal(7, Facet(response, "year").DistinctValues);
    }

    [Fact]
    public void Facets_WhenTwoValuesOfOneFacet_MatchEither()
    {
        var response = _index.Search("", r => r with { Filters = Facets.Filter("speaker", "Mike Pompeo", "Mark Toner"), Size = 100 });
        Assert.Equal(["lashkar-2018", "verb-2016"], response.Hits.Select(h => h.Id));
        Assert.Equal(2, response.Total);
    }

    [Fact]
    public void Facets_WhenTwoFacets_MatchBoth()
    {
        var response = _index.Search("", r => r with { Filters = new Dictionary<string, IReadOnlyList<string>> { ["group"] = ["Jaish-e-Mohammed"], ["year"] = ["2023"] }, Size = 100 });
        Assert.Equal(["miller-2023"], response.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Facets_WhenFacetIsFiltered_CountsItDrillSideways()
    {
        var response = _index.Search("", r => r with { Filters = Facets.Filter("group", "Jaish-e-Mohammed") });
        // The group facet ignores its own filter, so the alternatives stay visible with their full counts.
        Assert.Equal("Lashkar-e-Taiba=3, Jaish-e-Mohammed=2*, Islamic State=1, Islamic State Khorasan=1", Render(Facet(response, "group")));
        // The other facets count only the filtered articles.
        Assert.Equal("2022=1, 2023=1", Render(Facet(response, "year")));
    }

    [Fact]
    public void Facets_WhenValueIsGivenInAnotherCaseOrAsAlias_SelectsTheStoredValue()
    {
        var byCase = _index.Search("", r => r with { Filters = Facets.Filter("speaker", "matthew miller") });
        var byAlias = _index.Search("", r => r with { Filters = Facets.Filter("group", "JeM") });
        Assert.Equal(1, byCase.Total);
        Assert.Equal(2, byAlias.Total);
        Assert.Contains(Facet(byAlias, "group").Values, v => v is { Value: "Jaish-e-Mohammed", Selected: true });
    }

    [Fact]
    public void Facets_WhenSelectedValueIsOutsideTopN_StillReturnItFlagged()
    {
        var response = _index.Search("", r => r with { Filters = Facets.Filter("speaker", "Ned Price"), Facets = new FacetOptions { TopN = 1 } });
        var speakers = Facet(response, "speaker");
        Assert.Equal(2, speakers.Values.Count);
        Assert.Contains(speakers.Values, v => v is { Value: "Ned Price", Count: 1, Selected: true });
    }

    [Fact]
    public void Facets_WhenSelectedValueIsUnknown_ReturnItWithZeroAndNoHits()
    {
        var response = _index.Search("", r => r with { Filters = Facets.Filter("speaker", "Nobody Known") });
        Assert.Equal(0, response.Total);
        Assert.Contains(Facet(response, "speaker").Values, v => v is { Value: "Nobody Known", Count: 0, Selected: true });
    }

    [Fact]
    public void Facets_WhenTopN_OrderByCountThenValue()
    {
        var response = _index.Search("", r => r with { Facets = new FacetOptions { TopN = 3 } });
        Assert.Equal("Anonymous Official=1, Donald Lu=1, Mark Toner=1", Render(Facet(response, "speaker")));
    }

    [Fact]
    public void Facets_WhenYearOrderedByValue_AreChronological()
    {
        var response = _index.Search("", r => r with { Facets = new FacetOptions { OrderedByValue = ["year"] } });
        Assert.Equal("2016=1, 2018=1, 2019=1, 2020=1, 2021=1, 2022=1, 2023=1", Render(Facet(response, "year")));
    }

    [Fact]
    public void Facets_WhenYearRange_NarrowEverything()
    {
        var response = _index.Search("", r => r with { Ranges = Facets.Years(2020, 2021), Size = 100 });
        Assert.Equal(["isis-2021", "xss-2020"], response.Hits.Select(h => h.Id));
        Assert.Equal("2020=1, 2021=1", Render(Facet(response, "year")));
    }

    [Fact]
    public void Facets_WhenRangeHasOneOpenEnd_KeepsArticlesOnTheOtherSide()
    {
        Assert.Equal(2, _index.Search("", r => r with { Ranges = Facets.Years(2022, null) }).Total);
        Assert.Equal(2, _index.Search("", r => r with { Ranges = Facets.Years(null, 2018) }).Total);
    }

    [Fact]
    public void Facets_WhenQueryAndFilters_Combine()
    {
        var response = _index.Search("pakistan", r => r with { Filters = Facets.Filter("group", "Lashkar-e-Taiba"), Ranges = Facets.Years(2023, null) });
        Assert.Equal(["miller-2023"], response.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Facets_WhenUnknownFacetRequested_ThrowsNamingTheKnownOnes()
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search("", r => r with { Facets = new FacetOptions { Names = ["colour"] } }));
        Assert.Equal("Unknown facet 'colour'. Known facets: group, speaker, year, month.", error.Message);
    }

    [Fact]
    public void FacetValues_WhenPrefix_MatchAnyWordOfTheValue()
    {
        var values = _index.Index.GetFacetValues(new FacetValuesRequest { Facet = "speaker", Prefix = "m" });
        Assert.Equal(["Mark Toner", "Matthew Miller", "Mike Pompeo", "Morgan Ortagus"], values.Select(v => v.Value));
        var miller = _index.Index.GetFacetValues(new FacetValuesRequest { Facet = "speaker", Prefix = "Mil" });
        Assert.Equal(["Matthew Miller"], miller.Select(v => v.Value));
    }

    [Fact]
    public void FacetValues_WhenSearchIsGiven_CountOnlyItsMatches()
    {
        var values = _index.Index.GetFacetValues(new FacetValuesRequest { Facet = "group", Search = new SearchRequest { Query = "Miller" } });
        Assert.Equal(["Jaish-e-Mohammed=1", "Lashkar-e-Taiba=1"], values.Select(v => $"{v.Value}={v.Count}"));
    }
}
