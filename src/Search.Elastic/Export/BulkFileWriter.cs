using System.Buffers;
using System.Globalization;

namespace Search.Elastic.Export;

/// <summary>
/// Writes <c>_bulk</c> line pairs into numbered files (<c>bulk-0001.ndjson</c>, …) in a folder, starting
/// a new file before one would grow past the size limit, so every file can be sent as one request.
/// Only the pair being written is held in memory.
/// </summary>
internal sealed class BulkFileWriter : IDisposable
{
    private readonly string _folder;
    private readonly long _maxBytes;
    private readonly ArrayBufferWriter<byte> _pair = new(16 * 1024);
    private readonly List<string> _files = [];
    private FileStream? _current;

    public BulkFileWriter(string folder, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        _folder = folder;
        _maxBytes = maxBytes;
    }

    /// <summary>The bulk file name pattern a folder's files are written and read by.</summary>
    public const string Pattern = "bulk-*.ndjson";

    /// <summary>The files written so far, in order.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>Writes one action and source pair, produced by <paramref name="write"/> into a buffer.</summary>
    public void Write(Action<IBufferWriter<byte>> write)
    {
        _pair.ResetWrittenCount();
        write(_pair);
        // A pair larger than the limit goes alone into a file of its own: the engine takes it or
        // reports it, which says more than dropping it here.
        if (_current is null || (_current.Length > 0 && _current.Length + _pair.WrittenCount > _maxBytes))
            StartFile();
        _current!.Write(_pair.WrittenSpan);
    }

    /// <summary>The file name of the <paramref name="number"/>th bulk file (from 1).</summary>
    public static string FileName(int number) => $"bulk-{number.ToString("D4", CultureInfo.InvariantCulture)}.ndjson";

    private void StartFile()
    {
        _current?.Dispose();
        var path = Path.Combine(_folder, FileName(_files.Count + 1));
        _current = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        _files.Add(path);
    }

    public void Dispose() => _current?.Dispose();
}
