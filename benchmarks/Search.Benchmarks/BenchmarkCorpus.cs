using Search.Benchmarks.Corpora;
using Search.Core;
using Search.Ingest;
using Search.Ingest.Reading;

namespace Search.Benchmarks;

/// <summary>
/// Which articles a benchmark runs on. Selected by the <c>SEARCH_BENCH_CORPUS</c> environment variable
/// (or <c>--corpus</c>, which sets it): <c>generated</c> (default), <c>sample</c> (index/samples),
/// <c>reuters</c> or <c>wikipedia</c> (from ../shared/corpora, when present), or a path to a folder of
/// article files. <c>SEARCH_BENCH_DOCS</c> caps the count.
/// </summary>
internal static class BenchmarkCorpus
{
    public const string Variable = "SEARCH_BENCH_CORPUS";
    public const string LimitVariable = "SEARCH_BENCH_DOCS";

    public static string Name => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } name ? name : "generated";

    public static int? Limit => int.TryParse(Environment.GetEnvironmentVariable(LimitVariable), out var n) && n > 0 ? n : null;

    /// <summary>The selected corpus; files of a folder that cannot be read are named on <paramref name="skipped"/> when given.</summary>
    public static IReadOnlyList<Article> Load(TextWriter? skipped = null) => Load(Name, Limit, skipped);

    public static IReadOnlyList<Article> Load(string name, int? limit, TextWriter? skipped = null)
    {
        var articles = name.ToLowerInvariant() switch
        {
            "generated" => SyntheticCorpus.Generate(limit ?? 5_000, seed: 1),
            "sample" => ReadFiles(FindUp(Path.Combine("index", "samples")) ?? throw new UsageException("index/samples was not found above the working folder; run from inside the repository."), skipped),
            "reuters" => ReutersReader.ReadFolder(Shared("reuters21578")),
            "wikipedia" => WikipediaReader.ReadFolder(Shared("wikipedia_en")).Select(WikipediaReader.ToArticle),
            _ when Directory.Exists(name) || File.Exists(name) => ReadFiles(name, skipped),
            _ => throw new UsageException($"Unknown corpus '{name}': use generated, sample, reuters, wikipedia or a folder of articles."),
        };
        var list = (limit is { } n ? articles.Take(n) : articles).ToList();
        return list.Count > 0 ? list : throw new UsageException($"The corpus '{name}' has no articles.");
    }

    /// <summary>A shared corpus folder, looked up from the working folder and the program's folder upwards.</summary>
    public static string Shared(string corpus) =>
        SharedCorpora.Find(corpus)
        ?? throw new UsageException($"The shared corpus '{corpus}' was not found (expected ../shared/corpora/{corpus} beside the repository).");

    public static string? FindUp(string relative) => SharedCorpora.FindUp(relative);

    private static IEnumerable<Article> ReadFiles(string path, TextWriter? skipped)
    {
        foreach (var result in new ArticleFileReader().Read(path))
        {
            if (result is IngestedArticle { Article: var article })
                yield return article;
            else if (result is SkippedFile file)
                skipped?.WriteLine($"skipped {file.Path}: {file.Reason}");
        }
    }
}
