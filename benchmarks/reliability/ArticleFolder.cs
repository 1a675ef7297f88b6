using System.Text;
using Search.Benchmarks.Corpora;

namespace Search.Reliability;

/// <summary>A temporary folder of synthetic articles as .txt files (title on the first line), removed on dispose.</summary>
public sealed class ArticleFolder : IDisposable
{
    /// <summary>Writes <paramref name="count"/> articles into a new folder under <paramref name="parent"/> (default: the temp folder).</summary>
    public ArticleFolder(int count, string? parent = null, int seed = 1)
    {
        Root = Path.Combine(parent ?? Path.GetTempPath(), "search-reliability-" + Guid.NewGuid().ToString("N")[..8]);
        Articles = Path.Combine(Root, "articles");
        Directory.CreateDirectory(Articles);
        foreach (var article in SyntheticCorpus.Generate(count, seed, bodyWords: 60))
            File.WriteAllText(Path.Combine(Articles, article.Id + ".txt"), article.Title + "\n\n" + article.Body + "\n", Encoding.UTF8);
        Count = count;
    }

    /// <summary>The scratch folder (articles and index inside).</summary>
    public string Root { get; }

    /// <summary>The folder of .txt articles.</summary>
    public string Articles { get; }

    /// <summary>A fresh index folder path inside <see cref="Root"/>.</summary>
    public string IndexPath(string name = "index") => Path.Combine(Root, name);

    /// <summary>How many articles were written.</summary>
    public int Count { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise (a read-only mount left behind by a failed check).
        }
    }
}
