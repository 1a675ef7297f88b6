using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Search.Core.Tests;

/// <summary>
/// Years are indexed with fewer terms than Lucene's default, and "indexed at" became a doc value; the
/// queries must find the same documents in indexes written in any of these forms.
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

    /// <summary>How an index holds the moment an article was indexed.</summary>
    public enum IndexedAtForm
    {
        /// <summary>A doc value, as the writer writes it now.</summary>
        DocValue,
        /// <summary>Numeric terms at Lucene's default precision step, as the first versions wrote it.</summary>
        DefaultStepTerms,
        /// <summary>Numeric terms at precision step 32, as the version before the doc value wrote it.</summary>
        Step32Terms,
        /// <summary>Terms in one segment and doc values in another, merged into one segment.</summary>
        MergedTermsAndDocValues,
    }

    [Theory]
    [InlineData(IndexedAtForm.DocValue)]
    [InlineData(IndexedAtForm.DefaultStepTerms)]
    [InlineData(IndexedAtForm.Step32Terms)]
    [InlineData(IndexedAtForm.MergedTermsAndDocValues)]
    public void IndexedAfter_FindsTheLaterArticles_WhicheverFormTheIndexHolds(IndexedAtForm form)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchSchema.Version, new KeywordAnalyzer())))
        {
            for (var i = 0; i < Ticks.Length; i++)
            {
                var asTerms = form switch
                {
                    IndexedAtForm.DocValue => false,
                    IndexedAtForm.MergedTermsAndDocValues => i % 2 == 0,
                    _ => true,
                };
                writer.AddDocument(new Document
                {
                    asTerms
                        ? new Int64Field(SearchSchema.IndexedAt, Ticks[i], form == IndexedAtForm.DefaultStepTerms ? Int64Field.TYPE_NOT_STORED : Step32)
                        : new NumericDocValuesField(SearchSchema.IndexedAt, Ticks[i]),
                });
                // A document without the field (a statement) is never "indexed after".
                writer.AddDocument(new Document { new StringField("statement_of", "x", Field.Store.NO) });
                if (form == IndexedAtForm.MergedTermsAndDocValues)
                    writer.Commit();
            }
            writer.ForceMerge(1);
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);

        Assert.Single(reader.Leaves);
        for (var i = 0; i < Ticks.Length; i++)
            Assert.Equal(Ticks.Length - 1 - i, searcher.Search(new ConstantScoreQuery(SearchSchema.IndexedAfter(Ticks[i])), 10).TotalHits);
        Assert.Equal(Ticks.Length, searcher.Search(new ConstantScoreQuery(SearchSchema.IndexedAfter(Ticks[0] - 1)), 10).TotalHits);
        Assert.Equal(0, searcher.Search(new FilteredQuery(new TermQuery(new Term("statement_of", "x")), SearchSchema.IndexedAfter(0)), 10).TotalHits);
    }

    private static readonly FieldType Step32 = new(Int64Field.TYPE_NOT_STORED) { NumericPrecisionStep = 32 };

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
        writer.Commit();
        return directory;
    }

    private static int[] YearsOf(IndexSearcher searcher, Query query) =>
        searcher.Search(query, 100).ScoreDocs
            .Select(hit => searcher.Doc(hit.Doc).GetField("year").GetInt32Value()!.Value)
            .Order()
            .ToArray();
}
