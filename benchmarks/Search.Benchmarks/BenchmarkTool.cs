using BenchmarkDotNet.Running;
using Search.Benchmarks.Corpora;
using Search.Benchmarks.Peer;
using Search.Benchmarks.Relevance;
using Search.Benchmarks.Scale;

namespace Search.Benchmarks;

/// <summary>
/// The benchmark tool's command line: a verb per measurement (<c>peer</c>, <c>query-cost</c>, <c>beir</c>, <c>sweep</c>,
/// <c>scale</c>, <c>breakdown</c>, <c>refresh</c>, <c>index-e2e</c>, <c>extraction</c>, <c>batch</c>; <c>export-peak</c> is the scale run's export child); anything else goes to BenchmarkDotNet (for example
/// <c>--filter '*Search*' --job short</c>). <c>--corpus</c> and <c>--docs</c> select the data for both.
/// </summary>
internal static class BenchmarkTool
{
    /// <summary>Exit code for arguments the tool cannot use (as the <c>search</c> command uses it).</summary>
    public const int Usage = 2;

    /// <summary>Runs the verb in <paramref name="args"/>, reports to <paramref name="output"/> and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            return RunVerb(Options.TakeCorpusOptions(args), output, error);
        }
        catch (UsageException e)
        {
            error.WriteLine(e.Message);
            return Usage;
        }
    }

    private static int RunVerb(string[] rest, TextWriter output, TextWriter error)
    {
        switch (rest.FirstOrDefault())
        {
            case "peer":
                var peer = new PeerOptions
                {
                    Corpus = BenchmarkCorpus.Load(error),
                    CorpusName = BenchmarkCorpus.Name,
                    Queries = Options.Int(rest, "--queries", 500, minimum: 1),
                    Seed = Options.Int(rest, "--seed", 42),
                    WarmupPasses = Options.Int(rest, "--warmup", 1, minimum: 0),
                    Repetitions = Options.Int(rest, "--repetitions", 3, minimum: 1),
                    Fts5 = rest.Contains("--fts5-untuned") ? Fts5Tuning.Untuned : Fts5Tuning.Tuned,
                    FeatureCosts = rest.Contains("--features"),
                };
                if (rest.Contains("--fts5-tuning"))
                    Fts5TuningSweep.Run(peer, Fts5Tuning.Sweep(), output);
                else
                    PeerBenchmark.Run(peer, output);
                return 0;
            case QueryCost.Verb:
                var costIndex = Options.String(rest, "--index", "");
                QueryCost.Run(BenchmarkCorpus.Load(error), costIndex.Length > 0 ? costIndex : null, Options.Int(rest, "--queries", 500, minimum: 1), Options.Int(rest, "--seed", 42), Options.Int(rest, "--passes", 3, minimum: 1), rest.Contains("--allocations"), Options.String(rest, "--dump", "") is { Length: > 0 } dump ? dump : null, output);
                return 0;
            case "duplicates":
                DuplicateBenchmark.Run(BenchmarkCorpus.Load(error), Options.Int(rest, "--repetitions", 2, minimum: 1), output);
                return 0;
            case "extraction":
                ExtractionInputs.Run(Options.Int(rest, "--rounds", 3, minimum: 1), output);
                return 0;
            case "batch":
                BatchBenchmark.Run(Options.Int(rest, "--entries", 1_000, minimum: 1), Options.Int(rest, "--rounds", 3, minimum: 1), output);
                return 0;
            case ClusterMemory.Verb:
                ClusterMemory.Run(Options.Int(rest, "--clusters", 1_000_000), output);
                return 0;
            case ReutersJsonLines.Verb:
                output.WriteLine($"{ReutersJsonLines.Write(ReutersReader.ReadFolder(BenchmarkCorpus.Shared("reuters21578")), Options.String(rest, "--out", "reuters.jsonl"))} stories written");
                return 0;
            case EndToEndIndexing.Verb:
                EndToEndIndexing.Run(Options.String(rest, "--file", "reuters.jsonl"), Options.All(rest, "--search"), Options.Int(rest, "--rounds", 5, minimum: 1), output);
                return 0;
            case RefreshBenchmark.Verb:
                RefreshBenchmark.Run(BenchmarkCorpus.Load(error), Options.Int(rest, "--rounds", 60, minimum: 1), Options.Int(rest, "--batch", 50, minimum: 1), Options.Int(rest, "--after", 3, minimum: 1), output);
                return 0;
            case "breakdown":
                var writers = Options.String(rest, "--writers", "");
                BuildCostBreakdown.Run(BenchmarkCorpus.Load(error), output, Options.Int(rest, "--rounds", 3, minimum: 1), writers.Length > 0 ? writers.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null);
                return 0;
            case "beir" or "sweep":
                var scifact = BenchmarkCorpus.FindUp(Path.Combine("shared", "corpora", "scifact"));
                var beir = new BeirOptions
                {
                    Corpus = Options.String(rest, "--corpus-file", scifact is null ? "" : Path.Combine(scifact, "corpus.jsonl")),
                    Queries = Options.String(rest, "--queries-file", scifact is null ? "" : Path.Combine(scifact, "queries.jsonl")),
                    Qrels = Options.String(rest, "--qrels", scifact is null ? "" : Path.Combine(scifact, "qrels", "train.tsv")),
                    K1 = Options.Float(rest, "--k1", 1.2f),
                    B = Options.Float(rest, "--b", 0.75f),
                    TitleBoost = Options.Float(rest, "--title-boost", 2f),
                };
                if (beir.B is < 0 or > 1)
                    throw new UsageException("--b must be between 0 and 1.");
                foreach (var (option, file) in new[] { ("--corpus-file", beir.Corpus), ("--queries-file", beir.Queries), ("--qrels", beir.Qrels) })
                {
                    if (!File.Exists(file))
                        throw new UsageException(file.Length == 0
                            ? $"No {option} given and ../shared/corpora/scifact was not found."
                            : $"The file '{file}' ({option}) does not exist.");
                }
                if (rest[0] == "beir")
                    BeirEvaluation.Run(beir, output);
                else if (rest.Contains("--analysis"))
                    AnalysisVariants.Run(new BeirOptionsLike(beir.Corpus, beir.Queries, beir.Qrels), beir.K1, beir.B, beir.TitleBoost, output);
                else
                    BeirEvaluation.Sweep(beir, Options.Grid(rest) ?? Options.SweepSettings(), output);
                return 0;
            case "scale":
                var total = Options.Int(rest, "--docs", 1_000_000);
                var wiki = BenchmarkCorpus.Shared("wikipedia_en");
                var limit = Options.Int(rest, "--minutes", 0);
                var plots = Options.String(rest, "--plots", "");
                var indexPath = Options.String(rest, "--index", "");
                ScaleBenchmark.Run(new ScaleOptions
                {
                    Documents = CorpusRepeater.Repeat(() => WikipediaReader.Paragraphs(WikipediaReader.ReadFolder(wiki)), total),
                    CorpusDescription = "Wikipedia paragraph documents (>= 200 chars; repeated with new ids past the end)",
                    Checkpoints = Options.Checkpoints(total),
                    Queries = Options.Int(rest, "--queries", 200),
                    Passes = Options.Int(rest, "--passes", 3),
                    PlotDirectory = plots.Length > 0 ? plots : null,
                    IndexPath = indexPath.Length > 0 ? indexPath : null,
                    TimeLimit = limit > 0 ? TimeSpan.FromMinutes(limit) : null,
                }, output);
                return 0;
            case ExportProbe.Verb:
                ExportProbe.RunChild(Options.String(rest, "--index", ""), output);
                return 0;
            case ElasticExportProbe.Verb:
                ElasticExportProbe.Run(Options.String(rest, "--index", ""), Options.String(rest, "--out", ""), output);
                return 0;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(BenchmarkTool).Assembly).Run(rest);
                return 0;
        }
    }
}
