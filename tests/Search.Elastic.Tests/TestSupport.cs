using Search.Core;

namespace Search.Elastic.Tests;

/// <summary>A folder under the temp path, deleted when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "search-elastic-tests", Guid.NewGuid().ToString("N")));

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned with the temp folder eventually.
        }
    }
}

/// <summary>Articles written for these tests, in our own words.</summary>
internal static class TestArticles
{
    public static readonly Article Designation = new()
    {
        Id = "trf-2023",
        Title = "State Department names TRF a front of LeT",
        Body = "Matthew Miller said: \"The Resistance Front is Lashkar-e-Taiba under another name.\"",
        Url = "https://example.org/trf",
        Source = "samples/trf.txt",
        Published = new DateTimeOffset(2023, 7, 17, 9, 30, 0, TimeSpan.Zero),
        Facets = new Dictionary<string, IReadOnlyList<string>>
        {
            ["group"] = ["Lashkar-e-Taiba", "The Resistance Front"],
            ["speaker"] = ["Matthew Miller"],
            ["year"] = ["2023"],
        },
        Statements = [new Statement("Matthew Miller", "The Resistance Front is Lashkar-e-Taiba under another name.", "Matthew Miller said: \"The Resistance Front is Lashkar-e-Taiba under another name.\"", 0)],
    };

    public static readonly Article Undated = new()
    {
        Id = "note",
        Title = "A note without a date",
        Body = "Nobody is quoted here.",
    };

    /// <summary>Writes the articles into a new index in <paramref name="folder"/> and opens it.</summary>
    public static SearchIndex Index(string folder, params Article[] articles)
    {
        using (var writer = ArticleWriter.Open(folder))
        {
            foreach (var article in articles)
                writer.Upsert(article);
            writer.Commit();
        }
        return SearchIndex.Open(folder);
    }
}
