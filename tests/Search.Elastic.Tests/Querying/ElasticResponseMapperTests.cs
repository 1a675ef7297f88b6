using System.Text.Json;
using Search.Core;
using Search.Elastic.Querying;

namespace Search.Elastic.Tests.Querying;

/// <summary>Response documents shaped like the engine's documented <c>_search</c> answers (our own values), mapped back.</summary>
public sealed class ElasticResponseMapperTests
{
    private static readonly ElasticRequestTranslator Translator = new();

    internal const string Response = """
        {
          "took": 12,
          "timed_out": false,
          "_shards": { "total": 1, "successful": 1, "skipped": 0, "failed": 0 },
          "hits": {
            "total": { "value": 3, "relation": "eq" },
            "max_score": 2.5,
            "hits": [
              {
                "_index": "news",
                "_id": "let-ban-2019",
                "_score": 2.5,
                "_source": {
                  "title": "Pakistan bans Lashkar-e-Taiba fronts",
                  "url": "https://example.org/let-ban-2019",
                  "published": "2019-03-05T00:00:00Z",
                  "cluster": "let-ban-2019",
                  "group": ["Lashkar-e-Taiba"],
                  "speaker": ["Mohammad Faisal"],
                  "year": 2019,
                  "month": "2019-03"
                },
                "highlight": {
                  "title": ["Pakistan <mark>bans</mark> Lashkar-e-Taiba fronts"],
                  "body": ["The spokesman said the <mark>ban</mark> covers &quot;charities &amp; fronts&quot;.", "A second <mark>ban</mark> followed."]
                },
                "sort": [2.5, "c0ffee", "https://example.org/let-ban-2019"],
                "inner_hits": {
                  "duplicates": {
                    "hits": {
                      "total": { "value": 3, "relation": "eq" },
                      "max_score": 2.5,
                      "hits": [
                        { "_index": "news", "_id": "let-ban-2019", "_score": 2.5, "_source": { "url": "https://example.org/let-ban-2019" } },
                        { "_index": "news", "_id": "let-ban-2019-copy", "_score": 2.1, "_source": { "url": "https://mirror.example.net/let" } },
                        { "_index": "news", "_id": "let-ban-2019-wire", "_score": 2.0, "_source": {} }
                      ]
                    }
                  }
                }
              },
              {
                "_index": "news",
                "_id": "undated-note",
                "_score": 1.25,
                "_source": { "title": "A note on the ban", "cluster": "undated-note", "group": [], "speaker": [] },
                "highlight": { "body": ["An undated note on the <mark>ban</mark>."] },
                "sort": [1.25, "beef", null],
                "inner_hits": { "duplicates": { "hits": { "total": { "value": 1, "relation": "eq" }, "max_score": 1.25, "hits": [ { "_index": "news", "_id": "undated-note", "_score": 1.25, "_source": {} } ] } } }
              }
            ]
          },
          "aggregations": {
            "facet_group": {
              "doc_count": 3,
              "distinct": { "value": 2 },
              "values": { "doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": [ { "key": "Lashkar-e-Taiba", "doc_count": 2 }, { "key": "Jaish-e-Mohammed", "doc_count": 1 } ] },
              "selected": { "doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": [ { "key": "Lashkar-e-Taiba", "doc_count": 2 } ] }
            },
            "facet_speaker": {
              "doc_count": 2,
              "distinct": { "value": 1 },
              "values": { "doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": [ { "key": "Mohammad Faisal", "doc_count": 1 } ] }
            },
            "facet_year": {
              "doc_count": 2,
              "distinct": { "value": 2 },
              "values": { "doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": [ { "key": 2019, "doc_count": 1 }, { "key": 2017, "doc_count": 1 } ] }
            },
            "facet_month": {
              "doc_count": 2,
              "distinct": { "value": 1 },
              "values": { "doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": [ { "key": "2019-03", "doc_count": 1 } ] }
            },
            "without_filters": { "doc_count": 40, "matches": { "doc_count": 5 } }
          }
        }
        """;

    private static readonly SearchRequest Request = new()
    {
        Query = "ban",
        Size = 2,
        Filters = new Dictionary<string, IReadOnlyList<string>> { ["group"] = ["LeT"] },
    };

    private static SearchResponse Map(string json, SearchRequest request)
    {
        using var document = JsonDocument.Parse(json);
        return ElasticResponseMapper.Map(document.RootElement, Translator.Translate(request));
    }

    [Fact]
    public void Map_ReadsTotalTookAndHits()
    {
        var response = Map(Response, Request);

        Assert.Equal(3, response.Total);
        Assert.Equal(TimeSpan.FromMilliseconds(12), response.Took);
        Assert.Equal(["let-ban-2019", "undated-note"], response.Hits.Select(h => h.Id));
        var first = response.Hits[0];
        Assert.Equal(2.5f, first.Score);
        Assert.Equal("Pakistan bans Lashkar-e-Taiba fronts", first.Title);
        Assert.Equal(new TextRange(9, 4), Assert.Single(first.TitleHighlight.Matches));
        Assert.Equal("https://example.org/let-ban-2019", first.Url);
        Assert.Equal(new DateTimeOffset(2019, 3, 5, 0, 0, 0, TimeSpan.Zero), first.Published);
        Assert.Equal(["Lashkar-e-Taiba"], first.Facets["group"]);
        Assert.Equal(["2019"], first.Facets["year"]);
        Assert.Equal(["2019-03"], first.Facets["month"]);
        Assert.Equal("let-ban-2019", first.Cluster);
    }

    [Fact]
    public void Map_DecodesPassagesAndMarks()
    {
        var passages = Map(Response, Request).Hits[0].Passages;

        Assert.Equal(["The spokesman said the ban covers \"charities & fronts\".", "A second ban followed."], passages.Select(p => p.Text));
        Assert.Equal([new TextRange(23, 3)], passages[0].Matches);
        Assert.Equal("The spokesman said the <mark>ban</mark> covers &quot;charities &amp; fronts&quot;.", passages[0].Html);
    }

    [Fact]
    public void Map_HitWithoutTitleMatchOrDate_KeepsThePlainTitleAndEveryFacet()
    {
        var hit = Map(Response, Request).Hits[1];

        Assert.Equal("A note on the ban", hit.TitleHighlight.Text);
        Assert.Empty(hit.TitleHighlight.Matches);
        Assert.Null(hit.Published);
        Assert.Null(hit.Url);
        Assert.Equal(["group", "speaker", "year", "month"], hit.Facets.Keys);
        Assert.All(hit.Facets.Values, Assert.Empty);
        Assert.Null(hit.Duplicates);
    }

    [Fact]
    public void Map_CollapsedHit_ListsTheOtherCopiesAndTheirSites()
    {
        var duplicates = Map(Response, Request).Hits[0].Duplicates;

        Assert.NotNull(duplicates);
        Assert.Equal("let-ban-2019", duplicates.Cluster);
        Assert.Equal(2, duplicates.Count);
        Assert.Equal(["let-ban-2019-copy", "let-ban-2019-wire"], duplicates.Ids);
        Assert.Equal(["mirror.example.net"], duplicates.Sites);
    }

    [Fact]
    public void Map_Facets_InSchemaOrderWithSelectedValuesMarked()
    {
        var facets = Map(Response, Request).Facets;

        Assert.Equal(["group", "speaker", "year", "month"], facets.Select(f => f.Name));
        Assert.Equal([new FacetValue("Lashkar-e-Taiba", 2, true), new FacetValue("Jaish-e-Mohammed", 1, false)], facets[0].Values);
        Assert.Equal(2, facets[0].DistinctValues);
        Assert.Equal("Groups", facets[0].Label);
        // Years are listed in time order.
        Assert.Equal([new FacetValue("2017", 1, false), new FacetValue("2019", 1, false)], facets[2].Values);
    }

    [Fact]
    public void Map_SelectedValueOutsideTheTopValues_ComesBackWithItsCount()
    {
        var request = Request with { Filters = new Dictionary<string, IReadOnlyList<string>> { ["speaker"] = ["Mike Pompeo", "Mohammad Faisal"] } };

        var speakers = Map(Response.Replace("\"facet_speaker\": {\n      \"doc_count\": 2,", "\"facet_speaker\": {\n      \"doc_count\": 2, \"selected\": { \"buckets\": [ { \"key\": \"Mohammad Faisal\", \"doc_count\": 1 } ] },"), request).Facets[1];

        Assert.Equal([new FacetValue("Mohammad Faisal", 1, true), new FacetValue("Mike Pompeo", 0, true)], speakers.Values);
    }

    [Fact]
    public void Map_NextCursor_CarriesTheLastHitsSortValues()
    {
        var response = Map(Response, Request);

        Assert.NotNull(response.NextCursor);
        var next = Translator.Translate(Request with { Cursor = response.NextCursor });
        Assert.Equal("[1.25,\"beef\",null]", JsonSerializer.Serialize(JsonDocument.Parse(ElasticSearchBackend.SerializeBody(next)).RootElement.GetProperty("search_after")));
    }

    [Fact]
    public void Map_NothingMatchesWithFilters_GivesTheTotalWithoutThem()
    {
        const string empty = """
            { "took": 1, "timed_out": false, "hits": { "total": { "value": 0, "relation": "eq" }, "hits": [] },
              "aggregations": { "without_filters": { "doc_count": 40, "matches": { "doc_count": 5 } } } }
            """;

        var response = Map(empty, Request);

        Assert.Equal(0, response.Total);
        Assert.Equal(5, response.TotalWithoutFilters);
        Assert.Null(response.NextCursor);
    }

    [Fact]
    public void Map_TimedOut_FailsRatherThanAnswerShort()
    {
        const string timedOut = """{ "took": 2001, "timed_out": true, "hits": { "total": { "value": 1, "relation": "eq" }, "hits": [] } }""";

        var error = Assert.Throws<SearchTimeoutException>(() => Map(timedOut, Request with { TimeBudget = TimeSpan.FromSeconds(2) }));

        Assert.Equal(TimeSpan.FromSeconds(2), error.Budget);
    }

    [Fact]
    public void Map_Histogram_FillsEveryPeriodOfTheRange()
    {
        const string json = """
            { "took": 3, "timed_out": false, "hits": { "total": { "value": 4, "relation": "eq" }, "hits": [] },
              "aggregations": { "histogram": { "doc_count": 50,
                "matches": { "doc_count": 4, "periods": { "buckets": [ { "key": 2017, "doc_count": 1 }, { "key": 2019, "doc_count": 3 } ] } },
                "periods": { "buckets": [ { "key": 2016, "doc_count": 10 }, { "key": 2017, "doc_count": 5 }, { "key": 2019, "doc_count": 6 } ] } } } }
            """;

        var histogram = Map(json, new SearchRequest { Query = "ban", Size = 0, Facets = new FacetOptions { Names = [] }, Histogram = new HistogramOptions() }).Histogram;

        Assert.NotNull(histogram);
        Assert.Equal(
            [new HistogramBucket("2016", 0, 10), new HistogramBucket("2017", 1, 5), new HistogramBucket("2018", 0, 0), new HistogramBucket("2019", 3, 6)],
            histogram.Buckets);
    }

    [Fact]
    public void Map_Explanation_GivesOneContributionPerWeightedTerm()
    {
        const string json = """
            { "took": 3, "timed_out": false, "hits": { "total": { "value": 1, "relation": "eq" }, "hits": [
              { "_id": "a", "_score": 1.5, "_source": { "title": "Ban" },
                "_explanation": { "value": 1.5, "description": "sum of:", "details": [
                  { "value": 1.5, "description": "weight(body:ban in 0) [PerFieldSimilarity], result of:", "details": [
                    { "value": 1.5, "description": "score(freq=2.0), computed as boost * idf * tf from:", "details": [
                      { "value": 2.2, "description": "boost", "details": [] },
                      { "value": 0.9, "description": "idf, computed as log(1 + (N - n + 0.5) / (n + 0.5)) from:", "details": [] },
                      { "value": 0.75, "description": "tf, computed as freq / (freq + k1 * (1 - b + b * dl / avgdl)) from:", "details": [
                        { "value": 2.0, "description": "freq, occurrences of term within document", "details": [] },
                        { "value": 1.2, "description": "k1, term saturation parameter", "details": [] },
                        { "value": 0.75, "description": "b, length normalization parameter", "details": [] },
                        { "value": 30.0, "description": "dl, length of field", "details": [] },
                        { "value": 20.0, "description": "avgdl, average length of field", "details": [] } ] } ] } ] } ] } } ] } }
            """;

        var explanation = Map(json, new SearchRequest { Query = "ban", Explain = true }).Hits[0].Explanation;

        Assert.NotNull(explanation);
        Assert.Equal(1.5f, explanation.Score);
        Assert.Equal([new ScoreContribution("body", "ban", 1.5f, 2f, 0.9f, 1.375f, 2.2f)], explanation.Terms);
        Assert.Empty(explanation.Facets);
    }

    [Fact]
    public void MapArticle_ReadsTheWholeArticleWithItsMarks()
    {
        const string json = """
            { "took": 1, "timed_out": false, "hits": { "total": { "value": 1, "relation": "eq" }, "hits": [
              { "_index": "news", "_id": "a", "_score": 1.0,
                "_source": { "title": "Ban upheld", "body": "The court upheld the ban.", "url": "https://example.org/a", "byline": "Staff",
                             "source": "Example", "published": "2020-02-02", "content_hash": "c0ffee", "cluster": "a", "group": "Lashkar-e-Taiba", "year": 2020 },
                "highlight": { "body": ["The court upheld the <mark>ban</mark>."] } } ] } }
            """;
        using var document = JsonDocument.Parse(json);

        var article = ElasticResponseMapper.MapArticle(document.RootElement, Translator.TranslateArticle("a", "ban"));

        Assert.NotNull(article);
        Assert.Equal(("a", "Ban upheld", "Staff", "Example", "c0ffee"), (article.Article.Id, article.Article.Title, article.Article.Byline, article.Article.Source, article.Article.ContentHash));
        Assert.Equal(new DateTimeOffset(2020, 2, 2, 0, 0, 0, TimeSpan.Zero), article.Article.Published);
        Assert.Equal(["Lashkar-e-Taiba"], article.Article.Facets["group"]);
        Assert.Equal(["2020"], article.Article.Facets["year"]);
        Assert.Equal(HighlightedText.Plain("Ban upheld"), article.Title with { Matches = [] });
        Assert.Equal("The court upheld the <mark>ban</mark>.", article.Body.Html);
    }

    [Fact]
    public void MapArticle_WhenAbsent_IsNull()
    {
        using var document = JsonDocument.Parse("""{ "took": 1, "timed_out": false, "hits": { "total": { "value": 0, "relation": "eq" }, "hits": [] } }""");

        Assert.Null(ElasticResponseMapper.MapArticle(document.RootElement, Translator.TranslateArticle("a", "")));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("<mark>a</mark><mark>b</mark> c", "ab c")]
    [InlineData("x &lt;mark&gt; <mark>y</mark>", "x <mark> y")]
    public void Marked_DecodesTextAndMergesTouchingMarks(string fragment, string text)
    {
        var marked = ElasticResponseMapper.Marked(fragment);

        Assert.Equal(text, marked.Text);
        Assert.Equal(fragment.Replace("</mark><mark>", "", StringComparison.Ordinal), marked.Html);
    }

    [Fact]
    public void MapFacetValues_ReadsTheValuesMostFrequentFirst()
    {
        const string json = """
            { "took": 1, "timed_out": false, "hits": { "total": { "value": 9, "relation": "eq" }, "hits": [] },
              "aggregations": { "values": { "doc_count": 9, "values": { "buckets": [ { "key": "Mike Pompeo", "doc_count": 4 }, { "key": "Matthew Miller", "doc_count": 2 } ] } } } }
            """;
        var translation = Translator.TranslateFacetValues(new FacetValuesRequest
        {
            Facet = "speaker",
            Prefix = "m",
            Search = new SearchRequest { Filters = new Dictionary<string, IReadOnlyList<string>> { ["speaker"] = ["Mike Pompeo"] } },
        });
        using var document = JsonDocument.Parse(json);

        var values = ElasticResponseMapper.MapFacetValues(document.RootElement, translation);

        Assert.Equal([new FacetValue("Mike Pompeo", 4, true), new FacetValue("Matthew Miller", 2, false)], values);
    }
}
