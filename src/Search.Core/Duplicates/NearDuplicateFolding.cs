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

    /// <summary>
    /// How many documents carry each cluster label (deleted ones included until merged away), with
    /// one terms enumerator per segment for all the labels rather than one per label.
    /// </summary>
    public static Dictionary<string, int> ClusterSizes(IndexReader reader, IEnumerable<string> clusters)
    {
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
            sizes[cluster] = 0;
        var labels = sizes.Keys.Order(StringComparer.Ordinal).Select(l => (Label: l, Bytes: new BytesRef(l))).ToArray();
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(SearchSchema.Cluster);
            if (terms is null)
                continue;
            var iterator = terms.GetEnumerator();
            foreach (var (label, bytes) in labels)
            {
                if (iterator.SeekExact(bytes))
                    sizes[label] += iterator.DocFreq;
            }
        }
        return sizes;
    }
}
