namespace Search.Core.Tests;

public sealed class IndexLifecycleTests
{
    [Fact]
    public void Commit_WhenWriterBelongsToTheIndex_IsVisibleToTheNextSearchWithoutReopening()
    {
        using var test = new TestIndex([Articles.Make("a", "First", "alpha")]);
        using (var writer = test.Index.OpenWriter())
        {
            writer.Upsert(Articles.Make("b", "Second", "alpha beta"));
            Assert.Equal(1, test.Search("alpha").Total);
            writer.Commit();
        }
        Assert.Equal(2, test.Search("alpha").Total);
    }

    [Fact]
    public void Commit_WhenMadeByASeparateWriter_IsPickedUpOnceTheRefreshIntervalHasPassed()
    {
        using var test = new TestIndex([Articles.Make("a", "First", "alpha")], new SearchIndexOptions { RefreshInterval = TimeSpan.Zero });
        using (var writer = ArticleWriter.Open(test.Path))
        {
            writer.Upsert(Articles.Make("b", "Second", "alpha beta"));
            writer.Commit();
        }
        Assert.Equal(2, test.Search("alpha").Total);
    }

    [Fact]
    public void Commit_WhenMadeByASeparateWriter_IsPickedUpByTheBackgroundCheckWithoutASearchAsking()
    {
        using var test = new TestIndex([Articles.Make("a", "First", "alpha")], new SearchIndexOptions { RefreshInterval = TimeSpan.FromMilliseconds(20) });
        using (var writer = ArticleWriter.Open(test.Path))
        {
            writer.Upsert(Articles.Make("b", "Second", "alpha beta"));
            writer.Commit();
        }
        // Statistics read the current reader without refreshing it, so only the background check can move them on.
        Assert.True(SpinWait.SpinUntil(() => test.Index.GetStats(topValues: 0).Documents == 2, TimeSpan.FromSeconds(30)));
        Assert.Equal(2, test.Search("alpha").Total);
    }

    [Fact]
    public void Commits_WhileTheBackgroundCheckReadsTheFolder_AreAllPickedUpWithoutEndingTheProcess()
    {
        // The check reads the commit point while the writer may still be writing it: that read used to
        // throw an exception the check let through, which ends the process from a timer thread.
        using var test = new TestIndex([Articles.Make("a", "First", "alpha")], new SearchIndexOptions { RefreshInterval = TimeSpan.FromMilliseconds(1) });
        using (var writer = ArticleWriter.Open(test.Path))
        {
            for (var i = 0; i < 40; i++)
            {
                writer.Upsert(Articles.Make($"b{i}", "Second", "alpha beta"));
                writer.Commit();
            }
        }
        Assert.True(SpinWait.SpinUntil(() => test.Index.GetStats(topValues: 0).Documents == 41, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Commit_WhenMadeByASeparateWriter_IsNotCheckedForBeforeTheRefreshInterval()
    {
        using var test = new TestIndex([Articles.Make("a", "First", "alpha")], new SearchIndexOptions { RefreshInterval = TimeSpan.FromDays(1) });
        using (var writer = ArticleWriter.Open(test.Path))
        {
            writer.Upsert(Articles.Make("b", "Second", "alpha beta"));
            writer.Commit();
        }
        Assert.Equal(1, test.Search("alpha").Total);
    }

    [Fact]
    public void Upsert_WhenIdExists_ReplacesTheArticle()
    {
        using var test = new TestIndex([Articles.Make("a", "Old title", "alpha")]);
        using (var writer = test.Index.OpenWriter())
        {
            writer.Upsert(Articles.Make("a", "New title", "gamma"));
            writer.Commit();
        }
        Assert.Equal(0, test.Search("alpha").Total);
        Assert.Equal("New title", Assert.Single(test.Search("gamma").Hits).Title);
        Assert.Equal(1, test.Index.GetStats().Documents);
    }

    [Fact]
    public void Delete_RemovesTheArticleFromSearchesAndLookups()
    {
        using var test = new TestIndex([Articles.Make("a", "", "alpha"), Articles.Make("b", "", "alpha")]);
        using (var writer = test.Index.OpenWriter())
        {
            writer.Delete("a");
            writer.Commit();
        }
        Assert.Equal(["b"], test.Search("alpha").Hits.Select(h => h.Id));
        Assert.Null(test.Index.GetArticle("a"));
    }

    [Fact]
    public void Dispose_WhenChangesAreNotCommitted_DiscardsThem()
    {
        using var test = new TestIndex([Articles.Make("a", "", "alpha")]);
        using (var writer = test.Index.OpenWriter())
            writer.Upsert(Articles.Make("b", "", "alpha"));
        Assert.Equal(1, test.Search("alpha").Total);
        using var again = test.Index.OpenWriter();
        Assert.Equal(["a"], again.ListStored().Keys);
    }

    [Fact]
    public void OpenWriter_WhenAnotherWriterHoldsTheFolder_ThrowsNamingTheFolder()
    {
        using var test = new TestIndex([Articles.Make("a", "", "alpha")]);
        using var first = test.Index.OpenWriter();
        var error = Assert.Throws<IndexLockedException>(() => ArticleWriter.Open(test.Path));
        Assert.Contains(test.Path, error.Message);
        Assert.Contains("locked by another writer", error.Message);
        Assert.Equal(1, test.Search("alpha").Total);
    }

    [Fact]
    public void Open_WhenFolderHoldsNoIndex_ThrowsSayingHowToBuildOne()
    {
        var empty = Directory.CreateTempSubdirectory("search-empty-").FullName;
        var error = Assert.Throws<IndexNotFoundException>(() => SearchIndex.Open(empty));
        Assert.Contains(empty, error.Message);
        Assert.Contains("search index", error.Message);
        Assert.Throws<IndexNotFoundException>(() => SearchIndex.Open(Path.Combine(empty, "missing")));
    }

    [Fact]
    public void OpenOrCreate_WhenFolderIsEmpty_CreatesAnEmptyIndex()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("search-new-").FullName, "index");
        using var index = SearchIndex.OpenOrCreate(folder);
        Assert.Equal(0, index.Search(new SearchRequest()).Total);
        Assert.Equal(0, index.GetStats().Documents);
    }

    [Fact]
    public void GetArticle_ReturnsEveryStoredField()
    {
        var article = new Article
        {
            Id = "full",
            Title = "Title",
            Body = "Body text.",
            Url = "https://example.org/a",
            Source = "samples/a.txt",
            Published = new DateTimeOffset(2022, 12, 9, 0, 0, 0, TimeSpan.Zero),
            Facets = Facets.Of(2022, ["Lashkar-e-Taiba"], ["Donald Lu"]),
            Evidence = [new FacetEvidence("speaker", "Donald Lu", "Lu said so.")],
            ContentHash = "abc",
        };
        using var test = new TestIndex([article]);
        var stored = test.Index.GetArticle("full")!;
        // The index adds the near-duplicate cluster (an article with no copies is its own) and derives
        // the month from the publication date when the article does not state one.
        var derived = new Dictionary<string, IReadOnlyList<string>>(article.Facets) { [FacetNames.Month] = ["2022-12"] };
        Assert.Equivalent(article with { Facets = derived, Cluster = "full" }, stored, strict: true);
    }

    [Fact]
    public void GetStats_ReportsCountsFacetsSizeAndCommit()
    {
        using var test = new TestIndex(Articles.Sample);
        var stats = test.Index.GetStats();
        Assert.Equal(Articles.Sample.Count, stats.Documents);
        Assert.True(stats.SizeOnDiskBytes > 0);
        Assert.Equal("tests", stats.LastCommittedBy);
        Assert.NotNull(stats.LastCommit);
        Assert.Equal("Lashkar-e-Taiba", stats.Facets.Single(f => f.Name == "group").Values[0].Value);
    }

    [Fact]
    public void Search_WhenCancelled_Throws()
    {
        using var test = new TestIndex(Enumerable.Range(0, 3000).Select(i => Articles.Make($"d{i}", "", "alpha")));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => test.Index.Search(new SearchRequest { Query = "alpha" }, cancelled.Token));
    }

    [Fact]
    public async Task Search_WhenManyThreadsSearchWhileWriting_AllSucceed()
    {
        using var test = new TestIndex(Enumerable.Range(0, 50).Select(i => Articles.Make($"d{i}", "", $"alpha {i}", 2000 + i % 10, ["Taliban"], [$"Person {i % 7}"])));
        var writing = Task.Run(() =>
        {
            for (var batch = 0; batch < 10; batch++)
            {
                using var writer = test.Index.OpenWriter();
                writer.Upsert(Articles.Make($"n{batch}", "", "alpha new", 2020, ["Taliban"], ["Person 1"]));
                writer.Commit();
            }
        });
        Parallel.For(0, 200, i =>
        {
            var response = test.Index.Search(new SearchRequest { Query = "alpha", Filters = Facets.Filter("speaker", $"Person {i % 7}") });
            Assert.True(response.Total > 0);
        });
        await writing;
        Assert.Equal(60, test.Search("alpha").Total);
    }
}
