using Search.Core;
using Search.Ingest.Evaluation;
using Search.Ingest.Reading;
using Xunit.Abstractions;

namespace Search.Ingest.Tests.Evaluation;

public sealed class OwnLabelsEvaluationTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestArticles");

    [Fact]
    public void OwnArticles_WhenExtracted_MeetTargets()
    {
        var labels = ExtractionLabel.Load(Path.Combine(Folder, "labels.jsonl"));
        var articles = new ArticleFileReader().Read(Directory.GetFiles(Folder, "*.txt").Order(StringComparer.Ordinal))
            .OfType<IngestedArticle>().Select(r => r.Article).ToList();

        var report = new ExtractionEvaluator(GroupAliasTable.Default).Evaluate(labels, articles);

        output.WriteLine(report.Format());
        Assert.Equal(5, report.Files);
        Assert.True(report.Groups.F1 >= 0.95, report.Format());
        Assert.True(report.Speakers.F1 >= 0.90, report.Format());
        Assert.True(report.Year.Precision >= 0.95, report.Format());
    }

    [Fact]
    public void OwnArticles_Titles_MatchLabels()
    {
        var labels = ExtractionLabel.Load(Path.Combine(Folder, "labels.jsonl"));
        var reader = new ArticleFileReader();

        foreach (var label in labels)
        {
            var article = reader.Read(Path.Combine(Folder, label.File)).OfType<IngestedArticle>().Single().Article;
            Assert.Equal(label.Title ?? "", article.Title);
        }
    }
}
