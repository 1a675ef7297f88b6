using System.Diagnostics;
using System.Globalization;
using Search.Core.Duplicates;

namespace Search.Benchmarks.Scale;

/// <summary>
/// The writer's near-duplicate cluster table alone, grown to a number of clusters: the managed
/// memory it holds after a full collection and the time it took. Unlike peak RSS under load, which
/// moves with when the background GC gets a core, this figure is the same on every run.
/// </summary>
internal static class ClusterMemory
{
    /// <summary>The verb that runs it.</summary>
    public const string Verb = "cluster-memory";

    /// <summary>Assigns <paramref name="clusters"/> unrelated generated bodies (one cluster each) and reports the table's size.</summary>
    public static void Run(int clusters, TextWriter output)
    {
        var random = new Random(7);
        var words = new string[40];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var table = new DuplicateClusters();
        var started = Stopwatch.GetTimestamp();
        for (var n = 0; n < clusters; n++)
        {
            for (var w = 0; w < words.Length; w++)
                words[w] = "w" + random.Next(50_000).ToString(CultureInfo.InvariantCulture);
            // Ids shaped like the Wikipedia paragraph ids of the scale run.
            table.Assign(string.Create(CultureInfo.InvariantCulture, $"wiki-{n / 7}-{n % 7}"), BodyFingerprint.Of(string.Join(' ', words)));
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(table);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cluster table: {clusters} clusters, {(after - before) / 1048576.0:F0} MB managed after a full collection ({(after - before) / (double)clusters:F0} bytes a cluster), {elapsed.TotalSeconds:F1} s to assign (fingerprints included)"));
    }
}
