using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Duplicates;

/// <summary>
/// Collects the matches of one search by near-duplicate cluster: each cluster's members, best score
/// first. Memory grows with the matches only, so a page's clusters are counted exactly in one pass.
/// </summary>
/// <param name="excluded">Documents (top-level numbers) never collected.</param>
internal sealed class ClusterMemberCollector(IReadOnlySet<int>? excluded = null) : ICollector
{
    private readonly Dictionary<string, List<(int Doc, float Score)>> _members = new(StringComparer.Ordinal);
    private readonly BytesRef _scratch = new();
    private SortedDocValues? _labels;
    private Scorer? _scorer;
    private int _docBase;

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _labels = context.AtomicReader.GetSortedDocValues(SearchSchema.Cluster);
        _docBase = context.DocBase;
    }

    public void Collect(int doc)
    {
        if (_labels is null || _labels.GetOrd(doc) < 0 || excluded?.Contains(_docBase + doc) == true)
            return;
        _labels.Get(doc, _scratch);
        var label = _scratch.Utf8ToString();
        if (!_members.TryGetValue(label, out var list))
            _members[label] = list = [];
        list.Add((_docBase + doc, _scorer?.GetScore() ?? 0));
    }

    /// <summary>The members of a cluster that matched, best first (ties in index order); empty when none did.</summary>
    public IReadOnlyList<int> Members(string cluster) =>
        _members.TryGetValue(cluster, out var list)
            ? list.OrderByDescending(m => m.Score).ThenBy(m => m.Doc).Select(m => m.Doc).ToArray()
            : [];
}
