using Lucene.Net.Index;
using Search.Core.Facets;

namespace Search.Core.Querying;

/// <summary>
/// Builds what the first searches on a new reader would otherwise build on their own time: each
/// facet's map from segment ordinals to global ones and its index of values by key (which filters
/// read), each segment's cluster sizes (which folding reads), and the norms and doc values Lucene
/// loads from a segment the first time a search touches them. <see cref="SearchIndex"/> warms each
/// reader a refresh opens before publishing it, the way Lucene's <c>SearcherFactory</c> and Solr's
/// new-searcher listeners do, on the thread that opens it: the background refresh or a writer's
/// commit, never a search. Date histograms' all-document counts are left to the first histogram, since most
/// searches never ask for one and they cost a pass over every document.
/// </summary>
internal static class ReaderWarmer
{
    public static void Warm(IndexReader reader, FacetSchema facets)
    {
        FacetReaderState.For(reader, facets).BuildValueIndexes();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            // Lucene reads these into memory on first use and keeps them with the segment.
            segment.GetNormValues(SearchSchema.Title);
            segment.GetNormValues(SearchSchema.Body);
            segment.GetSortedDocValues(SearchSchema.Id);
            segment.GetBinaryDocValues(SearchSchema.Url);
            segment.GetNumericDocValues(SearchSchema.SortDate);
            ClusterCompany.CountClusters(segment);
        }
    }
}
