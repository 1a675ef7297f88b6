using Search.Benchmarks.Corpora;
using Search.Core;

namespace Search.Reliability;

/// <summary>A temporary index of synthetic articles in one commit, removed on dispose.</summary>
public sealed class SyntheticIndex : IDisposable
{
    /// <summary>Indexes <paramref name="articles"/> synthetic articles (80 body words each) into a new temp folder.</summary>
    public SyntheticIndex(string name, int articles, int seed)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"search-{name}-" + Guid.NewGuid().ToString("N")[..8]);
        using var writer = ArticleWriter.Open(Path);
        foreach (var article in SyntheticCorpus.Generate(articles, seed, bodyWords: 80))
            writer.Upsert(article);
        writer.Commit(name + " check");
    }

    /// <summary>The index folder.</summary>
    public string Path { get; }

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
