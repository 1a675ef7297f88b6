using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Search.Benchmarks.Peer;
using Search.Core;

namespace Search.Benchmarks;

/// <summary>
/// Indexing throughput: a whole corpus from empty to committed on one thread (an
/// <see cref="ArticleWriter"/> is used from one thread at a time), next to the analysis floor (our
/// analyzer over the same text, nothing stored).
/// Docs/s and MB/s columns are computed from the mean.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
[Config(typeof(ThroughputConfig))]
public class IndexingBenchmarks
{
    private IReadOnlyList<Article> _articles = [];
    private string _path = "";

    [GlobalSetup]
    public void LoadCorpus() => _articles = BenchmarkCorpus.Load();

    [IterationSetup]
    public void NewFolder() => _path = Path.Combine(Path.GetTempPath(), "search-bench-build-" + Guid.NewGuid().ToString("N"));

    [IterationCleanup]
    public void DeleteFolder()
    {
        if (Directory.Exists(_path))
            Directory.Delete(_path, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public void AnalyzeOnly()
    {
        foreach (var article in _articles)
            Analyze(article);
    }

    [Benchmark]
    public void BuildIndex()
    {
        using var writer = ArticleWriter.Open(_path);
        foreach (var article in _articles)
            writer.Upsert(article);
        writer.Commit("benchmark");
    }

    private static int Analyze(Article article) =>
        TextAnalysis.CountTokens("title", article.Title) + TextAnalysis.CountTokens("body", article.Body);

    private sealed class ThroughputConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new ThroughputColumn("Docs/s", corpus => corpus.Count));
            AddColumn(new ThroughputColumn("MB/s", corpus => corpus.Sum(a => (long)a.Title.Length + a.Body.Length) / 1e6));
        }
    }
}

/// <summary>A column dividing a corpus measure (documents, megabytes of text) by the mean time.</summary>
internal sealed class ThroughputColumn(string name, Func<IReadOnlyList<Article>, double> measure) : IColumn
{
    private readonly Lazy<double> _amount = new(() => measure(BenchmarkCorpus.Load()));

    public string Id => "Throughput." + name;
    public string ColumnName => name;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => $"{name} over the whole corpus ({BenchmarkCorpus.Name}), from the mean";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics?.Mean is { } nanoseconds
            ? (_amount.Value / (nanoseconds / 1e9)).ToString("N1", System.Globalization.CultureInfo.InvariantCulture)
            : "NA";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}
