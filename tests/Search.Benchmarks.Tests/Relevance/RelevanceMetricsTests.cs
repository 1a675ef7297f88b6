using Search.Benchmarks.Relevance;

namespace Search.Benchmarks.Tests.Relevance;

public class RelevanceMetricsTests
{
    private static readonly Dictionary<string, int> TwoRelevant = new() { ["d1"] = 1, ["d3"] = 1, ["d9"] = 0 };

    public static TheoryData<string[], double> NdcgCases => new()
    {
        // Both relevant at the top: ideal.
        { ["d1", "d3", "x"], 1.0 },
        // Relevant at ranks 2 and 3: (1/log2 3 + 1/log2 4) / (1 + 1/log2 3) = (0.63093 + 0.5) / 1.63093.
        { ["x", "d1", "d3"], (1 / Math.Log2(3) + 0.5) / (1 + 1 / Math.Log2(3)) },
        // Only one found, at rank 1: 1 / 1.63093.
        { ["d1", "x", "y"], 1 / (1 + 1 / Math.Log2(3)) },
        // A document judged 0 earns nothing.
        { ["d9", "y"], 0.0 },
        { [], 0.0 },
    };

    [Theory]
    [MemberData(nameof(NdcgCases))]
    public void NdcgAt10_MatchesHandComputedValue(string[] ranking, double expected) =>
        Assert.Equal(expected, RelevanceMetrics.NdcgAt(ranking, TwoRelevant, 10), 10);

    [Fact]
    public void NdcgAt_UsesGradesAsGains()
    {
        var graded = new Dictionary<string, int> { ["a"] = 2, ["b"] = 1 };
        // Reverse order: (1 + 2/log2 3) / (2 + 1/log2 3) = 2.26186 / 2.63093.
        var expected = (1 + 2 / Math.Log2(3)) / (2 + 1 / Math.Log2(3));
        Assert.Equal(expected, RelevanceMetrics.NdcgAt(["b", "a"], graded, 10), 10);
    }

    [Fact]
    public void NdcgAt_CutsBothRunAndIdealAtK()
    {
        var three = new Dictionary<string, int> { ["a"] = 1, ["b"] = 1, ["c"] = 1 };
        // At k = 1 the ideal holds one document, so a relevant first hit is perfect.
        Assert.Equal(1.0, RelevanceMetrics.NdcgAt(["a", "x"], three, 1), 10);
        Assert.Equal(0.0, RelevanceMetrics.NdcgAt(["x", "a"], three, 1), 10);
    }

    public static TheoryData<string[], int, double> RecallCases => new()
    {
        { ["d1", "d3"], 100, 1.0 },
        { ["x", "d1"], 100, 0.5 },
        { ["x", "d1", "d3"], 2, 0.5 },
        { ["x"], 100, 0.0 },
    };

    [Theory]
    [MemberData(nameof(RecallCases))]
    public void RecallAt_CountsRelevantWithinK(string[] ranking, int k, double expected) =>
        Assert.Equal(expected, RelevanceMetrics.RecallAt(ranking, TwoRelevant, k), 10);

    public static TheoryData<string[], int, double> AveragePrecisionCases => new()
    {
        // Ranks 1 and 2: (1/1 + 2/2) / 2.
        { ["d1", "d3"], 100, 1.0 },
        // Ranks 2 and 4: (1/2 + 2/4) / 2.
        { ["x", "d1", "y", "d3"], 100, 0.5 },
        // Only rank 2 within the cut; still divided by both relevant documents: (1/2) / 2.
        { ["x", "d1", "y", "d3"], 3, 0.25 },
        { [], 100, 0.0 },
    };

    [Theory]
    [MemberData(nameof(AveragePrecisionCases))]
    public void AveragePrecisionAt_DividesByAllRelevant(string[] ranking, int k, double expected) =>
        Assert.Equal(expected, RelevanceMetrics.AveragePrecisionAt(ranking, TwoRelevant, k), 10);

    [Fact]
    public void Metrics_WhenNothingIsRelevant_AreZero()
    {
        var none = new Dictionary<string, int> { ["a"] = 0 };
        Assert.Equal(0, RelevanceMetrics.NdcgAt(["a"], none, 10));
        Assert.Equal(0, RelevanceMetrics.RecallAt(["a"], none, 100));
        Assert.Equal(0, RelevanceMetrics.AveragePrecisionAt(["a"], none, 100));
    }

    [Fact]
    public void TrecOrder_BreaksScoreTiesByIdDescending()
    {
        var order = RelevanceMetrics.TrecOrder([("a", 1f), ("c", 2f), ("b", 1f), ("d", 0.5f)]);
        Assert.Equal(["c", "b", "a", "d"], order);
    }
}
