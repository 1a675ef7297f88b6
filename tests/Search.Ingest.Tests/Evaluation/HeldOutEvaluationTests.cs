using Search.Core;
using Search.Ingest.Evaluation;
using Search.Ingest.Reading;
using Xunit.Abstractions;

namespace Search.Ingest.Tests.Evaluation;

/// <summary>
/// Twelve articles written for this suite and scored once, after the extraction rules were built on
/// other articles: the nearest estimate of performance on unseen text. The floors are the figures of
/// that first run (groups 1.000/1.000, speakers P=1.000 R=29/32, year 11 of 11); a change may raise
/// them, never lower them.
/// </summary>
public sealed class HeldOutEvaluationTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestArticles", "heldout");

    [Fact]
    public void HeldOutArticles_WhenExtracted_DoNotFallBelowFirstRun()
    {
        var labels = ExtractionLabel.Load(Path.Combine(Folder, "labels.jsonl"));
        var files = labels.Select(l => Path.Combine(Folder, l.File));
        var articles = new ArticleFileReader().Read(files).OfType<IngestedArticle>().Select(r => r.Article).ToList();

        var report = new ExtractionEvaluator(GroupAliasTable.Default).Evaluate(labels, articles);

        output.WriteLine(report.Format());
        Assert.Equal(12, report.Files);
        Assert.True(report.Groups.Precision >= 1.0 && report.Groups.Recall >= 1.0, report.Format());
        Assert.True(report.Speakers.Precision >= 1.0, report.Format());
        Assert.True(report.Speakers.TruePositives >= 29, report.Format());
        Assert.True(report.Speakers.F1 >= 0.95, report.Format());
        Assert.True(report.Year.Precision >= 1.0 && report.Year.Correct >= 11, report.Format());
    }
}
