using System.Globalization;
using BenchmarkDotNet.Running;
using Search.Benchmarks;
using Search.Benchmarks.Corpora;
using Search.Benchmarks.Peer;
using Search.Benchmarks.Relevance;
using Search.Benchmarks.Scale;

// Verbs run the measurement entry points directly; anything else goes to BenchmarkDotNet
// (for example: --filter '*Search*' --job short). --corpus and --docs select the data for both.
var rest = Options.TakeCorpusOptions(args);
switch (rest.FirstOrDefault())
{
    case "peer":
        PeerBenchmark.Run(new PeerOptions
        {
            Corpus = BenchmarkCorpus.Load(),
            CorpusName = BenchmarkCorpus.Name,
            Queries = Options.Int(rest, "--queries", 500),
            Seed = Options.Int(rest, "--seed", 42),
            Repetitions = Options.Int(rest, "--repetitions", 3),
            IndexThreads = Options.Int(rest, "--index-threads", 1),
        }, Console.Out);
        return 0;
    case "breakdown":
        BuildCostBreakdown.Run(BenchmarkCorpus.Load(), Console.Out);
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
        if (rest[0] == "beir")
            BeirEvaluation.Run(beir, Console.Out);
        else if (rest.Contains("--analysis"))
            AnalysisVariants.Run(new BeirOptionsLike(beir.Corpus, beir.Queries, beir.Qrels), beir.K1, beir.B, beir.TitleBoost, Console.Out);
        else
            BeirEvaluation.Sweep(beir, Options.Grid(rest) ?? Options.SweepSettings(), Console.Out);
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
            PlotDirectory = plots.Length > 0 ? plots : null,
            IndexPath = indexPath.Length > 0 ? indexPath : null,
            TimeLimit = limit > 0 ? TimeSpan.FromMinutes(limit) : null,
        }, Console.Out);
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Options).Assembly).Run(rest);
        return 0;
}

/// <summary>Argument helpers for the verbs.</summary>
internal static class Options
{
    /// <summary>Turns --corpus / --docs into the environment variables the benchmarks read (child processes inherit them) and returns the other arguments.</summary>
    public static string[] TakeCorpusOptions(string[] args)
    {
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--corpus" && i + 1 < args.Length)
                Environment.SetEnvironmentVariable(BenchmarkCorpus.Variable, args[++i]);
            else if (args[i] == "--docs" && i + 1 < args.Length && !args.Contains("scale"))
                Environment.SetEnvironmentVariable(BenchmarkCorpus.LimitVariable, args[++i]);
            else
                rest.Add(args[i]);
        }
        return rest.ToArray();
    }

    public static string String(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    public static int Int(string[] args, string name, int fallback) =>
        int.Parse(String(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public static float Float(string[] args, string name, float fallback) =>
        float.Parse(String(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public static IReadOnlyList<int> Checkpoints(int total) =>
        new[] { 10_000, 30_000, 100_000, 300_000, 1_000_000 }.Where(c => c < total).Append(total).ToArray();

    /// <summary>The grid given by --k1s, --bs and --boosts (comma-separated lists), or <c>null</c> when none is given.</summary>
    public static IEnumerable<(float, float, float)>? Grid(string[] args)
    {
        if (!args.Contains("--k1s") && !args.Contains("--bs") && !args.Contains("--boosts"))
            return null;
        float[] List(string name, string fallback) =>
            String(args, name, fallback).Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var k1s = List("--k1s", "1.2");
        var bs = List("--bs", "0.75");
        var boosts = List("--boosts", "2");
        return from k1 in k1s from b in bs from boost in boosts select (k1, b, boost);
    }

    /// <summary>The relevance sweep: the baseline, then one change at a time, then combinations.</summary>
    public static IEnumerable<(float, float, float)> SweepSettings()
    {
        yield return (1.2f, 0.75f, 2f);
        foreach (var boost in new[] { 1f, 1.5f, 3f })
            yield return (1.2f, 0.75f, boost);
        foreach (var k1 in new[] { 0.6f, 0.9f, 1.5f, 2.0f })
            yield return (k1, 0.75f, 2f);
        foreach (var b in new[] { 0.4f, 0.6f, 0.9f, 1.0f })
            yield return (1.2f, b, 2f);
        foreach (var (k1, b) in new[] { (0.9f, 0.4f), (0.9f, 0.9f), (1.5f, 0.9f), (2.0f, 0.9f), (1.5f, 1.0f) })
            foreach (var boost in new[] { 1f, 2f })
                yield return (k1, b, boost);
    }
}
