using Search.Ingest.Extraction;

namespace Search.Ingest.Tests.Extraction;

public sealed class ArticleExtractorTests
{
    private static ArticleInput Input(Dictionary<string, IReadOnlyList<string>>? facets) => new()
    {
        Id = "wire-1",
        Title = "Envoy presses Pakistan on militants",
        Text = "Lashkar-e-Taiba must be dismantled, John Kirby said on Monday.\n\n\"We will keep pressing Islamabad on this,\" he said.",
        Published = new DateTimeOffset(2023, 5, 17, 0, 0, 0, TimeSpan.Zero),
        Facets = facets,
    };

    // The hashes are the ones main's extractor gave before extraction shared its sentence split:
    // stored hashes decide what a re-index skips.
    [Fact]
    public void Extract_WhenNothingStated_FindsGroupSpeakerAndStatements()
    {
        var article = ArticleExtractor.Default.Extract(Input(null));

        Assert.Equal(["Lashkar-e-Taiba"], article.Values("group"));
        Assert.Equal(["John Kirby"], article.Values("speaker"));
        Assert.Equal(["group:Lashkar-e-Taiba", "speaker:John Kirby", "year:2023"], article.Evidence.Select(e => $"{e.Facet}:{e.Value}"));
        Assert.Equal(["John Kirby|Lashkar-e-Taiba must be dismantled", "John Kirby|We will keep pressing Islamabad on this"], article.Statements.Select(s => $"{s.Speaker}|{s.Words}"));
        Assert.Equal("f7f1128494c6b370f02c64b9e4a55cd0cea210c57050363ead269a25c7974c34", article.ContentHash);
    }

    [Fact]
    public void Extract_WhenSourceStatesFacetsEmpty_KeepsThemEmptyButStillFindsStatements()
    {
        var article = ArticleExtractor.Default.Extract(Input(new() { ["group"] = [], ["speaker"] = [] }));

        Assert.Empty(article.Values("group"));
        Assert.Empty(article.Values("speaker"));
        Assert.Equal(["year:2023"], article.Evidence.Select(e => $"{e.Facet}:{e.Value}"));
        Assert.Equal(["John Kirby|Lashkar-e-Taiba must be dismantled", "John Kirby|We will keep pressing Islamabad on this"], article.Statements.Select(s => $"{s.Speaker}|{s.Words}"));
        Assert.Equal("210019573b7babe847355159014cdb96c8c7124eb7121029d053eab3cba0fd5b", article.ContentHash);
    }

    [Fact]
    public void Extract_WhenWireCopyMarksCompanies_KeepsTheMarksButTakesNoFacetFromThem()
    {
        var article = ArticleExtractor.Default.Extract(new ArticleInput
        {
            Id = "wire-2",
            Title = "HOTEL GROUP BUYS <BLA> UNIT",
            Text = "<Four Seasons Hotels> said it agreed to buy a unit of <Baloch Land Associates> <BLA> for 12 mln dlrs.",
        });

        Assert.Equal("HOTEL GROUP BUYS <BLA> UNIT", article.Title);
        Assert.Equal("<Four Seasons Hotels> said it agreed to buy a unit of <Baloch Land Associates> <BLA> for 12 mln dlrs.", article.Body);
        Assert.Empty(article.Values("group"));
        Assert.Empty(article.Values("speaker"));
    }
}
