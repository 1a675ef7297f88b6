using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Search.Core.Tests;

/// <summary>
/// Years and "indexed at" are indexed with fewer terms than Lucene's default; the queries must find
/// the same documents in indexes written either way.
/// </summary>
public sealed class NumericPrecisionTests
{
    private static readonly int[] Years = [1987, 1999, 2008, 2015, 2016, 2024];
    private static readonly long[] Ticks = [638_000_000_000_000_000L, 638_000_000_100_000_000L, 638_000_004_000_000_000L, 638_100_000_000_000_000L];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void IntegerRange_FindsTheYearsInTheRange_WhicheverStepTheIndexWasWrittenWith(bool lucenesDefaultStep)
    {
        using var directory = Written(lucenesDefaultStep);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        Assert.Equal([1999, 2008, 2015], YearsOf(searcher, SearchSchema.IntegerRange("year", 1999, 2015)));
        Assert.Equal([2016, 2024], YearsOf(searcher, SearchSchema.IntegerRange("year", 2016, null)));
        Assert.Equal([1987, 1999], YearsOf(searcher, SearchSchema.IntegerRange("year", null, 2008, toInclusive: false)));
        Assert.Equal([2015], YearsOf(searcher, new ConstantScoreQuery(SearchSchema.IntegerRangeFilter("year", 2015, 2015))));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void IndexedAfter_FindsTheLaterArticles_WhicheverStepTheIndexWasWrittenWith(bool lucenesDefaultStep)
    {
        using var directory = Written(lucenesDefaultStep);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        for (var i = 0; i < Ticks.Length; i++)
        {
            var hits = searcher.Search(new ConstantScoreQuery(SearchSchema.IndexedAfter(Ticks[i])), 10).TotalHits;
            Assert.Equal(Ticks.Length - 1 - i, hits);
        }
        Assert.Equal(Ticks.Length, searcher.Search(new ConstantScoreQuery(SearchSchema.IndexedAfter(Ticks[0] - 1)), 10).TotalHits);
    }

    private static RAMDirectory Written(bool lucenesDefaultStep)
    {
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(SearchSchema.Version, new KeywordAnalyzer()));
        foreach (var year in Years)
        {
            writer.AddDocument(new Document
            {
                lucenesDefaultStep ? new Int32Field("year", year, Field.Store.YES) : new Int32Field("year", year, SearchSchema.IntegerFacet),
            });
        }
        foreach (var ticks in Ticks)
        {
            writer.AddDocument(new Document
            {
                lucenesDefaultStep ? new Int64Field(SearchSchema.IndexedAt, ticks, Field.Store.NO) : new Int64Field(SearchSchema.IndexedAt, ticks, SearchSchema.IndexedAtType),
            });
        }
        writer.Commit();
        return directory;
    }

    private static int[] YearsOf(IndexSearcher searcher, Query query) =>
        searcher.Search(query, 100).ScoreDocs
            .Select(hit => searcher.Doc(hit.Doc).GetField("year").GetInt32Value()!.Value)
            .Order()
            .ToArray();
}
