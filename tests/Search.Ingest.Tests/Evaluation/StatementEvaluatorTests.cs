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
        Assert.True(score.Recall >= 0.85, $"Statement recall {score.Recall:0.000} is under 0.85.");
    }

    private static Statement Found(string speaker, string words, string sentence) => new(speaker, words, sentence, 0);

    [Theory]
    [InlineData("Omar Haidari", "the talks would resume", "Laila Noori", "the talks would resume", "Omar Haidari said the talks would resume.", "statement credited to another speaker")]
    [InlineData("Omar Haidari", "the talks would resume", "Omar Haidari", "the talks would resume in the spring after the elections and the budget vote", "Omar Haidari said the talks would resume in the spring after the elections and the budget vote.", "statement words cut differently")]
    [InlineData("Omar Haidari", "the talks would resume", "Laila Noori", "the border was quiet", "The talks would resume, a senior official said.\nLaila Noori said the border was quiet.", "statement speaker named elsewhere")]
    [InlineData("Omar Haidari", "the talks would resume", "Laila Noori", "the border was quiet", "Haidari's view was that the talks would resume.\nLaila Noori said the border was quiet.", "statement sentence not credited")]
    public void Classify_SaysWhyAStatementWasMissed(string labelSpeaker, string labelWords, string speaker, string words, string text, string expected)
    {
        var statement = Found(speaker, words, text);

        var (kind, _) = StatementEvaluator.Classify(new LabelledStatement(labelSpeaker, labelWords), [statement], [statement], text);

        Assert.Equal(expected, kind);
    }

    [Fact]
    public void Format_ListsTheErrorClasses()
    {
        var article = new Article { Id = "a.txt", Title = "Talks", Body = "Omar Haidari said the talks would resume.", Statements = [Found("Laila Noori", "the talks would resume", "Omar Haidari said the talks would resume.")] };
        var labels = new Dictionary<string, IReadOnlyList<LabelledStatement>> { ["a.txt"] = [new LabelledStatement("Omar Haidari", "the talks would resume")] };

        var text = StatementEvaluator.Evaluate(labels, [article]).Format();

        Assert.Contains("statement errors by class\n     1  statement credited to another speaker\n", text.ReplaceLineEndings("\n"));
    }
}
