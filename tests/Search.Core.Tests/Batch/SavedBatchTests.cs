namespace Search.Core.Tests.Batch;

public sealed class SavedBatchTests : IDisposable
{
    private readonly TestIndex _index = new(
    [
        Articles.Make("old-saeed", "Saeed in court", "Hafiz Saeed appeared in court.", 2019),
        Articles.Make("old-masood", "Masood listed", "Masood Azhar was listed.", 2019),
    ]);

    public void Dispose() => _index.Dispose();

    [Fact]
    public void RunBatch_WithOnlyNew_CountsOnlyArticlesIndexedSinceTheLastRun()
    {
        var searches = new SavedSearches(_index.Index);
        var saved = searches.SaveBatch("names", BatchRequest.For(["Saeed", "Masood", "Haqqani"]) with { Hits = 1 });
        using (var writer = _index.Index.OpenWriter())
        {
            writer.Upsert(Articles.Make("new-saeed", "Saeed freed", "Hafiz Saeed was freed.", 2020));
            writer.Upsert(Articles.Make("new-haqqani", "Haqqani talks", "The Haqqani network met officials.", 2020));
            writer.Commit("tests");
        }

        var listed = searches.List().Single();
        var first = searches.RunBatch("names", onlyNew: true);
        var second = searches.RunBatch("names", onlyNew: true);
        var all = searches.RunBatch("names", onlyNew: false);

        Assert.Equal(["Saeed", "Masood", "Haqqani"], saved.Batch!.Entries.Select(e => e.Text));
        Assert.Equal((4, 2), (listed.Matches, listed.New));
        Assert.Equal([1, 0, 1], first.Response.Results.Select(r => r.Total));
        Assert.Equal(["new-saeed"], first.Response.Results[0].Hits.Select(h => h.Id));
        Assert.Equal([0, 0, 0], second.Response.Results.Select(r => r.Total));
        Assert.Equal([2, 1, 1], all.Response.Results.Select(r => r.Total));
    }

    [Fact]
    public void Run_OfASavedBatch_SaysToRunItAsABatch()
    {
        var searches = new SavedSearches(_index.Index);
        searches.SaveBatch("names", BatchRequest.For(["Saeed"]));
        searches.Save("one", new SearchRequest { Query = "Saeed" });

        var asSearch = Assert.Throws<InvalidSearchRequestException>(() => searches.Run("names", onlyNew: false));
        var asBatch = Assert.Throws<InvalidSearchRequestException>(() => searches.RunBatch("one", onlyNew: false));

        Assert.Equal("'names' is a saved batch; run it with 'search run names'.", asSearch.Message);
        Assert.Equal("'one' is a saved search, not a batch; run it with 'search run one'.", asBatch.Message);
    }
}
