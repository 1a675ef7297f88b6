namespace Search.Benchmarks.Tests;

public class LatencySummaryTests
{
    [Theory]
    [InlineData(50, 5.0)]
    [InlineData(95, 10.0)]
    [InlineData(99, 10.0)]
    [InlineData(10, 1.0)]
    [InlineData(0, 1.0)]
    public void Percentile_IsNearestRank(double p, double expected) =>
        Assert.Equal(expected, LatencySummary.Percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p));

    [Fact]
    public void FromTicks_ConvertsToMilliseconds()
    {
        var summary = LatencySummary.FromTicks([System.Diagnostics.Stopwatch.Frequency / 1000 * 3]);
        Assert.Equal(1, summary.Count);
        Assert.Equal(3.0, summary.P50, 6);
    }

    [Fact]
    public void FromMilliseconds_SummarisesEveryValue()
    {
        var summary = LatencySummary.FromMilliseconds(Enumerable.Range(1, 1000).Select(i => (double)i));
        Assert.Equal(new LatencySummary(1000, 500, 900, 950, 990, 999, 1000, 500.5), summary);
    }

    [Fact]
    public void FromMilliseconds_WhenEmpty_IsNotANumber()
    {
        var summary = LatencySummary.FromMilliseconds([]);
        Assert.Equal(0, summary.Count);
        Assert.True(double.IsNaN(summary.P50) && double.IsNaN(summary.Max));
    }
}
