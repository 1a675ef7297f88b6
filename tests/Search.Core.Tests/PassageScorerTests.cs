using Search.Core.Highlighting;

namespace Search.Core.Tests;

public sealed class PassageScorerTests
{
    private static TermMatch Match(string key) => new(new TextRange(0, key.Length), key);

    private static double Weight(string key) => key switch
    {
        "a" => 1.0,
        "b" => 2.0,
        _ => 0.5,
    };

    // norm = 1.2 × (0.25 + 0.75 × length / pivot); each term adds weight × tf × 2.2 / (tf + norm);
    // the sum is multiplied by 1 + 0.3 / (1 + sentence index).
    [Theory]
    [InlineData(new string[0], 100, 100, 0, 0.0)]
    [InlineData(new[] { "a" }, 100, 100, 0, 1.3)]
    [InlineData(new[] { "a" }, 100, 100, 2, 1.1)]
    [InlineData(new[] { "a", "a" }, 100, 100, 0, 1.7875)]
    [InlineData(new[] { "a" }, 200, 100, 0, 0.92258064516)]
    [InlineData(new[] { "a", "b" }, 100, 100, 0, 3.9)]
    [InlineData(new[] { "c" }, 100, 0, 0, 0.01566265060)]
    public void Score_IsBm25OverThePassageWithALeadBonus(string[] keys, int length, double pivot, int sentenceIndex, double expected)
    {
        var score = PassageScorer.Score(keys.Select(Match).ToArray(), length, pivot, sentenceIndex, Weight);
        Assert.Equal(expected, score, precision: 9);
    }
}
