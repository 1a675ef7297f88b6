using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Querying;

/// <summary>
/// Whether a hit's near-duplicate cluster has other members in the index: the question folding
/// asks of every hit of a page before it looks for their duplicates. Answered from per-segment
/// counts of each cluster ordinal, counted once per segment from its cluster doc values and kept
/// with the segment (a segment's documents never change), instead of a terms-dictionary seek
/// per hit, which cost a faceted search on Reuters a quarter of its time.
/// </summary>
/// <remarks>
/// Counts include deleted documents until they are merged away, as the terms' document frequencies
/// do: the answer is the one <see cref="IndexReader.DocFreq"/> on the cluster label gives.
/// </remarks>
internal static class ClusterCompany
{
    // Keyed by segment core: the counts serve every reader that shares the segment, and go with it.
    private static readonly ConditionalWeakTable<object, byte[]> Counts = new();

    /// <summary>
    /// Whether the cluster <paramref name="label"/> of the hit <paramref name="doc"/> (top-level number)
    /// has at least two documents in the index; <c>null</c> when the hit's segment has no cluster
    /// values to count (an index written before they existed), and the caller must look it up.
    /// </summary>
    public static bool? HasCompany(IndexReader reader, int doc, string label)
    {
        var leaves = reader.Leaves;
        var own = ReaderUtil.SubIndex(doc, leaves);
        var ownValues = leaves[own].AtomicReader.GetSortedDocValues(SearchSchema.Cluster);
        var ownOrd = ownValues?.GetOrd(doc - leaves[own].DocBase) ?? -1;
        if (ownValues is null || ownOrd < 0)
            return null;
        var members = (int)For(leaves[own].AtomicReader, ownValues)[ownOrd];
        BytesRef? bytes = null;
        for (var leaf = 0; leaf < leaves.Count && members < 2; leaf++)
        {
            if (leaf == own || leaves[leaf].AtomicReader.GetSortedDocValues(SearchSchema.Cluster) is not { } values)
                continue;
            if (values.LookupTerm(bytes ??= new BytesRef(label)) is var ord and >= 0)
                members += For(leaves[leaf].AtomicReader, values)[ord];
        }
        return members >= 2;
    }

    /// <summary>Counts a segment's clusters now, rather than on the first search that folds one of its hits.</summary>
    public static void CountClusters(AtomicReader segment)
    {
        if (segment.GetSortedDocValues(SearchSchema.Cluster) is { } values)
            For(segment, values);
    }

    /// <summary>Whether the clusters of <paramref name="segment"/> have been counted.</summary>
    public static bool IsCounted(AtomicReader segment) => Counts.TryGetValue(segment.CoreCacheKey, out _);

    /// <summary>Documents per cluster ordinal of a segment, deleted ones included, saturating at 2 (all the question needs).</summary>
    private static byte[] For(AtomicReader segment, SortedDocValues values) =>
        Counts.GetValue(segment.CoreCacheKey, _ =>
        {
            var counts = new byte[values.ValueCount];
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (values.GetOrd(doc) is var ord and >= 0 && counts[ord] < 2)
                    counts[ord]++;
            }
            return counts;
        });
}
