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
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<ScoreDoc>();
        var scratch = new BytesRef();
        foreach (var hit in ranked)
        {
            var leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
            var labels = leaf.AtomicReader.GetSortedDocValues(SearchSchema.Cluster);
            var local = hit.Doc - leaf.DocBase;
            // An article indexed before clusters existed is its own cluster.
            string key;
            if (labels is not null && labels.GetOrd(local) >= 0)
            {
                labels.Get(local, scratch);
                key = scratch.Utf8ToString();
            }
            else
                key = "\u0001doc:" + hit.Doc;
            if (seen.Add(key))
                kept.Add(hit);
        }
        return kept;
    }
}
