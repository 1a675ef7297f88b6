using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Search.Benchmarks.Peer;

/// <summary>
/// Samples allocations by type in this process from the runtime's allocation-tick events (one
/// event per ~100 KB allocated, naming the type that crossed the mark), so the types that allocate
/// most show up in proportion to their bytes without an external profiler.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    // The runtime's GC keyword; at verbose level it includes the allocation tick.
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    /// <summary>Sampled bytes by type name, most first.</summary>
    public IReadOnlyList<(string Type, long Bytes)> Top(int count) =>
        _bytes.OrderByDescending(e => e.Value).Take(count).Select(e => (e.Key, e.Value)).ToArray();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null)
            return;
        var type = e.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? e.Payload![t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload![a]) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
