namespace Search.Ingest.Reading;

/// <summary>
/// Reads a stream and gives up on a read that returns nothing for longer than a timeout (a file on a
/// hung network mount, a device that never answers), so one file cannot stop a run.
/// </summary>
/// <remarks>
/// An abandoned read keeps its thread-pool thread until the operating system returns; the file
/// handle is released when it does. The run itself moves on at once.
/// </remarks>
internal sealed class StallGuardedStream(Stream inner, TimeSpan stallTimeout) : IDisposable
{
    /// <summary>Reads up to <paramref name="count"/> bytes; 0 means the end of the stream.</summary>
    /// <exception cref="ArticleReadException">The read made no progress within the timeout.</exception>
    public int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.ReadAsync(buffer, offset, count);
        if (!read.IsCompleted && !((IAsyncResult)read).AsyncWaitHandle.WaitOne(stallTimeout))
            throw new ArticleReadException($"Reading made no progress for {stallTimeout.TotalSeconds:0.#} s; the file was abandoned.");
        return read.GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public void Dispose() => inner.Dispose();
}
