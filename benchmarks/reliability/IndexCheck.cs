using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core;

namespace Search.Reliability;

/// <summary>What an index folder holds at its last commit, and whether Lucene's CheckIndex finds it clean.</summary>
/// <param name="Exists">Whether the folder holds a commit at all (a run killed before its first commit leaves none).</param>
/// <param name="Clean">CheckIndex found no problem (true when there is no index).</param>
/// <param name="Ids">The article ids of the last commit.</param>
public sealed record IndexCheck(bool Exists, bool Clean, IReadOnlySet<string> Ids)
{
    /// <summary>Checks the folder: CheckIndex first, then the ids through a writer (which also proves no lock was left behind).</summary>
    public static IndexCheck Of(string path)
    {
        if (!System.IO.Directory.Exists(path))
            return new IndexCheck(false, true, new HashSet<string>());
        bool clean;
        using (var directory = FSDirectory.Open(path))
        {
            if (!DirectoryReader.IndexExists(directory))
                return new IndexCheck(false, true, new HashSet<string>());
            clean = new CheckIndex(directory).DoCheckIndex().Clean;
        }
        using var writer = ArticleWriter.Open(path);
        return new IndexCheck(true, clean, writer.ListStored().Keys.ToHashSet(StringComparer.Ordinal));
    }
}
