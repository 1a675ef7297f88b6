using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Search.Core.Tests;

public sealed class WritingDirectoryTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "search-writing-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_path))
            System.IO.Directory.Delete(_path, recursive: true);
    }

    [Fact]
    public void CreateOutput_WritesTheBytesAndChecksumLucenesOwnOutputWrites()
    {
        // Single bytes, small arrays, an array that crosses the buffer's end and one larger than
        // the buffer, with the checksum read between writes as a codec's footer reads it.
        var random = new Random(7);
        var big = new byte[100_000];
        random.NextBytes(big);
        var ours = Write(new WritingDirectory(Path.Combine(_path, "ours")), "file", big);
        var lucenes = Write(new SimpleFSDirectory(Path.Combine(_path, "lucene")), "file", big);

        Assert.Equal(lucenes.Checksums, ours.Checksums);
        Assert.Equal(lucenes.Position, ours.Position);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_path, "lucene", "file")), File.ReadAllBytes(Path.Combine(_path, "ours", "file")));
    }

    [Fact]
    public void Output_AfterDispose_RefusesWrites()
    {
        using var directory = new WritingDirectory(_path);
        var output = directory.CreateOutput("file", IOContext.DEFAULT);
        output.WriteByte(1);
        output.Dispose();

        Assert.Throws<ObjectDisposedException>(() => output.WriteByte(2));
        Assert.Equal([1], File.ReadAllBytes(Path.Combine(_path, "file")));
    }

    [Fact]
    public void ArticleWriter_WritesAnIndexThatCheckIndexFindsClean()
    {
        using (var writer = ArticleWriter.Open(_path))
        {
            for (var n = 0; n < 300; n++)
            {
                writer.Upsert(Articles.Make($"a{n}", $"Title {n}", string.Join(' ', Enumerable.Range(0, 200).Select(w => $"word{(w * n) % 97}"))));
                if (n % 100 == 99)
                    writer.Commit();
            }
            writer.MergeSegments();
            writer.Commit();
        }
        using var directory = FSDirectory.Open(_path);
        var status = new CheckIndex(directory).DoCheckIndex();

        using var reader = DirectoryReader.Open(directory);

        Assert.True(status.Clean);
        Assert.Equal(300, reader.NumDocs);
    }

    private static (long[] Checksums, long Position) Write(Lucene.Net.Store.Directory directory, string name, byte[] big)
    {
        using (directory)
        {
            using var output = directory.CreateOutput(name, IOContext.DEFAULT);
            var checksums = new List<long>();
            for (var i = 0; i < 40_000; i++)
                output.WriteByte((byte)(i * 31));
            checksums.Add(output.Checksum);
            output.WriteBytes(big, 3, 20);
            output.WriteBytes(big, 0, 30_000);
            checksums.Add(output.Checksum);
            output.WriteBytes(big, 0, big.Length);
            output.WriteInt64(0x0102030405060708);
            checksums.Add(output.Checksum);
            return ([.. checksums], output.Position);
        }
    }
}
