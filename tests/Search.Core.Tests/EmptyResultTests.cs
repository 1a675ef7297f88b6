namespace Search.Core.Tests;

/// <summary>When filters leave nothing, the response says how many articles match without them.</summary>
public sealed class EmptyResultTests : IClassFixture<EmptyResultTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public TestIndex Index { get; } = new(Articles.Sample);
        public void Dispose() => Index.Dispose();
    }

    private readonly TestIndex _index;

    public EmptyResultTests(Fixture fixture) => _index = fixture.Index;

    [Fact]
    public void Search_WhenFiltersLeaveNothing_CountsTheMatchesWithoutThem()
    {
        var response = _index.Search("Lashkar-e-Taiba", r => r with { Filters = Facets.Filter("speaker", "Mark Toner") });
        Assert.Equal(0, response.Total);
        Assert.Equal(3, response.TotalWithoutFilters);
    }

    [Fact]
    public void Search_WhenARangeLeavesNothing_CountsTheMatchesWithoutIt()
    {
        var response = _index.Search("Pompeo", r => r with { Ranges = Facets.Years(2020, null) });
        Assert.Equal(0, response.Total);
        Assert.Equal(1, response.TotalWithoutFilters);
    }

    [Fact]
    public void Search_WhenEmptyQueryAndFiltersLeaveNothing_CountsEveryArticle()
    {
        var response = _index.Search("", r => r with { Ranges = Facets.Years(1990, 1995) });
        Assert.Equal(8, response.TotalWithoutFilters);
    }

    [Fact]
    public void Search_WhenSomethingMatches_LeavesItNull()
    {
        Assert.Null(_index.Search("Lashkar-e-Taiba", r => r with { Filters = Facets.Filter("speaker", "Mike Pompeo") }).TotalWithoutFilters);
        Assert.Null(_index.Search("nosuchword").TotalWithoutFilters);
    }

    [Fact]
    public void Search_WhenTheQueryAloneMatchesNothing_SaysZero()
    {
        Assert.Equal(0, _index.Search("nosuchword", r => r with { Filters = Facets.Filter("speaker", "Mark Toner") }).TotalWithoutFilters);
    }
}
