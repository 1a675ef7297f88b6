namespace Search.Core;

/// <summary>A commit whose files are kept in the index folder until it is unpinned (<see cref="ArticleWriter.PinLastCommit"/>).</summary>
/// <param name="IndexPath">The index folder.</param>
/// <param name="Generation">The commit's generation.</param>
/// <param name="SegmentsFile">The commit's own file, which names the others.</param>
/// <param name="Files">Every file of the commit, the segments file included.</param>
/// <param name="CommittedAt">When the commit was made, if recorded.</param>
public sealed record PinnedCommit(string IndexPath, long Generation, string SegmentsFile, IReadOnlyList<string> Files, DateTimeOffset? CommittedAt);

/// <summary>What a snapshot copied.</summary>
/// <param name="Destination">The folder written, which opens as an index.</param>
/// <param name="Generation">The generation of the commit copied.</param>
/// <param name="Files">How many files were copied.</param>
/// <param name="Bytes">How many bytes were copied.</param>
/// <param name="CommittedAt">When the copied commit was made, if recorded.</param>
public sealed record SnapshotReport(string Destination, long Generation, int Files, long Bytes, DateTimeOffset? CommittedAt);

/// <summary>
/// Consistent copies of an index while it is searched and written: pin the last commit with a writer,
/// release the writer, copy the pinned files, then unpin. Lucene never rewrites a file, so a copy of
/// one commit's files is that commit, whatever was committed meanwhile.
/// </summary>
public static class IndexSnapshot
{
    /// <summary>
    /// Pins the last commit of <paramref name="indexPath"/>, copies it to <paramref name="destination"/> and unpins it.
    /// <paramref name="withWriter"/> runs each of the two short writer steps; a program that shares the
    /// folder's writer between threads (the host) passes its own gate, others open the writer in it.
    /// </summary>
    /// <exception cref="SearchException">The destination is not empty, or the index has no commit.</exception>
    public static SnapshotReport Take(string indexPath, string destination, Action<Action<ArticleWriter>> withWriter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexPath);
        ArgumentNullException.ThrowIfNull(withWriter);
        CheckDestination(indexPath, destination);
        PinnedCommit? pinned = null;
        withWriter(writer => pinned = writer.PinLastCommit());
        try
        {
            return Copy(pinned!, destination);
        }
        finally
        {
            withWriter(writer => writer.Unpin(pinned!));
        }
    }

    /// <summary>
    /// Copies a pinned commit to <paramref name="destination"/>, an absent or empty folder. The segments file
    /// is copied last, so an interrupted copy is not mistaken for an index.
    /// </summary>
    /// <exception cref="SearchException">The destination is not empty or is the index itself.</exception>
    public static SnapshotReport Copy(PinnedCommit commit, string destination)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var target = CheckDestination(commit.IndexPath, destination);
        Directory.CreateDirectory(target);
        long bytes = 0;
        foreach (var file in commit.Files.Where(f => f != commit.SegmentsFile).Append(commit.SegmentsFile))
        {
            var to = System.IO.Path.Combine(target, file);
            File.Copy(System.IO.Path.Combine(commit.IndexPath, file), to);
            bytes += new FileInfo(to).Length;
        }
        return new SnapshotReport(target, commit.Generation, commit.Files.Count, bytes, commit.CommittedAt);
    }

    private static string CheckDestination(string indexPath, string destination)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var target = System.IO.Path.GetFullPath(destination);
        if (string.Equals(target.TrimEnd('/'), System.IO.Path.GetFullPath(indexPath).TrimEnd('/'), StringComparison.Ordinal))
            throw new SearchException($"The snapshot cannot be written into the index itself ('{target}'); name another folder.");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new SearchException($"The folder '{target}' is not empty; a snapshot is written only into a new or empty folder.");
        if (File.Exists(target))
            throw new SearchException($"'{target}' is a file; a snapshot is written into a new or empty folder.");
        return target;
    }
}
