using System.Diagnostics;
using Search.Benchmarks.Scale;

namespace Search.Benchmarks.Tests.Scale;

public class ExecutionLatencyTests
{
    private static long Ms(int milliseconds) => Stopwatch.Frequency / 1000 * milliseconds;

    [Fact]
    public void Percentiles_count_every_execution_and_keep_the_cold_pass_apart()
    {
        var latency = ExecutionLatency.FromTicks([Ms(3), Ms(1), Ms(2)], Enumerable.Range(1, 1000).Reverse().Select(Ms));

        Assert.Equal(new ExecutionLatency(1000, ColdP50: 2, ColdMax: 3, P50: 500, P90: 900, P99: 990, P999: 999, Max: 1000), latency);
    }

    [Fact]
    public void One_stall_among_a_thousand_executions_is_the_max_and_not_the_p99()
    {
        var warm = Enumerable.Repeat(Ms(1), 999).Append(Ms(40));

        var latency = ExecutionLatency.FromTicks([Ms(5)], warm);

        Assert.Equal((1.0, 1.0, 40.0), (latency.P99, latency.P999, latency.Max));
    }
}
