using Search.Core;

namespace Search.Core.Tests;

/// <summary>A throw-away index in a temp folder, built from articles written in the test.</summary>
public sealed class TestIndex : IDisposable
{
    public TestIndex(IEnumerable<Article> articles, SearchIndexOptions? options = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "search-tests", Guid.NewGuid().ToString("N"));
        using (var writer = ArticleWriter.Open(Path, options))
        {
            foreach (var article in articles)
                writer.Upsert(article);
            writer.Commit("tests");
        }
        Index = SearchIndex.Open(Path, options);
    }

    public string Path { get; }

    public SearchIndex Index { get; }

    /// <summary>
    /// An index of <paramref name="articles"/> in two segments, the first <paramref name="firstSegment"/>
    /// of them and then the rest, so facet counts go through global ordinals.
    /// </summary>
    public static TestIndex InTwoSegments(IReadOnlyList<Article> articles, int firstSegment)
    {
        var index = new TestIndex(articles.Take(firstSegment));
        using var writer = index.Index.OpenWriter();
        foreach (var article in articles.Skip(firstSegment))
            writer.Upsert(article);
        writer.Commit("tests");
        return index;
    }

    public SearchResponse Search(string query, Func<SearchRequest, SearchRequest>? configure = null)
    {
        var request = new SearchRequest { Query = query };
        return Index.Search(configure is null ? request : configure(request));
    }

    public void Dispose()
    {
        Index.Dispose();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>Facet maps for articles and requests, spelled briefly.</summary>
public static class Facets
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Of(int? year = null, string[]? groups = null, string[]? speakers = null) =>
        new Dictionary<string, IReadOnlyList<string>>
        {
            [FacetNames.Group] = groups ?? [],
            [FacetNames.Speaker] = speakers ?? [],
            [FacetNames.Year] = year is { } y ? [y.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [],
        };

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Filter(string facet, params string[] values) =>
        new Dictionary<string, IReadOnlyList<string>> { [facet] = values };

    public static IReadOnlyDictionary<string, FacetRange> Years(int? from, int? to) =>
        new Dictionary<string, FacetRange> { [FacetNames.Year] = new(from, to) };
}

/// <summary>The small news collection most tests search.</summary>
public static class Articles
{
    public static Article Make(string id, string title, string body, int? year = null, string[]? groups = null, string[]? speakers = null) => new()
    {
        Id = id,
        Title = title,
        Body = body,
        Facets = Facets.Of(year, groups, speakers),
    };

    public static IReadOnlyList<Article> Sample { get; } =
    [
        Make("let-2022", "US presses Pakistan on militant groups",
            "The State Department said LeT and JeM must be dismantled. Officials met in Washington on Tuesday.",
            2022, ["Lashkar-e-Taiba", "Jaish-e-Mohammed"], ["Donald Lu"]),
        Make("lashkar-2018", "Mumbai anniversary statement",
            "Pompeo said those who planned the attack by Lashkar-e-Taiba and its affiliates must face justice. The statement was issued on the tenth anniversary.",
            2018, ["Lashkar-e-Taiba"], ["Mike Pompeo"]),
        Make("verb-2016", "Briefing on regional talks",
            "The spokesman said the two countries should let the dialogue continue. He added that talks would resume soon.",
            2016, [], ["Mark Toner"]),
        Make("isis-2021", "Kabul airport attack",
            "ISIS-K claimed the attack at the airport. Officials said the Islamic State Khorasan branch remained a threat.",
            2021, ["Islamic State Khorasan"], ["Ned Price"]),
        Make("daesh-2019", "Coalition meets on Daesh",
            "Ministers discussed the defeat of Daesh in Syria. The spokesperson said the coalition would continue its work.",
            2019, ["Islamic State"], ["Morgan Ortagus"]),
        Make("miller-2023", "America demands action from Pakistan",
            "Matthew Miller said the United States would press Pakistan to act against Lashkar-e-Taiba and Jaish-e-Mohammed.",
            2023, ["Lashkar-e-Taiba", "Jaish-e-Mohammed"], ["Matthew Miller"]),
        Make("xss-2020", "Website defaced",
            "Hackers placed <script>alert(1)</script> and <img src=x onerror=alert(2)> on the page. The ministry said the site was restored.",
            2020, [], ["Anonymous Official"]),
        Make("undated", "Talks on terror financing",
            "Officials discussed terror financing and sanctions against designated groups.",
            null, [], []),
    ];
}
