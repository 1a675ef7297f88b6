namespace Search.Ingest.Reading;

/// <summary>Opens and reads article files within the size limits and stall timeout of <see cref="IngestOptions"/>.</summary>
internal sealed class FileContent(IngestOptions options)
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>The options the limits come from.</summary>
    public IngestOptions Options { get; } = options;

    /// <summary>Opens <paramref name="path"/> for reading in chunks.</summary>
    public StallGuardedStream Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan), Options.StallTimeout);

    /// <summary>The whole file as text, decoded by <see cref="TextDecoder"/>.</summary>
    /// <exception cref="ArticleReadException">The file is over <see cref="IngestOptions.MaxFileBytes"/>, not text, or empty.</exception>
    public string ReadText(string path)
    {
        if (!TextDecoder.TryDecode(ReadBytes(path), out var text, out var reason))
            throw new ArticleReadException(reason!);
        if (string.IsNullOrWhiteSpace(text))
            throw new ArticleReadException("The file is empty.");
        return text;
    }

    private byte[] ReadBytes(string path)
    {
        var max = Options.MaxFileBytes;
        var length = new FileInfo(path).Length;
        if (length > max)
            throw new ArticleReadException($"The file is {length:N0} bytes, over the limit of {max:N0} bytes.");
        using var stream = Open(path);
        using var content = new MemoryStream((int)length);
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            // The file may have grown since its length was taken.
            if (content.Length + read > max)
                throw new ArticleReadException($"The file grew past the limit of {max:N0} bytes while it was read.");
            content.Write(chunk, 0, read);
        }
        return content.ToArray();
    }
}
