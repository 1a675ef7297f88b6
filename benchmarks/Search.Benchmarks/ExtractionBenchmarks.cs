using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Search.Benchmarks.Corpora;
using Search.Ingest.Extraction;

namespace Search.Benchmarks;

/// <summary>
/// Extraction throughput on one core: <see cref="ArticleExtractor"/> (cleaning, groups, speakers,
/// date) over Reuters-21578 when ../shared holds it, else over the development set's raw articles.
/// The MB/s column is text (title and body characters, in millions) over the mean time.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
[WarmupCount(1)]
[IterationCount(5)]
[Config(typeof(Throughput))]
public class ExtractionBenchmarks
{
    private IReadOnlyList<ArticleInput> _inputs = [];

    [GlobalSetup]
    public void LoadInputs() => _inputs = ExtractionInputs.Load().Inputs;

    [Benchmark]
    public int Extract()
    {
        var speakers = 0;
        foreach (var input in _inputs)
            speakers += ArticleExtractor.Default.Extract(input).Facets.Count;
        return speakers;
    }

    private sealed class Throughput : BenchmarkDotNet.Configs.ManualConfig
    {
        public Throughput() => AddColumn(new ExtractionMegabytesColumn());
    }

    private sealed class ExtractionMegabytesColumn : IColumn
    {
        private readonly Lazy<double> _megabytes = new(() => ExtractionInputs.Load().Megabytes);

        public string Id => "Extraction.MBps";
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Millions of characters of title and body extracted per second, from the mean";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            summary[benchmarkCase]?.ResultStatistics?.Mean is { } nanoseconds
                ? (_megabytes.Value / (nanoseconds / 1e9)).ToString("N1", System.Globalization.CultureInfo.InvariantCulture)
                : "NA";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }
}

/// <summary>The articles extraction is measured on, as the extractor receives them (no stated date or facets, so every rule runs).</summary>
internal static class ExtractionInputs
{
    /// <summary>Reuters-21578 when present, else the development set; with its name and size in millions of characters.</summary>
    public static (string Name, IReadOnlyList<ArticleInput> Inputs, double Megabytes) Load()
    {
        IReadOnlyList<ArticleInput> inputs;
        string name;
        if (SharedCorpora.Find("reuters21578") is { } reuters)
        {
            name = "Reuters-21578";
            inputs = ReutersReader.ReadFolder(reuters).Select(a => new ArticleInput { Id = a.Id, Title = a.Title, Text = a.Body }).ToList();
        }
        else
        {
            var devSet = BenchmarkCorpus.FindUp(Path.Combine("tests", "Search.Ingest.Tests", "DevSet"))
                ?? throw new UsageException("Neither ../shared/corpora/reuters21578 nor tests/Search.Ingest.Tests/DevSet was found above the working folder.");
            name = "development set";
            inputs = Directory.EnumerateFiles(devSet, "*.txt").Order(StringComparer.Ordinal)
                .Select(f => new ArticleInput { Id = Path.GetFileName(f), Text = File.ReadAllText(f) }).ToList();
        }
        return (name, inputs, inputs.Sum(i => (long)i.Text.Length + (i.Title?.Length ?? 0)) / 1e6);
    }

    /// <summary>
    /// The <c>extraction</c> verb: extracts the whole set <paramref name="rounds"/> times on this
    /// thread after one warm-up round and prints the best round's CPU time and MB/s.
    /// </summary>
    public static void Run(int rounds, TextWriter output)
    {
        var (name, inputs, megabytes) = Load();
        foreach (var input in inputs)
            ArticleExtractor.Default.Extract(input);
        var best = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            foreach (var input in inputs)
                ArticleExtractor.Default.Extract(input);
            process.Refresh();
            best = Math.Min(best, (process.TotalProcessorTime - before).TotalSeconds);
        }
        output.WriteLine(FormattableString.Invariant($"extraction: {inputs.Count} articles of {name}, {megabytes:F1} M characters; best of {rounds}: {best:F2} s CPU, {megabytes / best:F1} MB/s"));
    }
}
