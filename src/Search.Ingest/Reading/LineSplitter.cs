namespace Search.Ingest.Reading;

/// <summary>One line of a file: its 1-based number, and its bytes without the line break unless it was too long.</summary>
/// <param name="Number">The 1-based line number.</param>
/// <param name="Bytes">The line's bytes, or <c>null</c> when it was longer than the limit (and so not kept).</param>
/// <param name="Length">The line's length in bytes.</param>
internal sealed record FileLine(int Number, byte[]? Bytes, long Length);

/// <summary>
/// Splits a stream into lines as it reads, holding at most one line in memory; a line over the
/// limit is measured and dropped rather than kept, so one huge record cannot exhaust memory.
/// </summary>
internal static class LineSplitter
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>The lines of <paramref name="stream"/>, each at most <paramref name="maxLineBytes"/> long (longer ones come back without bytes).</summary>
    public static IEnumerable<FileLine> Split(StallGuardedStream stream, long maxLineBytes)
    {
        var chunk = new byte[ChunkBytes];
        var line = new MemoryStream();
        long length = 0;
        byte last = 0;
        var number = 1;
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            var start = 0;
            while (start < read)
            {
                var newline = Array.IndexOf(chunk, (byte)'\n', start, read - start);
                var end = newline < 0 ? read : newline;
                length += end - start;
                if (end > start)
                    last = chunk[end - 1];
                if (length <= maxLineBytes)
                    line.Write(chunk, start, end - start);
                if (newline < 0)
                    break;
                yield return Finish(number++, line, length, last, maxLineBytes);
                line.SetLength(0);
                length = 0;
                last = 0;
                start = newline + 1;
            }
        }
        if (length > 0)
            yield return Finish(number, line, length, last, maxLineBytes);
    }

    private static FileLine Finish(int number, MemoryStream line, long length, byte last, long maxLineBytes)
    {
        // Windows line endings: the break is "\r\n", and the "\r" is not part of the record.
        var carriageReturn = last == (byte)'\r' ? 1 : 0;
        if (length > maxLineBytes)
            return new FileLine(number, null, length - carriageReturn);
        var bytes = line.ToArray();
        return new FileLine(number, bytes[..^carriageReturn], length - carriageReturn);
    }
}
