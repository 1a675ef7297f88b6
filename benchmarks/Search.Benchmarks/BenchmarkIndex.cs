using Search.Core;

namespace Search.Benchmarks;

/// <summary>
/// The index the query benchmarks search: built once per corpus and size into the temp folder and
/// reused by every benchmark case (BenchmarkDotNet runs each case in a process of its own).
/// </summary>
internal static class BenchmarkIndex
{
    public static (SearchIndex Index, IReadOnlyList<Article> Articles) Open()
    {
        var articles = BenchmarkCorpus.Load();
        var key = string.Concat(BenchmarkCorpus.Name.Split(Path.GetInvalidFileNameChars())).Replace('/', '_');
        var path = Path.Combine(Path.GetTempPath(), $"search-bench-index-{key}-{articles.Count}");
        var complete = Path.Combine(path, "complete.marker");
        if (!File.Exists(complete))
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
            using (var writer = ArticleWriter.Open(path))
            {
                foreach (var article in articles)
                    writer.Upsert(article);
                writer.Commit("benchmark");
            }
            File.WriteAllText(complete, DateTimeOffset.UtcNow.ToString("O"));
        }
        return (SearchIndex.Open(path), articles);
    }
}
