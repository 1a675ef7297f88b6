using System.Diagnostics;
using System.IO.Pipes;
using System.Text;
using Mono.Unix.Native;
using Search.Ingest.Reading;

namespace Search.Ingest.Tests.Reading;

/// <summary>Files and records that used to hang, multiply or abort a run: each is now one skip with a reason.</summary>
public sealed class RobustReadingTests
{
    private const string Story = "Envoy urges action against LeT\n\n\"Pakistan must act,\" Donald Lu said in Washington.\n";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    // Runs the read on another thread, so a read that would hang fails the test instead of stalling it.
    private static List<IngestResult> ReadWithin(string path, IngestOptions? options = null)
    {
        var read = Task.Run(() => new ArticleFileReader(options).Read(path).ToList());
        Assert.True(read.Wait(Patience), $"Reading {path} did not finish within {Patience.TotalSeconds} s.");
        return read.Result;
    }

    private static string[] Ids(IEnumerable<IngestResult> results) =>
        results.OfType<IngestedArticle>().Select(a => a.Article.Id).ToArray();

    private static string[] Skips(IEnumerable<IngestResult> results, string root) =>
        results.OfType<SkippedFile>().Select(s => $"{Path.GetRelativePath(root, s.Path).Replace('\\', '/')}: {s.Reason}").ToArray();

    [UnixFact]
    public void Folder_WithANamedPipe_SkipsThePipeWithoutOpeningItAndReadsTheRest()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", Story);
        Assert.Equal(0, Syscall.mkfifo(Path.Combine(folder.Path, "b.txt"), FilePermissions.DEFFILEMODE));
        folder.Write("c.txt", Story);

        var results = ReadWithin(folder.Path);

        Assert.Equal(["a.txt", "c.txt"], Ids(results));
        Assert.Equal(["b.txt: Not a regular file (a named pipe); only regular files are read."], Skips(results, folder.Path));
    }

    [UnixFact]
    public void Path_WhenANamedPipe_IsSkippedWithoutOpeningIt()
    {
        using var folder = new TempFolder();
        var pipe = Path.Combine(folder.Path, "feed.jsonl");
        Assert.Equal(0, Syscall.mkfifo(pipe, FilePermissions.DEFFILEMODE));

        var results = ReadWithin(pipe);

        Assert.Equal([new SkippedFile(new SourceRef(pipe), "Not a regular file (a named pipe); only regular files are read.")], results);
    }

    [Fact]
    public void Folder_WithASymlinkLoop_ReadsEachFileOnceAndDoesNotFollowTheLink()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", Story);
        Directory.CreateDirectory(Path.Combine(folder.Path, "sub"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "sub", "loop"), folder.Path);

        var results = ReadWithin(folder.Path);

        Assert.Equal(["a.txt"], Ids(results));
        Assert.Equal(["sub/loop: A symbolic link to a folder; links to folders are not followed unless asked to."], Skips(results, folder.Path));
    }

    [Fact]
    public void Folder_WithASymlinkLoop_WhenFollowingLinks_StillReadsEachFileOnce()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", Story);
        Directory.CreateDirectory(Path.Combine(folder.Path, "sub"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "sub", "loop"), folder.Path);

        var results = ReadWithin(folder.Path, new IngestOptions { FollowSymlinkedFolders = true });

        Assert.Equal(["a.txt"], Ids(results));
        Assert.Equal(["sub/loop: This folder was already read under another path (a symbolic link loop or a second link to it)."], Skips(results, folder.Path));
    }

    [Fact]
    public void Folder_WithALinkToAnotherFolder_WhenFollowingLinks_ReadsItUnderTheLinkName()
    {
        using var folder = new TempFolder();
        var articles = Path.Combine(folder.Path, "articles");
        folder.Write("articles/a.txt", Story);
        folder.Write("elsewhere/b.txt", Story);
        Directory.CreateSymbolicLink(Path.Combine(articles, "linked"), Path.Combine(folder.Path, "elsewhere"));

        var results = ReadWithin(articles, new IngestOptions { FollowSymlinkedFolders = true });

        Assert.Equal(["a.txt", "linked/b.txt"], Ids(results));
    }

    [UnixFact]
    public void Folder_WithAPathLongerThanTheSystemAllows_SkipsItAndReadsTheRest()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", Story);
        // Each step is relative to the last, so bash can build a path no single call could name (dash cannot).
        var name = new string('d', 250);
        var script = $"cd '{folder.Path}' && for i in $(seq 1 20); do mkdir {name} && cd {name} || exit 1; done; printf 'deep' > deep.txt";
        using (var shell = Process.Start("/bin/bash", ["-c", script]))
        {
            shell.WaitForExit();
            Assert.Equal(0, shell.ExitCode);
        }
        folder.Write("z.txt", Story);
        try
        {
            var results = ReadWithin(folder.Path);

            Assert.Equal(["a.txt", "z.txt"], Ids(results));
            var skipped = Assert.Single(results.OfType<SkippedFile>());
            Assert.EndsWith("bytes long, longer than the system accepts; move or rename it.", skipped.Reason);
        }
        finally
        {
            using var remove = Process.Start("rm", ["-rf", Path.Combine(folder.Path, name)]);
            remove.WaitForExit();
        }
    }

    [Fact]
    public void Folder_WhenAReaderThrows_SkipsThatFileWithTheReasonAndReadsTheRest()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", Story);
        folder.Write("b.html", "<html><body><p>Anything.</p></body></html>");
        folder.Write("c.txt", Story);
        var reader = new ArticleFileReader(null, [new TextFormat(), new ThrowingFormat(".html")]);

        var results = reader.Read(folder.Path).ToList();

        Assert.Equal(["a.txt", "c.txt"], Ids(results));
        Assert.Equal(["b.html: Reading failed (InvalidOperationException): Sequence contains no elements"], Skips(results, folder.Path));
    }

    [Fact]
    public void File_WhenAReaderThrowsAfterSomeRecords_KeepsThemAndNamesTheRecordWhereItStopped()
    {
        using var folder = new TempFolder();
        var path = folder.Write("feed.jsonl", "{\"id\": \"one\", \"body\": \"First story.\"}\n{\"id\": \"two\", \"body\": \"Second story.\"}\n");
        var reader = new ArticleFileReader(null, [new ThrowingFormat(".jsonl", after: 1)]);

        var results = reader.Read(path).ToList();

        Assert.Equal(["one"], Ids(results));
        Assert.Equal(
            [new SkippedFile(new SourceRef(path, 2), "Reading failed (InvalidOperationException): Sequence contains no elements The records up to 1 were read; the rest of the file was skipped.")],
            results.OfType<SkippedFile>());
    }

    [Fact]
    public void Folder_WithUnsupportedFiles_ListsThemAsSkipped()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", Story);
        folder.Write("notes.md", "# Notes");
        folder.Write("scan.pdf", "%PDF-1.4");
        folder.Write(".hidden.pdf", "%PDF-1.4");

        var results = ReadWithin(folder.Path);

        Assert.Equal(["a.txt"], Ids(results));
        Assert.Equal([
            "notes.md: Unsupported file type '.md'; expected one of .txt, .html, .htm, .json, .jsonl.",
            "scan.pdf: Unsupported file type '.pdf'; expected one of .txt, .html, .htm, .json, .jsonl.",
        ], Skips(results, folder.Path));
    }

    [Fact]
    public void Jsonl_WhenOneLineHoldsANulByte_SkipsOnlyThatLine()
    {
        using var folder = new TempFolder();
        var path = folder.Write("feed.jsonl", [
            .. Encoding.UTF8.GetBytes("{\"id\": \"one\", \"body\": \"First story.\"}\n{\"id\": \"two\", \"body\": \"Bad"),
            0,
            .. Encoding.UTF8.GetBytes(" story.\"}\n{\"id\": \"three\", \"body\": \"Third story.\"}\n"),
        ]);

        var results = ReadWithin(path);

        Assert.Equal(["one", "three"], Ids(results));
        Assert.Equal([new SkippedFile(new SourceRef(path, 2), "Line 2 contains a NUL byte, so it looks binary; the line was skipped.")], results.OfType<SkippedFile>());
    }

    [Fact]
    public void Jsonl_WhenBodyIsANumber_SkipsThatRecordAsTheWrongType()
    {
        using var folder = new TempFolder();
        var path = folder.Write("feed.jsonl", "{\"id\": \"one\", \"body\": 5}\n{\"id\": 2, \"body\": \"Second story.\"}\n");

        var results = ReadWithin(path);

        Assert.Equal(["2"], Ids(results));
        Assert.Equal([new SkippedFile(new SourceRef(path, 1), "Record 1 has a field of the wrong type: 'body' must be a string; it is a number.")], results.OfType<SkippedFile>());
    }

    [Fact]
    public void Jsonl_WhenOneLineIsOverTheRecordLimit_SkipsOnlyThatLine()
    {
        using var folder = new TempFolder();
        var path = folder.Write("feed.jsonl", $"{{\"id\": \"one\", \"body\": \"Short.\"}}\n{{\"id\": \"two\", \"body\": \"{new string('x', 200)}\"}}\r\n{{\"id\": \"three\", \"body\": \"Short.\"}}");

        var results = ReadWithin(path, new IngestOptions { MaxRecordBytes = 100 });

        Assert.Equal(["one", "three"], Ids(results));
        Assert.Equal([new SkippedFile(new SourceRef(path, 2), "Line 2 is 225 bytes, over the record limit of 100 bytes.")], results.OfType<SkippedFile>());
    }

    [Fact]
    public void Jsonl_LargerThanTheFileLimit_IsStreamedRecordByRecordWithoutAnyOption()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "archive.jsonl");
        const int records = 19_000;
        var body = new string('w', 1000);
        using (var file = new StreamWriter(path))
        {
            for (var i = 1; i <= records; i++)
                file.Write($"{{\"id\": \"r{i}\", \"title\": \"Story {i}\", \"body\": \"{body} {i}.\"}}\n");
        }
        Assert.True(new FileInfo(path).Length > 19_000_000);

        var read = new JsonLinesFormat().Read(path, "archive.jsonl", new FileContent(IngestOptions.Default)).ToList();
        var firstArticles = new ArticleFileReader().Read(path).Take(2).ToList();

        Assert.Equal(records, read.Count(r => r.Input is not null));
        Assert.Equal((1, records), (read[0].Source.Record, read[^1].Source.Record));
        Assert.Equal(["r1", "r2"], Ids(firstArticles));
    }

    [Fact]
    public void Read_ThatMakesNoProgress_IsAbandonedAfterTheTimeout()
    {
        using var server = new AnonymousPipeServerStream(PipeDirection.Out);
        using var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
        var guarded = new StallGuardedStream(client, TimeSpan.FromMilliseconds(200));

        var error = Assert.Throws<ArticleReadException>(() => guarded.Read(new byte[16], 0, 16));

        Assert.Equal("Reading made no progress for 0.2 s; the file was abandoned.", error.Message);
        server.Dispose();
    }

    /// <summary>A format that fails the way a parser bug does: it throws, after <c>after</c> good records.</summary>
    private sealed class ThrowingFormat(string extension, int after = 0) : ArticleFormat
    {
        public override IReadOnlyCollection<string> Extensions { get; } = [extension];

        public override IEnumerable<FormatRecord> Read(string path, string relativeId, FileContent content)
        {
            var records = new JsonLinesFormat().Read(path, relativeId, content).Take(after).ToList();
            foreach (var record in records)
                yield return record;
            yield return Array.Empty<FormatRecord>().First();
        }
    }
}

/// <summary>A fact that needs Unix (named pipes, a POSIX shell); skipped with a visible reason elsewhere.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/bash"))
            Skip = "Needs Unix with /bin/bash: named pipes in the file system and deep relative folders are made the Unix way.";
    }
}
