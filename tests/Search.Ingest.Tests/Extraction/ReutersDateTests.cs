using System.Globalization;
using Search.Benchmarks.Corpora;
using Search.Ingest.Cleaning;
using Search.Ingest.Extraction;

namespace Search.Ingest.Tests.Extraction;

/// <summary>
/// Reuters-21578 is real 1987 newswire: every story's DATE is 1987, and the bodies are full of
/// maturity and delivery dates of later years ("notes due December 1, 1998").
/// </summary>
public sealed class ReutersDateTests
{
    private static readonly IReadOnlyList<Search.Core.Article> Stories =
        ReutersFactAttribute.Folder is { } folder ? ReutersReader.ReadFolder(folder).ToArray() : [];

    [ReutersFact]
    public void GivenPublishedDate_ParsesWithItsYear_ForEveryStory()
    {
        var lost = Stories
            .Where(s => DateParser.ParseMetadata(Iso(s))?.Year != 1987)
            .Select(s => s.Id)
            .ToArray();

        Assert.True(Stories.Count > 19000, $"Expected the whole corpus, read {Stories.Count} stories.");
        Assert.Empty(lost);
    }

    [ReutersFact]
    public void GivenPublishedDate_WinsOverTheBody_InExtraction()
    {
        // As a JSON Lines export gives it: the story's DATE as an ISO string in "published". Full
        // extraction of every story takes a quarter of a minute; the first 2,000 hold plenty of
        // bodies with later maturity dates.
        var lost = Stories
            .Where(s => s.Published is not null)
            .Take(2000)
            .Where(s =>
            {
                var published = DateParser.ParseMetadata(Iso(s));
                var article = ArticleExtractor.Default.Extract(new ArticleInput { Id = s.Id, Text = s.Body, Title = s.Title, Published = published });
                return article.Values(Search.Core.FacetNames.Year) is not ["1987"];
            })
            .Select(s => s.Id)
            .ToArray();

        Assert.Empty(lost);
    }

    private static string? Iso(Search.Core.Article story) =>
        story.Published?.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    [ReutersFact]
    public void FoundYear_IsNeverTakenFromTheBody_WhenNoDateIsGiven()
    {
        var wrong = Stories
            .Select(s => (s.Id, Found: YearExtractor.Extract(TextCleaner.Clean(s.Body, s.Title))))
            .Where(f => f.Found is { Year: not 1987 })
            .Select(f => $"{f.Id}: {f.Found!.Year} from \"{f.Found.Sentence}\"")
            .ToArray();

        Assert.True(Stories.Count > 19000, $"Expected the whole corpus, read {Stories.Count} stories.");
        Assert.Empty(wrong);
    }
}
