using System.IO.Hashing;
using Lucene.Net.Store;

namespace Search.Core;

/// <summary>
/// A new index file, written through an array and checksummed a full array at a time. Lucene.Net
/// 4.8's own output hands every byte to the file stream and to a table-driven CRC-32 one call each,
/// and postings, doc values and stored-field headers are written a byte at a time (variable-length
/// integers): in perf, 5 % of a plain Lucene.Net build of Reuters stories. The checksum is the same
/// CRC-32 (the polynomial of java.util.zip, which System.IO.Hashing also computes), written into each
/// file's footer and verified by Lucene when the file is read.
/// </summary>
internal sealed class ChecksummedFileOutput : IndexOutput
{
    private const int BufferSize = 32 * 1024;

    private readonly FileStream _file;
    private readonly Action _closed;
    private readonly Crc32 _crc = new();
    private byte[] _buffer = new byte[BufferSize];
    private int _count;
    private long _written;
    private bool _disposed;

    /// <summary>Creates (or truncates) the file at <paramref name="path"/>; <paramref name="closed"/> runs once the file is complete.</summary>
    public ChecksummedFileOutput(string path, Action closed)
    {
        // No buffer in the stream: this class buffers, and the checksum must see each byte once.
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        _closed = closed;
    }

    /// <inheritdoc />
    public override void WriteByte(byte b)
    {
        if (_count == _buffer.Length)
            Drain();
        _buffer[_count++] = b;
    }

    /// <inheritdoc />
    public override void WriteBytes(byte[] b, int offset, int length)
    {
        var bytes = b.AsSpan(offset, length);
        if (bytes.Length > _buffer.Length - _count)
        {
            Drain();
            if (bytes.Length >= _buffer.Length)
            {
                Write(bytes);
                return;
            }
        }
        bytes.CopyTo(_buffer.AsSpan(_count));
        _count += bytes.Length;
    }

    /// <inheritdoc />
    public override void Flush() => Drain();

    /// <inheritdoc />
    public override long Position => _written + _count;

    /// <inheritdoc />
    public override long Length => Position;

    /// <summary>The CRC-32 of every byte written so far, as Lucene's footer records it.</summary>
    public override long Checksum
    {
        get
        {
            Drain();
            return _crc.GetCurrentHashAsUInt32();
        }
    }

    /// <summary>Not supported: Lucene 4.8's codecs write every file front to back.</summary>
    [Obsolete("Lucene 4.8 deprecates seeking on an output; its codecs do not seek.")]
    public override void Seek(long pos) => throw new NotSupportedException("An index file is written front to back.");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!disposing || _disposed)
            return;
        try
        {
            Drain();
        }
        finally
        {
            _disposed = true;
            // An empty buffer sends any later write to Drain, which reports the disposal.
            _buffer = [];
            _count = 0;
            _file.Dispose();
            _closed();
        }
    }

    private void Drain()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_count == 0)
            return;
        Write(_buffer.AsSpan(0, _count));
        _count = 0;
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _crc.Append(bytes);
        _file.Write(bytes);
        _written += bytes.Length;
    }
}
