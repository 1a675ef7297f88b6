using System.Text.Json;
using Search.Core;
using Search.Elastic.Querying;

namespace Search.Elastic.Tests.Querying;

/// <summary>
/// The local index and the translation read a request the same way: the same stored facet values
/// selected (through the alias table), the same range, the same facets counted drill-sideways.
/// </summary>
public sealed class TranslationAgreementTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "search-elastic-tests-" + Guid.NewGuid().ToString("N"));
    private readonly SearchIndex _index;

    public TranslationAgreementTests()
    {
        using (var writer = ArticleWriter.Open(_path))
        {
            writer.Upsert(Article("let-2019", 2019, ["Lashkar-e-Taiba"], ["Mohammad Faisal"], "The ban on Lashkar-e-Taiba fronts was announced."));
            writer.Upsert(Article("jem-2019", 2019, ["Jaish-e-Mohammed"], ["Mike Pompeo"], "Mike Pompeo said the ban on Jaish-e-Mohammed must hold."));
            writer.Upsert(Article("ttp-2022", 2022, ["Tehrik-i-Taliban Pakistan"], ["Shehbaz Sharif"], "The ban on the Pakistani Taliban stays, said Shehbaz Sharif."));
            writer.Upsert(Article("let-2015", 2015, ["Lashkar-e-Taiba"], ["Mike Pompeo"], "An older ban on Lashkar-e-Taiba charities."));
            writer.Commit("tests");
        }
        _index = SearchIndex.Open(_path);
    }

    private static readonly SearchRequest Request = new()
    {
        Query = "ban",
        Filters = new Dictionary<string, IReadOnlyList<string>> { ["group"] = ["LeT", "JeM"], ["speaker"] = ["Mike Pompeo"] },
        Ranges = new Dictionary<string, FacetRange> { ["year"] = new(2016, 2020) },
    };

    [Fact]
    public void SelectedValues_AreTheStoredValuesTheLocalIndexSelects()
    {
        var local = _index.Search(Request);
        var translation = new ElasticRequestTranslator().Translate(Request);

        var locallySelected = local.Facets.ToDictionary(f => f.Name, f => f.Values.Where(v => v.Selected).Select(v => v.Value).Order().ToArray());
        Assert.Equal(["Jaish-e-Mohammed", "Lashkar-e-Taiba"], locallySelected["group"]);
        Assert.Equal(locallySelected["group"], translation.Selected["group"].Order());
        Assert.Equal(locallySelected["speaker"], translation.Selected["speaker"].Order());
        Assert.False(translation.Selected.ContainsKey("year"));
        Assert.Equal(["jem-2019"], local.Hits.Select(h => h.Id));
    }

    [Fact]
    public void PostFilter_NamesTheSameValuesAndTheQueryTheSameRange()
    {
        using var body = JsonDocument.Parse(ElasticSearchBackend.SerializeBody(new ElasticRequestTranslator().Translate(Request)));
        var root = body.RootElement;

        var filtered = root.GetProperty("post_filter").GetProperty("bool").GetProperty("filter").EnumerateArray().SelectMany(TermValues).Order().ToArray();
        Assert.Equal(["group=Jaish-e-Mohammed", "group=Lashkar-e-Taiba", "speaker=Mike Pompeo"], filtered);
        // The client writes a one-element clause list as the clause itself.
        var clause = root.GetProperty("query").GetProperty("bool").GetProperty("filter");
        var range = (clause.ValueKind == JsonValueKind.Array ? clause[0] : clause).GetProperty("range").GetProperty("year");
        Assert.Equal((2016, 2020), (range.GetProperty("gte").GetInt32(), range.GetProperty("lte").GetInt32()));
    }

    [Fact]
    public void EachCountedFacet_IsFilteredByEveryOtherFacetOnly()
    {
        var local = _index.Search(Request);
        using var body = JsonDocument.Parse(ElasticSearchBackend.SerializeBody(new ElasticRequestTranslator().Translate(Request)));
        var aggregations = body.RootElement.GetProperty("aggregations");

        foreach (var facet in local.Facets)
        {
            var filter = aggregations.GetProperty("facet_" + facet.Name).GetProperty("filter");
            var fields = TermValues(filter).Select(v => v.Split('=')[0]).Distinct().Order().ToArray();
            var expected = Request.Filters.Keys.Where(k => k != facet.Name).Order().ToArray();
            Assert.Equal(expected, fields);
        }
    }

    /// <summary>Every "field=value" a filter's term queries name, however they are nested.</summary>
    private static IEnumerable<string> TermValues(JsonElement query)
    {
        if (query.ValueKind == JsonValueKind.Array)
            return query.EnumerateArray().SelectMany(TermValues);
        if (query.ValueKind != JsonValueKind.Object)
            return [];
        if (query.TryGetProperty("term", out var term))
            return term.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetProperty("value").GetString()}");
        return query.EnumerateObject().SelectMany(p => TermValues(p.Value));
    }

    private static Article Article(string id, int year, string[] groups, string[] speakers, string body) => new()
    {
        Id = id,
        Title = id,
        Body = body,
        Published = new DateTimeOffset(year, 6, 1, 0, 0, 0, TimeSpan.Zero),
        Facets = new Dictionary<string, IReadOnlyList<string>>
        {
            [FacetNames.Group] = groups,
            [FacetNames.Speaker] = speakers,
            [FacetNames.Year] = [year.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        },
    };

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_path, recursive: true);
    }
}
