namespace Search.Reliability.Tests;

/// <summary>The growth trend the soak and concurrency checks judge memory by.</summary>
public sealed class MemoryTrendTests
{
    [Fact]
    public void Trend_OfASteadyLeak_IsItsRateWithANarrowInterval()
    {
        var memory = new MemoryTrend();
        for (var second = 0; second < 120; second++)
            memory.Add(second, 100 + second / 30.0);

        var trend = memory.Trend();

        Assert.Equal(2.0, trend.PerMinute, precision: 9);
        Assert.Equal(2.0, trend.Lower, precision: 9);
        Assert.Equal(2.0, trend.Upper, precision: 9);
        Assert.Equal(90, trend.Samples);
    }

    [Fact]
    public void Trend_OfAFlatSawtooth_IsAboutZeroWithAnIntervalAroundZero()
    {
        // A garbage collector's pattern: 10 MB of growth, then a collection, every 10 seconds.
        var memory = new MemoryTrend();
        for (var second = 0; second < 600; second++)
            memory.Add(second, 200 + second % 10);

        var trend = memory.Trend();

        Assert.InRange(trend.PerMinute, -0.05, 0.05);
        Assert.True(trend.Lower < 0 && trend.Upper > 0, trend.ToString());
    }

    [Fact]
    public void Trend_OfTheWarmUpOnly_IsLeftOut()
    {
        // Growth in the first quarter (caches filling), flat after it.
        var memory = new MemoryTrend();
        for (var second = 0; second < 100; second++)
            memory.Add(second, second < 25 ? 100 + second : 125);

        var trend = memory.Trend();

        Assert.Equal(0.0, trend.PerMinute, precision: 9);
        Assert.Equal("+0.0 MB/min (95 % CI +0.0 to +0.0, 75 samples)", trend.ToString());
    }

    [Fact]
    public void Trend_OfTooFewSamples_IsUnbounded()
    {
        var memory = new MemoryTrend();
        memory.Add(0, 100);
        memory.Add(1, 101);

        var trend = memory.Trend(warmUpFraction: 0);

        Assert.Equal(double.NegativeInfinity, trend.Lower);
        Assert.Equal(double.PositiveInfinity, trend.Upper);
    }
}
