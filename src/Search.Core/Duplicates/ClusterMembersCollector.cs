using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Duplicates;

/// <summary>
/// Collects, in one pass, the matching documents of several near-duplicate clusters, grouped by
/// cluster label, with their scores: what used to take one search per hit on the page.
/// </summary>
internal sealed class ClusterMembersCollector(IReadOnlyList<string> clusters) : ICollector
{
    private readonly List<ScoreDoc>[] _members = clusters.Select(_ => new List<ScoreDoc>()).ToArray();
    private readonly Dictionary<int, int> _clusterBySegmentOrd = [];
    private SortedDocValues? _labels;
    private Scorer? _scorer;
    private int _docBase;

    public bool AcceptsDocsOutOfOrder => false;

    /// <summary>The matching members of <paramref name="cluster"/> (global document ids), in the order collected.</summary>
    public IReadOnlyList<ScoreDoc> Members(string cluster)
    {
        for (var i = 0; i < clusters.Count; i++)
        {
            if (clusters[i] == cluster)
                return _members[i];
        }
        return [];
    }

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _labels = context.AtomicReader.GetSortedDocValues(SearchSchema.Cluster);
        _clusterBySegmentOrd.Clear();
        if (_labels is null)
            return;
        for (var i = 0; i < clusters.Count; i++)
        {
            var ord = _labels.LookupTerm(new BytesRef(clusters[i]));
            if (ord >= 0)
                _clusterBySegmentOrd[ord] = i;
        }
    }

    public void Collect(int doc)
    {
        if (_labels is null || !_clusterBySegmentOrd.TryGetValue(_labels.GetOrd(doc), out var cluster))
            return;
        _members[cluster].Add(new ScoreDoc(_docBase + doc, _scorer!.GetScore()));
    }
}
