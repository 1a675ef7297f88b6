using Lucene.Net.Store;

namespace Search.Core.Tests;

public sealed class UntrackedMMapDirectoryTests
{
    [Fact]
    public void ClonesField_InThisLuceneNetVersion_IsTheTableTheInputsRegisterTheirClonesIn()
    {
        // Should a Lucene.Net upgrade rename the field, clones would be tracked again and every
        // collection of the host would slow down; this test is the reminder to look.
        Assert.NotNull(UntrackedMMapDirectory.ClonesField);
    }

    [Fact]
    public void OpenInput_WhenCloned_ReadsTheSameBytesWithoutRegisteringTheClone()
    {
        using var test = new TestIndex([Articles.Make("a", "First", "alpha beta gamma")]);
        using var directory = new UntrackedMMapDirectory(test.Path);
        var file = directory.ListAll().First(name => name.EndsWith(".tim", StringComparison.Ordinal));
        using var input = directory.OpenInput(file, IOContext.DEFAULT);

        var clone = (IndexInput)input.Clone();
        clone.Seek(4);
        var expected = new byte[8];
        input.Seek(4);
        input.ReadBytes(expected, 0, expected.Length);
        var actual = new byte[8];
        clone.ReadBytes(actual, 0, actual.Length);

        Assert.Null(UntrackedMMapDirectory.ClonesField!.GetValue(input));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void OpenInput_WhileTheFileIsStillBeingWritten_OpensItOrThrowsAnIOException()
    {
        // A commit point a writer is still writing grows while a reader opens it; Lucene retries such a
        // file on an IOException, and anything else ended the process of a background refresh.
        var folder = Path.Combine(Path.GetTempPath(), "search-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        try
        {
            using var directory = new UntrackedMMapDirectory(folder);
            var path = Path.Combine(folder, "growing");
            using var stop = new CancellationTokenSource();
            File.WriteAllBytes(path, new byte[16]);
            // Written afresh again and again, as a writer writes each new commit point: created empty, then grown.
            var writer = Task.Run(() =>
            {
                var chunk = new byte[64];
                while (!stop.IsCancellationRequested)
                {
                    using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                    for (var i = 0; i < 20 && !stop.IsCancellationRequested; i++)
                    {
                        stream.Write(chunk);
                        stream.Flush();
                    }
                }
            });
            var opened = 0;
            var retried = 0;
            var deadline = DateTime.UtcNow.AddSeconds(3);
            while (DateTime.UtcNow < deadline && retried < 100)
            {
                try
                {
                    directory.OpenInput("growing", IOContext.DEFAULT).Dispose();
                    opened++;
                }
                catch (IOException)
                {
                    retried++;
                }
            }
            stop.Cancel();
            writer.Wait();

            Assert.True(opened > 0, $"the file opened {opened} times and asked for a retry {retried} times");
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
