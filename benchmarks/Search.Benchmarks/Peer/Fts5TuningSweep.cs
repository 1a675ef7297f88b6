using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Search.Benchmarks.Peer;

/// <summary>One FTS5 setting's outcome in the sweep.</summary>
/// <param name="Tuning">The settings.</param>
/// <param name="BuildTime">Wall time of its build (shared by settings that differ only in query settings).</param>
/// <param name="SizeBytes">The database's size.</param>
/// <param name="SameResults">Share of queries with the same count and the same top-10 ids as the first setting.</param>
/// <param name="Workloads">Wall latencies of workloads (a), (b), (c), over every timed execution.</param>
/// <param name="Failure">Why the setting could not run the workload, or <c>null</c>.</param>
public sealed record Fts5TuningResult(Fts5Tuning Tuning, TimeSpan BuildTime, long SizeBytes, double SameResults, IReadOnlyList<LatencySummary> Workloads, string? Failure);

/// <summary>
/// Tries each <see cref="Fts5Tuning.Sweep"/> setting on the same articles and queries: one build per
/// distinct build setting, all databases open at once, and each query run on every setting in turn
/// (the first setting rotating) so that load on the machine falls on all of them alike.
/// </summary>
public static class Fts5TuningSweep
{
    /// <summary>Runs the sweep and writes a Markdown table to <paramref name="output"/>.</summary>
    public static IReadOnlyList<Fts5TuningResult> Run(PeerOptions options, IReadOnlyList<Fts5Tuning> tunings, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tunings);
        ArgumentNullException.ThrowIfNull(output);
        var c = CultureInfo.InvariantCulture;
        var work = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "search-fts5-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var open = new List<Fts5Index>();
        try
        {
            var queries = QuerySetGenerator.Generate(options.Corpus, options.Queries, options.Seed);
            var builds = new Dictionary<string, (string Path, TimeSpan Time)>(StringComparer.Ordinal);
            var indexes = new List<(Fts5Tuning Tuning, Fts5Index? Index, string? Failure)>();
            foreach (var tuning in tunings)
            {
                var key = BuildKey(tuning);
                if (!builds.TryGetValue(key, out var build))
                {
                    var path = Path.Combine(work, $"fts5-{builds.Count}.db");
                    builds[key] = build = (path, Fts5Index.Build(options.Corpus, path, tuning, options.TitleWeight));
                }
                var index = Fts5Index.Open(build.Path, tuning, options.TitleWeight);
                open.Add(index);
                indexes.Add((tuning, index, Probe(index, queries)));
            }

            var baseline = indexes[0].Index!;
            var expected = queries.Select(q => (baseline.Count(q.Fts5), baseline.TopIds(q.Fts5))).ToArray();
            var runnable = indexes.Where(x => x.Failure is null).Select(x => x.Index!).ToArray();
            var times = runnable.ToDictionary(x => x, _ => Enumerable.Range(0, 3).Select(_ => new List<long>()).ToArray());
            var sink = new List<string>(64);
            for (var pass = 0; pass < options.WarmupPasses + options.Repetitions; pass++)
            {
                for (var i = 0; i < queries.Count; i++)
                {
                    for (var w = 0; w < 3; w++)
                    {
                        for (var k = 0; k < runnable.Length; k++)
                        {
                            var index = runnable[(i + w + pass + k) % runnable.Length];
                            sink.Clear();
                            var started = Stopwatch.GetTimestamp();
                            _ = w == 0 ? index.Top(queries[i].Fts5, sink) : index.TopWithFacets(queries[i].Fts5, sink, highlighted: w == 2);
                            var elapsed = Stopwatch.GetTimestamp() - started;
                            if (pass >= options.WarmupPasses)
                                times[index][w].Add(elapsed);
                        }
                    }
                }
            }

            var results = new List<Fts5TuningResult>();
            foreach (var (tuning, index, failure) in indexes)
            {
                var build = builds[BuildKey(tuning)];
                var same = failure is null
                    ? queries.Select((q, i) => index!.Count(q.Fts5) == expected[i].Item1 && index.TopIds(q.Fts5).Order().SequenceEqual(expected[i].Item2.Order())).Count(x => x) / (double)queries.Count
                    : double.NaN;
                var latencies = failure is null ? times[index!].Select(LatencySummary.FromTicks).ToArray() : [];
                results.Add(new Fts5TuningResult(tuning, build.Time, new FileInfo(build.Path).Length, same, latencies, failure));
            }

            output.WriteLine(string.Create(c, $"FTS5 tuning sweep: {options.Corpus.Count} articles, {queries.Count} queries (seed {options.Seed}), {options.WarmupPasses} warm-up + {options.Repetitions} timed passes, every setting interleaved query by query"));
            output.WriteLine();
            output.WriteLine("| setting | build (s) | size (MB) | same results | (a) p50 | (a) p99 | (b) p50 | (b) p99 | (c) p50 | (c) p99 |");
            output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var r in results)
            {
                output.WriteLine(r.Failure is not null
                    ? string.Create(c, $"| {r.Tuning.Name} | {r.BuildTime.TotalSeconds:F2} | {r.SizeBytes / 1048576.0:F1} | fails: {r.Failure} | | | | | | |")
                    : string.Create(c, $"| {r.Tuning.Name} | {r.BuildTime.TotalSeconds:F2} | {r.SizeBytes / 1048576.0:F1} | {r.SameResults:P1} | {r.Workloads[0].P50:F3} | {r.Workloads[0].P99:F3} | {r.Workloads[1].P50:F3} | {r.Workloads[1].P99:F3} | {r.Workloads[2].P50:F3} | {r.Workloads[2].P99:F3} |"));
            }
            output.WriteLine("(milliseconds, wall, percentiles over every timed execution; \"same results\": the count and the set of top-10 ids equal the first row's)");
            return results;
        }
        finally
        {
            foreach (var index in open)
                index.Dispose();
            SqliteConnection.ClearAllPools();
            if (options.WorkDirectory is null)
                ScratchFolder.TryDelete(work);
        }
    }

    private static string BuildKey(Fts5Tuning t) =>
        string.Create(CultureInfo.InvariantCulture, $"{t.UnjournaledBuild}/{t.PageSize}/{t.Optimize}/{t.AutoMerge}/{t.CrisisMerge}/{t.Detail}");

    /// <summary>Runs every workload on every query once; the first error (an unsupported query under <c>detail=column</c>) is the failure.</summary>
    private static string? Probe(Fts5Index index, IReadOnlyList<BenchmarkQuery> queries)
    {
        try
        {
            foreach (var q in queries)
                index.TopWithFacets(q.Fts5, [], highlighted: true);
            return null;
        }
        catch (SqliteException e)
        {
            return e.Message.Replace('|', '/');
        }
    }
}
