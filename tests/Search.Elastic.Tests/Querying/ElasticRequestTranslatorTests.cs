using System.Text.Json;
using Search.Core;
using Search.Core.Querying;
using Search.Elastic.Querying;

namespace Search.Elastic.Tests.Querying;

/// <summary>One golden request body per feature of <see cref="SearchRequest"/>, serialised by the official client.</summary>
public sealed class ElasticRequestTranslatorTests
{
    private static readonly ElasticRequestTranslator Translator = new();

    private static string Body(SearchRequest request) => ElasticSearchBackend.SerializeBody(Translator.Translate(request));

    public static TheoryData<string, SearchRequest> Features => new()
    {
        { "empty-query-browses-newest-first", new SearchRequest() },
        { "query-string-over-title-and-body", new SearchRequest { Query = "drone strike" } },
        { "facet-fields-in-query", new SearchRequest { Query = "speaker:miller AND group:LeT AND year:[2016 TO 2020]" } },
        {
            "filters-post-filter-and-drill-sideways",
            new SearchRequest
            {
                Query = "ban",
                Filters = new Dictionary<string, IReadOnlyList<string>> { ["group"] = ["LeT", "Jaish-e-Mohammed"], ["speaker"] = ["Mike Pompeo"], ["year"] = ["2019"] },
            }
        },
        { "year-range-filters-the-query", new SearchRequest { Query = "attack", Ranges = new Dictionary<string, FacetRange> { ["year"] = new(2016, 2020) } } },
        { "sort-oldest", new SearchRequest { Query = "attack", Sort = SortOrder.Oldest } },
        { "page-three", new SearchRequest { Query = "attack", Page = 3, Size = 20 } },
        { "counts-only", new SearchRequest { Query = "attack", Size = 0 } },
        { "facet-options", new SearchRequest { Facets = new FacetOptions { Names = ["year", "group"], TopN = 0, OrderedByValue = ["group"] } } },
        { "highlight-options", new SearchRequest { Query = "attack", Highlight = new HighlightOptions { Passages = 3, MaxPassageLength = 120 } } },
        { "highlight-disabled-gives-the-lead", new SearchRequest { Query = "attack", Highlight = new HighlightOptions { Enabled = false } } },
        { "histogram-by-month", new SearchRequest { Query = "attack", Filters = new Dictionary<string, IReadOnlyList<string>> { ["month"] = ["2019-03"], ["group"] = ["TTP"] }, Histogram = new HistogramOptions { Interval = CalendarInterval.Month } } },
        { "no-collapse-explain-and-time-budget", new SearchRequest { Query = "attack", Collapse = false, Explain = true, TimeBudget = TimeSpan.FromSeconds(5) } },
    };

    [Theory]
    [MemberData(nameof(Features))]
    public void Translate_MatchesGoldenBody(string name, SearchRequest request) =>
        Golden.AssertMatches(name, Body(request));

    [Fact]
    public void Translate_WhenQueryDoesNotParse_SearchesTheWordsWithTheLocalWarning()
    {
        var translation = Translator.Translate(new SearchRequest { Query = "\"unclosed AND (drone" });

        Golden.AssertMatches("unparsable-query-falls-back-to-words", ElasticSearchBackend.SerializeBody(translation));
        Assert.Equal([QuerySyntax.Check("\"unclosed AND (drone").Warning!], translation.Warnings);
    }

    [Fact]
    public void Translate_WithCursor_PagesBySearchAfterWithoutCollapse()
    {
        using var sortValues = JsonDocument.Parse("""[4.25, "9f2c", "https://example.org/a"]""");
        var cursor = ElasticCursor.Encode(SortOrder.Relevance, sortValues.RootElement);

        var translation = Translator.Translate(new SearchRequest { Query = "attack", Cursor = cursor });

        Golden.AssertMatches("cursor-search-after", ElasticSearchBackend.SerializeBody(translation));
        Assert.Equal([ElasticRequestTranslator.CollapseWithCursorNotSupported], translation.Warnings);
    }

    [Fact]
    public void Translate_CursorForAnotherSort_IsRefused()
    {
        using var sortValues = JsonDocument.Parse("""[1552003200000, "9f2c", null]""");
        var cursor = ElasticCursor.Encode(SortOrder.Newest, sortValues.RootElement);

        var error = Assert.Throws<InvalidSearchRequestException>(() => Translator.Translate(new SearchRequest { Query = "attack", Cursor = cursor }));

        Assert.Equal("The cursor was made for sorting by newest, not relevance; keep the sort when paging with a cursor.", error.Message);
    }

    [Fact]
    public void Translate_IndexedAfter_IsRefusedWithASentence()
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => Translator.Translate(new SearchRequest { IndexedAfter = DateTimeOffset.UnixEpoch }));

        Assert.Equal(nameof(SearchRequest.IndexedAfter), error.Parameter);
        Assert.Equal(ElasticRequestTranslator.IndexedAfterNotSupported, error.Message);
    }

    [Fact]
    public void Translate_Suggest_DoesNotChangeTheBody() =>
        Assert.Equal(Body(new SearchRequest { Query = "atack", Suggest = true }), Body(new SearchRequest { Query = "atack", Suggest = false }));

    [Fact]
    public void Translate_OutOfBoundsRequest_IsRefusedAsLocally()
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => Translator.Translate(new SearchRequest { Size = 101 }));

        Assert.Equal("The page size must be between 0 and 100; it was 101.", error.Message);
    }

    [Fact]
    public void TranslateFacetValues_MatchesGoldenBody()
    {
        var translation = Translator.TranslateFacetValues(new FacetValuesRequest
        {
            Facet = "speaker",
            Prefix = "mi",
            Limit = 5,
            Search = new SearchRequest { Query = "ban", Filters = new Dictionary<string, IReadOnlyList<string>> { ["speaker"] = ["Mike Pompeo"], ["group"] = ["LeT"] } },
        });

        Golden.AssertMatches("facet-values-with-prefix", ElasticSearchBackend.SerializeBody(translation));
    }

    [Fact]
    public void TranslateArticle_MatchesGoldenBody() =>
        Golden.AssertMatches("article-by-id-highlighted-whole", ElasticSearchBackend.SerializeBody(Translator.TranslateArticle("a,b#1", "group:LeT ban")));

    [Fact]
    public void TranslateArticle_WithoutQuery_AsksForNoHighlight() =>
        Assert.Equal("""{"query":{"ids":{"values":["x"]}},"size":1}""", ElasticSearchBackend.SerializeBody(Translator.TranslateArticle("x", " ")));

    [Theory]
    [InlineData("mi", "(.*[^a-zA-Z0-9])?[mM][iI].*")]
    [InlineData("al-Q", "(.*[^a-zA-Z0-9])?[aA][lL]\\-[qQ].*")]
    [InlineData("19", "(.*[^a-zA-Z0-9])?19.*")]
    public void WordPrefixPattern_MatchesWordStartsInEitherCase(string prefix, string expected) =>
        Assert.Equal(expected, ElasticRequestTranslator.WordPrefixPattern(prefix));

    [Theory]
    [InlineData("speaker:miller", "speaker.words:miller")]
    [InlineData("speaker:\"Matthew Miller\" AND drone", "speaker.words:\"Matthew Miller\" AND drone")]
    [InlineData("group:LeT OR group:\"TTP\"", "group:\"Lashkar-e-Taiba\" OR group:\"Tehrik-i-Taliban Pakistan\"")]
    [InlineData("\"say group:LeT\" title:ban year:2019", "\"say group:LeT\" title:ban year:2019")]
    [InlineData("group:Lash*", "group:Lash*")]
    public void RewriteFacetFields_UsesTheClusterFields(string query, string expected) =>
        Assert.Equal(expected, Translator.RewriteFacetFields(query));
}
