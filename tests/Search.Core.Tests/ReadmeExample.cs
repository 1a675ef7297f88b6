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
                Year = 2022,
                Groups = ["Lashkar-e-Taiba", "Jaish-e-Mohammed"],
                Speakers = ["Donald Lu"],
            });
            writer.Commit();
        }

        using var index = SearchIndex.Open(folder);
        var response = index.Search(new SearchRequest
        {
            Query = "Lashkar-e-Taiba",
            Speakers = ["Donald Lu"],
            YearFrom = 2020,
        });
        foreach (var hit in response.Hits)
            output.WriteLine($"{hit.Title}: {hit.Passages[0].Html}");
        foreach (var facet in response.Facets)
            output.WriteLine($"{facet.Name}: {string.Join(", ", facet.Values.Select(v => $"{v.Value} ({v.Count})"))}");
        // example:end
        return output.ToString();
    }
}
