using Lucene.Net.Store;

namespace Search.Core;

/// <summary>
/// The directory a writer works through: Lucene.Net's buffered file reads, for merging, and
/// <see cref="ChecksummedFileOutput"/> for every file it writes. Files are made durable when a
/// commit syncs them, as Lucene's own file outputs are: each closed file is recorded as not yet
/// synced, and <see cref="FSDirectory.Sync"/> forces exactly those of the commit to disk.
/// </summary>
internal sealed class WritingDirectory(string path) : NIOFSDirectory(path)
{
    /// <inheritdoc />
    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        EnsureOpen();
        EnsureCanWrite(name);
        return new ChecksummedFileOutput(Path.Combine(m_directory.FullName, name), () => Written(name));
    }

    private void Written(string name)
    {
        lock (m_syncLock)
            m_staleFiles.Add(name);
    }
}
