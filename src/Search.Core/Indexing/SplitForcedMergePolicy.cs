using Lucene.Net.Index;

namespace Search.Core;

/// <summary>
/// The writer's merge policy. While articles are written it is Lucene's tiered policy. A forced
/// merge down to <c>n</c> segments is split into <c>n</c> merges of neighbouring segments of about
/// equal size, which the merge scheduler runs at the same time, one per core: the tiered policy
/// would merge all but the largest segment in one merge, on one core, while the other core idles
/// (on Reuters-21578 that one merge was the last 0.6 s of a 5 s build). Neighbouring segments keep
/// the documents in the order they were written, so ties in ranking fall as they did.
/// </summary>
internal sealed class SplitForcedMergePolicy : MergePolicy
{
    public SplitForcedMergePolicy(TieredMergePolicy tiered)
        : base(0, long.MaxValue)
    {
        Tiered = tiered;
    }

    /// <summary>The policy for merges while writing.</summary>
    public TieredMergePolicy Tiered { get; }

    public override void SetIndexWriter(IndexWriter writer)
    {
        base.SetIndexWriter(writer);
        Tiered.SetIndexWriter(writer);
    }

    public override MergeSpecification? FindMerges(MergeTrigger mergeTrigger, SegmentInfos segmentInfos) =>
        Tiered.FindMerges(mergeTrigger, segmentInfos);

    public override MergeSpecification? FindForcedDeletesMerges(SegmentInfos segmentInfos) =>
        Tiered.FindForcedDeletesMerges(segmentInfos);

    public override MergeSpecification? FindForcedMerges(SegmentInfos segmentInfos, int maxSegmentCount, IDictionary<SegmentCommitInfo, bool> segmentsToMerge)
    {
        if (maxSegmentCount <= 1)
            return Tiered.FindForcedMerges(segmentInfos, maxSegmentCount, segmentsToMerge);
        var merging = m_writer.Get().MergingSegments;
        var eligible = segmentInfos.Segments.Where(segmentsToMerge.ContainsKey).ToList();
        // The writer asks again each time a merge ends; the split is made once the last one has.
        if (eligible.Any(merging.Contains))
            return null;
        var groups = Split(eligible, maxSegmentCount);
        MergeSpecification? merges = null;
        foreach (var group in groups)
        {
            // A group of one segment is merged only to drop its deleted documents.
            if (group.Count == 1 && IsMerged(segmentInfos, group[0]))
                continue;
            merges ??= new MergeSpecification();
            merges.Add(new OneMerge(group));
        }
        return merges;
    }

    /// <summary>Neighbouring runs of <paramref name="segments"/>, at most <paramref name="count"/>, each about an equal share of the bytes.</summary>
    private List<List<SegmentCommitInfo>> Split(List<SegmentCommitInfo> segments, int count)
    {
        var sizes = segments.Select(Size).ToArray();
        var total = (double)Math.Max(1, sizes.Sum());
        var groups = new List<List<SegmentCommitInfo>> { new() };
        long before = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            // A new run starts once the runs so far hold their share, and there are segments left for it.
            if (groups[^1].Count > 0 && groups.Count < count && before + sizes[i] / 2.0 > total * groups.Count / count)
                groups.Add([]);
            groups[^1].Add(segments[i]);
            before += sizes[i];
        }
        return groups;
    }

    public override bool UseCompoundFile(SegmentInfos infos, SegmentCommitInfo mergedInfo) => false;

    protected override void Dispose(bool disposing) => Tiered.Dispose();
}
