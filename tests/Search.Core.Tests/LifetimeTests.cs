using Lucene.Net.Index;
using Search.Core.Facets;

namespace Search.Core.Tests;

public sealed class LifetimeTests
{
    [Fact]
    public void Search_AfterDispose_ThrowsObjectDisposedWithASentence()
    {
        var test = new TestIndex([Articles.Make("a", "First", "alpha")]);
        test.Dispose();

        var error = Assert.Throws<ObjectDisposedException>(() => test.Index.Search(new SearchRequest { Query = "alpha" }));
        Assert.StartsWith($"The index in '{test.Path}' has been disposed; open it again with SearchIndex.Open to search it.", error.Message);
        Assert.Throws<ObjectDisposedException>(() => test.Index.GetArticle("a"));
        Assert.Throws<ObjectDisposedException>(() => test.Index.GetStats());
        Assert.Throws<ObjectDisposedException>(() => test.Index.OpenWriter());
    }

    [Fact]
    public void Dispose_WhenCalledTwice_DoesNothingTheSecondTime()
    {
        var test = new TestIndex([Articles.Make("a", "First", "alpha")]);
        test.Index.Dispose();
        test.Dispose();
        Assert.Throws<ObjectDisposedException>(() => test.Index.GetArticle("a"));
    }

    [Fact]
    public void WriterDispose_WithUncommittedChanges_ReleasesTheFolderForTheNextWriter()
    {
        using var test = new TestIndex([Articles.Make("a", "First", "alpha")]);
        using (var writer = test.Index.OpenWriter())
            writer.Upsert(Articles.Make("b", "Second", "alpha"));
        using (var next = test.Index.OpenWriter())
            next.Commit();
        Assert.Equal(1, test.Search("alpha").Total);
    }

    [Fact]
    public void HitCache_WhenFull_DropsTheLeastRecentlyUsedHit()
    {
        using var test = new TestIndex([Articles.Make("a", "", "alpha"), Articles.Make("b", "", "delta"), Articles.Make("c", "", "gamma")]);
        using var reader = DirectoryReader.Open(SearchSchema.OpenDirectory(test.Path));
        var leaf = Assert.Single(reader.Leaves);
        // Room for two five-character bodies.
        var cache = new HitDocumentCache(maxCharacters: 10);
        var loads = new List<int>();
        HitDocument Get(int doc) => cache.Get(leaf, doc, () =>
        {
            loads.Add(doc);
            return SearchSchema.ToArticle(reader.Document(doc), FacetSchema.Default);
        });

        Get(0);
        Get(1);
        Get(0);
        Get(2);
        Get(0);
        Get(1);

        // 1 was the least recently used when 2 came in, so only 1 is loaded twice.
        Assert.Equal([0, 1, 2, 1], loads);
        Assert.Equal(2, cache.Count);
        Assert.Equal("delta", Get(1).Article.Body);
    }

    [Fact]
    public void HitCache_WhenTheSegmentCloses_DropsItsHits()
    {
        using var test = new TestIndex([Articles.Make("a", "", "alpha"), Articles.Make("b", "", "beta")]);
        var reader = DirectoryReader.Open(SearchSchema.OpenDirectory(test.Path));
        var leaf = Assert.Single(reader.Leaves);
        var cache = new HitDocumentCache(maxCharacters: 1_000);
        cache.Get(leaf, 0, () => SearchSchema.ToArticle(reader.Document(0), FacetSchema.Default));
        cache.Get(leaf, 1, () => SearchSchema.ToArticle(reader.Document(1), FacetSchema.Default));
        Assert.Equal(2, cache.Count);

        reader.Dispose();

        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void FacetReaderState_ForOneReader_IsBuiltOnceAcrossThreads()
    {
        using var test = new TestIndex(Articles.Sample);
        using var reader = DirectoryReader.Open(SearchSchema.OpenDirectory(test.Path));
        var states = new FacetReaderState[16];
        Parallel.For(0, states.Length, i => states[i] = FacetReaderState.For(reader, FacetSchema.Default));
        Assert.All(states, s => Assert.Same(states[0], s));
        var resolved = new IReadOnlyList<string>[16];
        Parallel.For(0, resolved.Length, i => resolved[i] = states[0][FacetNames.Speaker].Resolve("matthew miller"));
        Assert.All(resolved, r => Assert.Equal(["Matthew Miller"], r));
    }
}
