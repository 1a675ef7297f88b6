using Search.Ingest.Evaluation;
using Search.Ingest.Reading;
using Xunit.Abstractions;

namespace Search.Ingest.Tests.Evaluation;

/// <summary>A fact that is skipped, with a visible reason, when the shared Readability test pages are not present.</summary>
public sealed class ReadabilityPagesFactAttribute : FactAttribute
{
    public ReadabilityPagesFactAttribute()
    {
        if (HtmlConformanceTests.PagesFolder is null)
            Skip = "The shared Readability test pages (../../shared/corpora/readability/test-pages above the test binaries) were not found; they are third-party pages and are not shipped with the repository.";
    }
}

public sealed class HtmlConformanceTests(ITestOutputHelper output)
{
    internal static string? PagesFolder =>
        SharedData.CorporaDirectory is { } corpora && Directory.Exists(Path.Combine(corpora, "readability", "test-pages"))
            ? Path.Combine(corpora, "readability", "test-pages")
            : null;

    [Theory]
    [InlineData("Get your Frontend JavaScript Code Covered | Code", "Get your Frontend JavaScript Code Covered", true)]
    [InlineData("Harbour reopens", "Harbour Reopens!", true)]
    [InlineData("Harbour reopens after repairs", "Harbour", true)]
    [InlineData("Harbour reopens", "Harb", false)]
    [InlineData("Harbour reopens", "Ferry news", false)]
    [InlineData("", null, true)]
    [InlineData("", "Something", false)]
    [InlineData("Something", null, false)]
    public void SameTitle_ComparesNormalisedWordsEitherWay(string expected, string? actual, bool same)
    {
        Assert.Equal(same, HtmlConformance.SameTitle(expected, actual));
    }

    [Theory]
    [InlineData("The cat sat.", "the CAT sat", 1.0)]
    [InlineData("a b", "a b c d", 2 * 1.0 * 0.5 / 1.5)]
    [InlineData("a a b", "a b b", 2 * (2.0 / 3) * (2.0 / 3) / (4.0 / 3))]
    [InlineData("x y", "a b", 0.0)]
    [InlineData("", "", 1.0)]
    [InlineData("", "a", 0.0)]
    public void TokenF1_CountsRepeatedWords(string actual, string expected, double f1)
    {
        Assert.Equal(f1, HtmlConformance.TokenF1(actual, expected), precision: 9);
    }

    [Fact]
    public void ScorePage_WhenPageMatchesItsExpectation_ScoresOne()
    {
        using var folder = new Reading.TempFolder();
        folder.Write("ferry/source.html", """
            <html><head><title>Ferry timetable changes</title></head><body><article><h1>Ferry timetable changes</h1>
            <p>The ferry timetable changes next week, with two extra crossings each day in the summer months.</p></article></body></html>
            """);
        folder.Write("ferry/expected.html", "<div><p>The ferry timetable changes next week, with two extra crossings each day in the summer months.</p></div>");
        folder.Write("ferry/expected-metadata.json", """{"title": "Ferry timetable changes", "byline": null}""");

        var report = HtmlConformance.Score(folder.Path);

        var page = Assert.Single(report.Pages);
        Assert.Equal("ferry", page.Name);
        Assert.True(page.TitleMatch);
        Assert.Equal(1.0, page.BodyF1);
        Assert.Null(page.Error);
        Assert.Equal(1.0, report.TitleAccuracy);
    }

    [ReadabilityPagesFact]
    public void ReadabilityPages_TitleAndBody_MeetTargets()
    {
        var report = HtmlConformance.Score(PagesFolder!);

        output.WriteLine(report.Format());
        Assert.Equal(130, report.Pages.Count);
        Assert.Equal(0, report.Errors);
        Assert.True(report.TitleAccuracy >= 0.95, $"Title accuracy {report.TitleAccuracy:F3} is under 0.95.");
        Assert.True(report.MeanBodyF1 >= 0.97, $"Mean body F1 {report.MeanBodyF1:F3} is under 0.97.");
    }

    [ReadabilityPagesFact]
    public void ReadabilityPages_EveryPage_ReadsWithoutThrowingAndHasText()
    {
        var failures = new List<string>();
        foreach (var pageFolder in HtmlConformance.PageFolders(PagesFolder!))
        {
            var name = Path.GetFileName(pageFolder);
            try
            {
                if (string.IsNullOrWhiteSpace(HtmlArticleParser.Parse(File.ReadAllText(Path.Combine(pageFolder, "source.html"))).Text))
                    failures.Add($"{name}: no text");
            }
            catch (Exception e)
            {
                failures.Add($"{name}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.Empty(failures);
    }
}
