using System.Globalization;

namespace Search.Benchmarks;

/// <summary>Arguments the tool cannot use: reported as one sentence, without a stack trace.</summary>
internal sealed class UsageException(string message) : Exception(message);

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

    /// <summary>Every value given for an option that may be repeated, in order.</summary>
    public static IReadOnlyList<string> All(string[] args, string name) =>
        args.Select((arg, i) => (arg, i)).Where(a => a.arg == name && a.i + 1 < args.Length).Select(a => args[a.i + 1]).ToArray();

    public static int Int(string[] args, string name, int fallback)
    {
        var text = String(args, name, fallback.ToString(CultureInfo.InvariantCulture));
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"'{text}' is not a whole number ({name}).");
    }

    /// <summary>A whole number option that must be at least <paramref name="minimum"/>.</summary>
    public static int Int(string[] args, string name, int fallback, int minimum)
    {
        var value = Int(args, name, fallback);
        return value >= minimum ? value : throw new UsageException($"{name} must be at least {minimum}.");
    }

    public static float Float(string[] args, string name, float fallback)
    {
        var text = String(args, name, fallback.ToString(CultureInfo.InvariantCulture));
        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && float.IsFinite(value)
            ? value
            : throw new UsageException($"'{text}' is not a number ({name}).");
    }

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
