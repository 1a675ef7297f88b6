using Search.Core;
using Search.Ingest.Evaluation;
using Search.Ingest.Reading;
using Xunit.Abstractions;

namespace Search.Ingest.Tests.Evaluation;

public sealed class SeedEvaluationTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public void Seeds_WhenExtracted_MeetTargets()
    {
        var seeds = SharedData.SeedsDirectory!;
        var labels = ExtractionLabel.Load(Path.Combine(seeds, "labels.jsonl"));
        var articles = new ArticleFileReader()
            .Read(Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal))
            .OfType<IngestedArticle>()
            .Select(r => r.Article)
            .ToList();

        var report = new ExtractionEvaluator(GroupAliasTable.Default).Evaluate(labels, articles);

        output.WriteLine(report.Format());
        foreach (var article in articles)
            output.WriteLine(ExtractionJson.Serialize(article, Path.GetFileName(article.Source), indented: true));
        Assert.Equal(5, articles.Count);
        Assert.True(report.Groups.F1 >= 0.95, report.Format());
        Assert.True(report.Speakers.F1 >= 0.90, report.Format());
        Assert.True(report.Year.Precision >= 0.95, report.Format());
    }
}
