namespace Search.Core.Tests;

/// <summary>The library example from README.md, compiled and run here so that it cannot rot.</summary>
public static class ReadmeExample
{
    public static string Run(string folder)
    {
        var output = new StringWriter();
        // example:start
        using (var writer = ArticleWriter.Open(folder))
        {
            writer.Upsert(new Article
            {
                Id = "lu-2022",
                Title = "US sees progress on prosecutions in Pakistan",
                Body = "Donald Lu said the United States wants LeT and JeM dismantled.",
                Published = new DateTimeOffset(2022, 9, 8, 0, 0, 0, TimeSpan.Zero),
                Facets = new Dictionary<string, IReadOnlyList<string>>
                {
                    ["group"] = ["Lashkar-e-Taiba", "Jaish-e-Mohammed"],
                    ["speaker"] = ["Donald Lu"],
                    ["year"] = ["2022"],
                },
            });
            writer.Commit();
        }

        using var index = SearchIndex.Open(folder);
        var response = index.Search(new SearchRequest
        {
            Query = "Lashkar-e-Taiba",
            Filters = new Dictionary<string, IReadOnlyList<string>> { ["speaker"] = ["Donald Lu"] },
            Ranges = new Dictionary<string, FacetRange> { ["year"] = new(2020, null) },
        });
        foreach (var hit in response.Hits)
            output.WriteLine($"{hit.Title}: {hit.Passages[0].Html}");
        foreach (var facet in response.Facets)
            output.WriteLine($"{facet.Name}: {string.Join(", ", facet.Values.Select(v => $"{v.Value} ({v.Count})"))}");
        // example:end
        return output.ToString();
    }
}
