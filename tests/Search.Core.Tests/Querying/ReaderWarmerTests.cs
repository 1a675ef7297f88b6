using Lucene.Net.Index;
using Search.Core.Facets;
using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

/// <summary>A reader is warmed before searches see it: what its first searches would build is built.</summary>
public sealed class ReaderWarmerTests
{
    [Fact]
    public void Warm_BuildsFacetMapsValueIndexesAndEverySegmentsClusterCounts()
    {
        using var test = TestIndex.InTwoSegments(Articles.Sample, Articles.Sample.Count / 2);
        using var reader = DirectoryReader.Open(SearchSchema.OpenDirectory(test.Path));
        Assert.Equal(2, reader.Leaves.Count);
        Assert.False(FacetReaderState.IsBuilt(reader), "a reader nobody has searched has no facet state yet");

        ReaderWarmer.Warm(reader, FacetSchema.Default);

        Assert.True(FacetReaderState.IsBuilt(reader));
        var state = FacetReaderState.For(reader, FacetSchema.Default);
        Assert.All(FacetSchema.Default.Names, facet => Assert.True(state[facet].HasValueIndex, $"the value index of '{facet}' is built"));
        Assert.All(reader.Leaves, leaf => Assert.True(ClusterCompany.IsCounted(leaf.AtomicReader), $"the clusters of segment {leaf.Ord} are counted"));
    }

    [Fact]
    public void Warm_OnAnEmptyIndex_BuildsAnEmptyState()
    {
        using var test = new TestIndex([]);
        using var reader = DirectoryReader.Open(SearchSchema.OpenDirectory(test.Path));

        ReaderWarmer.Warm(reader, FacetSchema.Default);

        Assert.True(FacetReaderState.IsBuilt(reader));
        Assert.Equal(0, FacetReaderState.For(reader, FacetSchema.Default)[FacetNames.Group].ValueCount);
    }

    [Fact]
    public void Search_AfterACommitWarmedTheNewReader_FindsAndFiltersTheNewArticle()
    {
        using var test = new TestIndex(Articles.Sample);
        using (var writer = test.Index.OpenWriter())
        {
            writer.Upsert(Articles.Make("new-2023", "Talks on Haqqani network", "Officials discussed the Haqqani network on Monday.", 2023, ["Haqqani Network"], ["Matthew Miller"]));
            writer.Commit("tests");
        }

        var response = test.Search("Haqqani", r => r with { Filters = Facets.Filter(FacetNames.Speaker, "matthew miller") });

        Assert.Equal(["new-2023"], response.Hits.Select(h => h.Id));
    }
}
