using Search.Core;
using Search.Ingest.Indexing;
using Search.Ingest.Reading;
using Search.Ingest.Tests.Reading;

namespace Search.Ingest.Tests.Indexing;

public sealed class ArticleIndexerTests : IDisposable
{
    private const string Story = "Envoy urges action against LeT\n\n\"Pakistan must act,\" Donald Lu said in Washington.\n";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Combine(params string[] parts) => Path.Combine([_temp.Path, .. parts]);

    private static IngestedArticle Read(string id, SourceRef source, string hash) =>
        new(new Article { Id = id, Title = id, Body = $"Body of {id}.", Source = source.ToString(), ContentHash = hash }, source);

    private static IngestedArticle Read(string id, string file, string hash) => Read(id, new SourceRef(file), hash);

    [Fact]
    public void Index_CommitsEveryNChangesAndAtTheEnd()
    {
        using var writer = ArticleWriter.Open(Combine("index"));
        var indexer = new ArticleIndexer(writer, "tests", commitEvery: 2, minCommitInterval: TimeSpan.Zero);

        var report = indexer.Index(Stream([Read("a", "/in/a.txt", "1"), Read("b", "/in/b.txt", "1"), Read("c", "/in/c.txt", "1"), Read("d", "/in/d.txt", "1"), Read("e", "/in/e.txt", "1")]));

        Assert.Equal((5, 5), (report.Articles, report.Added));
        Assert.Equal(3, indexer.Commits);
    }

    [Fact]
    public void Index_CommitsNoSoonerThanTheIntervalAfterTheLast()
    {
        using var writer = ArticleWriter.Open(Combine("index"));
        var indexer = new ArticleIndexer(writer, "tests", commitEvery: 2, minCommitInterval: TimeSpan.FromHours(1));

        var report = indexer.Index(Stream([.. Enumerable.Range(0, 9).Select(n => Read($"a{n}", $"/in/a{n}.txt", "1"))]));

        Assert.Equal(9, report.Added);
        Assert.Equal(1, indexer.Commits);
    }

    [Fact]
    public void Indexer_RefusesANegativeInterval()
    {
        using var writer = ArticleWriter.Open(Combine("index"));

        Assert.Throws<ArgumentOutOfRangeException>(() => new ArticleIndexer(writer, "tests", minCommitInterval: TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Index_AfterABulkLoad_LeavesOneSegment()
    {
        var path = Combine("index");
        using (var writer = ArticleWriter.Open(path))
            new ArticleIndexer(writer, "tests", commitEvery: 2, minCommitInterval: TimeSpan.Zero).Index(Stream([.. Enumerable.Range(0, 9).Select(n => Read($"a{n}", $"/in/a{n}.txt", "1"))]));

        using var index = SearchIndex.Open(path);
        Assert.Equal((9, 1), (index.GetStats().Documents, index.GetStats().Segments));
    }

    [Fact]
    public void Index_ASmallRunIntoALargeIndex_LeavesTheSegmentsToTheMergePolicy()
    {
        var path = Combine("index");
        using (var writer = ArticleWriter.Open(path))
            new ArticleIndexer(writer, "tests", commitEvery: 2, minCommitInterval: TimeSpan.Zero).Index(Stream([.. Enumerable.Range(0, 40).Select(n => Read($"a{n}", $"/in/a{n}.txt", "1"))]));
        using (var writer = ArticleWriter.Open(path))
            new ArticleIndexer(writer, "tests", commitEvery: 2, minCommitInterval: TimeSpan.Zero).Index(Stream([.. Enumerable.Range(40, 2).Select(n => Read($"a{n}", $"/in/a{n}.txt", "1"))]));

        using var index = SearchIndex.Open(path);
        Assert.Equal((42, 2), (index.GetStats().Documents, index.GetStats().Segments));
    }

    [Fact]
    public void Index_WhenInterrupted_KeepsWhatWasCommitted()
    {
        var path = Combine("index");
        using (var writer = ArticleWriter.Open(path))
        {
            var indexer = new ArticleIndexer(writer, "tests", commitEvery: 2, minCommitInterval: TimeSpan.Zero);
            IEnumerable<IngestResult> Failing()
            {
                yield return Read("a", "/in/a.txt", "1");
                yield return Read("b", "/in/b.txt", "1");
                yield return Read("c", "/in/c.txt", "1");
                throw new IOException("The disk went away.");
            }
            Assert.Throws<IOException>(() => indexer.Index(Failing()));
        }

        using var index = SearchIndex.Open(path);
        Assert.Equal(2, index.GetStats().Documents);
    }

    [Fact]
    public void Index_WhenCancelled_StopsReadingAheadBeforeItReturns()
    {
        using var writer = ArticleWriter.Open(Combine("index"));
        using var cancel = new CancellationTokenSource();
        var sourceClosed = false;
        IEnumerable<IngestResult> Endless()
        {
            try
            {
                for (var n = 0; ; n++)
                    yield return Read($"a{n}", $"/in/a{n}.txt", "1");
            }
            finally
            {
                sourceClosed = true;
            }
        }
        var seen = new List<string>();

        Assert.ThrowsAny<OperationCanceledException>(() => new ArticleIndexer(writer, "tests").Index(Endless(), progress: p =>
        {
            seen.Add(p.Last!.File);
            if (seen.Count == 3)
                cancel.Cancel();
        }, cancellation: cancel.Token));

        Assert.True(sourceClosed);
        Assert.Equal(["/in/a0.txt", "/in/a1.txt", "/in/a2.txt"], seen);
    }

    [Fact]
    public void Index_WhenABatchIsIndexedTwice_CountsTheSecondAsUnchanged()
    {
        using var writer = ArticleWriter.Open(Combine("index"));
        IngestResult[] batch = [Read("a", "api", "1"), Read("b", "api", "2")];
        new ArticleIndexer(writer, "tests").Index(batch);

        var report = new ArticleIndexer(writer, "tests").Index([Read("a", "api", "1"), Read("b", "api", "3"), Read("c", "api", "1")]);

        Assert.Equal((1, 1, 1), (report.Added, report.Updated, report.Unchanged));
    }

    [Fact]
    public void Index_WithRemoveMissing_KeepsArticlesOutsideThePathsAndThoseWhoseFileWasSkipped()
    {
        using var writer = ArticleWriter.Open(Combine("index"));
        var root = Combine("in");
        new ArticleIndexer(writer, "tests").Index(Stream([
            Read("kept", Path.Combine(root, "kept.txt"), "1"),
            Read("gone", Path.Combine(root, "gone.txt"), "1"),
            Read("broken", Path.Combine(root, "broken.txt"), "1"),
            Read("elsewhere", Combine("other", "x.txt"), "1"),
        ]));

        var report = new ArticleIndexer(writer, "tests").Index(
            Stream([Read("kept", Path.Combine(root, "kept.txt"), "1"), new SkippedFile(new SourceRef(Path.Combine(root, "broken.txt")), "The file is empty.")]),
            removeMissingUnder: [root]);

        Assert.Equal((0, 0, 1, 1), (report.Added, report.Updated, report.Unchanged, report.Removed));
        Assert.Equal(["broken", "elsewhere", "kept"], writer.ListStored().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Index_WithRemoveMissingOnAJsonLinesFile_RemovesRecordsNoLongerInItAndKeepsThoseOfAFileWithABadLine()
    {
        using var writer = ArticleWriter.Open(Combine("index"));
        var feed = Combine("feed.jsonl");
        var broken = Combine("broken.jsonl");
        new ArticleIndexer(writer, "tests").Index(Stream([
            Read("one", new SourceRef(feed, 1), "1"),
            Read("two", new SourceRef(feed, 2), "1"),
            Read("b1", new SourceRef(broken, 1), "1"),
        ]));

        var report = new ArticleIndexer(writer, "tests").Index(
            Stream([Read("one", new SourceRef(feed, 1), "1"), new SkippedFile(new SourceRef(broken, 1), "Record 1 is not valid JSON.")]),
            removeMissingUnder: [feed, broken]);

        Assert.Equal((1, 1), (report.Unchanged, report.Removed));
        Assert.Equal(["b1", "one"], writer.ListStored().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void IndexPaths_StoresAbsoluteSourcesAndReportsProgressForEachResult()
    {
        var folder = Combine("articles");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.txt"), Story);
        File.WriteAllText(Path.Combine(folder, "b.jsonl"), "{\"id\": \"j1\", \"body\": \"One story.\"}\n{\"id\": \"j2\", \"body\": 5}\n");
        var seen = new List<IndexingProgress>();
        using var writer = ArticleWriter.Open(Combine("index"));

        var report = new ArticleIndexer(writer, "tests").IndexPaths(new ArticleFileReader(), [Path.GetRelativePath(Environment.CurrentDirectory, folder)], progress: seen.Add);

        Assert.Equal((2, 1), (report.Articles, report.Skipped.Count));
        Assert.Equal(3, seen.Count);
        Assert.Equal([Path.Combine(folder, "a.txt"), Path.Combine(folder, "b.jsonl") + "#1"],
            writer.ListStored().Values.OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => a.Source));
    }

    [Fact]
    public void IndexPaths_ExtractingSeveralAtOnce_WritesInTheOrderReadAndCommitsAsEver()
    {
        var file = Combine("run.jsonl");
        File.WriteAllLines(file, Enumerable.Range(0, 600).Select(n => $"{{\"id\": \"r{n % 3}\", \"title\": \"Budget talks, day {n}\", \"body\": \"The council met on day {n} and agreed the budget.\"}}"));
        var seen = new List<int?>();
        var path = Combine("index");
        IndexingReport report;
        int commits;
        using (var writer = ArticleWriter.Open(path))
        {
            var indexer = new ArticleIndexer(writer, "tests", commitEvery: 100, minCommitInterval: TimeSpan.Zero);
            report = indexer.IndexPaths(new ArticleFileReader(), [file], progress: p => seen.Add(p.Last?.Record));
            commits = indexer.Commits;
        }

        using var index = SearchIndex.Open(path);
        Assert.Equal((3, 597, 7), (report.Added, report.Updated, commits));
        Assert.Equal(Enumerable.Range(1, 600).Select(n => (int?)n), seen);
        Assert.Equal(["The council met on day 597 and agreed the budget.", "The council met on day 598 and agreed the budget.", "The council met on day 599 and agreed the budget."],
            new[] { "r0", "r1", "r2" }.Select(id => index.GetArticle(id)?.Body));
    }

    // A lazy sequence, as a folder read is: the indexer lists the whole index rather than looking up a batch.
    private static IEnumerable<IngestResult> Stream(IEnumerable<IngestResult> results)
    {
        foreach (var result in results)
            yield return result;
    }
    private static IngestedArticle Spoken(string id, string speaker, string sentence) => new(new Article
        {
            Id = id,
            Title = id,
            Body = sentence,
            Source = "/in/" + id + ".txt",
            ContentHash = id,
            Facets = new Dictionary<string, IReadOnlyList<string>> { ["speaker"] = [speaker] },
            Evidence = [new FacetEvidence("speaker", speaker, sentence)],
        }, new SourceRef("/in/" + id + ".txt"));

    [Fact]
    public void Index_BareSurname_JoinsTheFullNameAnotherArticleOfTheRunGives()
    {
        var path = Combine("index");
        using (var writer = ArticleWriter.Open(path))
        {
            // The bare surname comes first: it must wait for the full name read after it.
            new ArticleIndexer(writer, "tests").Index(Stream([
                Spoken("early", "Reagan", "President Reagan said he would veto the bill."),
                Spoken("late", "Ronald Reagan", "Ronald Reagan said the budget was too large."),
            ]));
        }

        using var index = SearchIndex.Open(path);
        Assert.Equal(["Ronald Reagan"], index.GetArticle("early")!.Values("speaker"));
        Assert.Equal(["Ronald Reagan"], index.GetArticle("late")!.Values("speaker"));
    }
    [Fact]
    public void Index_BareSurname_JoinsAFullNameStoredByAnEarlierRun()
    {
        var path = Combine("index");
        using (var writer = ArticleWriter.Open(path))
            new ArticleIndexer(writer, "tests").Index(Stream([Spoken("first", "Ronald Reagan", "Ronald Reagan said the budget was too large.")]));
        using (var writer = ArticleWriter.Open(path))
            new ArticleIndexer(writer, "tests").Index(Stream([Spoken("second", "Reagan", "President Reagan said he would veto the bill.")]));

        using var index = SearchIndex.Open(path);
        Assert.Equal(["Ronald Reagan"], index.GetArticle("second")!.Values("speaker"));
    }
}
