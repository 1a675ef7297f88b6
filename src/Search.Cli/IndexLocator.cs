using Search.Core;
using Search.Ingest.Indexing;
using Search.Ingest.Reading;

namespace Search.Cli;

/// <summary>
/// Decides which index folder a command uses: the one given with <c>--index</c>, else the embedded
/// default <c>index/.index</c> of the repository, which is built from <c>index/samples</c> the first
/// time it is needed.
/// </summary>
internal sealed class IndexLocator
{
    private readonly IReadOnlyList<string> _searchFrom;

    /// <summary>Looks for the repository from each of <paramref name="searchFrom"/> upwards, in order.</summary>
    public IndexLocator(params string[] searchFrom) => _searchFrom = searchFrom;

    /// <summary>The folder a repository root holds its samples in, relative to the root.</summary>
    public const string SamplesFolder = "index/samples";

    /// <summary>The repository root: the nearest folder holding <c>Search.sln</c> and <c>index/samples</c>, or <c>null</c>.</summary>
    public string? FindRepositoryRoot()
    {
        foreach (var start in _searchFrom)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Search.sln")) && Directory.Exists(Path.Combine(dir.FullName, SamplesFolder)))
                    return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>The folder to write to: <paramref name="explicitPath"/>, else the embedded default.</summary>
    /// <exception cref="UsageException">No path was given and there is no repository to default to.</exception>
    public string ResolveForWriting(string? explicitPath) =>
        explicitPath is not null ? Path.GetFullPath(explicitPath) : DefaultIndex(RequireRoot());

    /// <summary>
    /// Opens the index to search. Without <paramref name="explicitPath"/> the embedded default is
    /// used, built from the samples (with one line on <paramref name="error"/>) when it does not exist yet.
    /// </summary>
    /// <exception cref="IndexNotFoundException">The given folder holds no index.</exception>
    public SearchIndex Open(string? explicitPath, TextWriter error, CancellationToken cancellation = default)
    {
        if (explicitPath is not null)
            return SearchIndex.Open(explicitPath);
        var root = RequireRoot();
        var path = DefaultIndex(root);
        try
        {
            return SearchIndex.Open(path);
        }
        catch (IndexNotFoundException)
        {
            error.WriteLine($"Building the sample index from {SamplesFolder} (first use)…");
            using (var writer = ArticleWriter.Open(path))
            {
                var samples = Path.Combine(root, "index", "samples");
                new ArticleIndexer(writer, "search (first use)").IndexPaths(new ArticleFileReader(), [samples], cancellation: cancellation);
            }
            return SearchIndex.Open(path);
        }
    }

    private static string DefaultIndex(string root) => Path.GetFullPath(Path.Combine(root, SearchLimits.DefaultIndexPath));

    private string RequireRoot() =>
        FindRepositoryRoot() ?? throw new UsageException(
            $"No --index was given and no repository with {SamplesFolder} was found above the current folder; pass --index <folder>.");
}
