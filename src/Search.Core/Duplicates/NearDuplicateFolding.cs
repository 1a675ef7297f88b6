using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Duplicates;

/// <summary>Keeps the first (best-ranked) hit of each near-duplicate cluster in a ranked list.</summary>
internal static class NearDuplicateFolding
{
    public static List<ScoreDoc> Fold(IndexReader reader, ScoreDoc[] ranked)
    {
        var leaves = reader.Leaves;
        var labels = new SortedDocValues?[leaves.Count];
        // In one segment a cluster is one ordinal, so labels need decoding only when segments must be compared.
        var byOrdinal = leaves.Count == 1;
        var seenOrds = new HashSet<long>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<ScoreDoc>();
        var scratch = new BytesRef();
        foreach (var hit in ranked)
        {
            var leafIndex = ReaderUtil.SubIndex(hit.Doc, leaves);
            var leaf = leaves[leafIndex];
            var values = labels[leafIndex] ??= leaf.AtomicReader.GetSortedDocValues(SearchSchema.Cluster) ?? DocValues.EMPTY_SORTED;
            var local = hit.Doc - leaf.DocBase;
            var ord = values.GetOrd(local);
            bool first;
            if (ord < 0)
                first = true; // An article indexed before clusters existed is its own cluster.
            else if (byOrdinal)
                first = seenOrds.Add(ord);
            else
            {
                values.LookupOrd(ord, scratch);
                first = seen.Add(scratch.Utf8ToString());
            }
            if (first)
                kept.Add(hit);
        }
        return kept;
    }
}
