namespace Search.Core.Duplicates;

/// <summary>
/// The writer's table of fingerprints, for giving each new article a near-duplicate cluster as it
/// arrives. An article joins the cluster of its most similar live article at or above
/// <see cref="Threshold"/>; with none it starts its own cluster, labelled with its id. Clusters are
/// never merged or renumbered afterwards: deleting an article (even the first of a cluster) leaves
/// the others' label as it is, so a cluster id stays a stable name for links and counts, and
/// re-indexing in a different order may group a chain of edits differently (A~B and B~C, but not A~C).
/// </summary>
internal sealed class DuplicateClusters
{
    /// <summary>
    /// Estimated Jaccard similarity of three-word shingles from which two bodies are one story.
    /// Chosen on the labelled pairs in the tests: re-edited wire copy scores 0.45 and above, distinct
    /// stories on the same event below 0.15.
    /// </summary>
    public const double Threshold = 0.4;

    private readonly Dictionary<string, Entry> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, List<Entry>> _byBand = [];
    private readonly Dictionary<string, int> _clusterSizes = new(StringComparer.Ordinal);

    private sealed record Entry(string Id, string Cluster, BodyFingerprint Fingerprint);

    /// <summary>Records an article already in the index.</summary>
    public void Load(string id, string cluster, BodyFingerprint? fingerprint)
    {
        _clusterSizes[cluster] = _clusterSizes.GetValueOrDefault(cluster) + 1;
        var entry = new Entry(id, cluster, fingerprint ?? Empty);
        _byId[id] = entry;
        if (fingerprint is not null)
            AddBands(entry);
    }

    /// <summary>Gives a new or changed article its cluster and records it; replaces any entry with the same id.</summary>
    public string Assign(string id, BodyFingerprint? fingerprint)
    {
        Remove(id);
        var cluster = fingerprint is null ? null : Nearest(fingerprint)?.Cluster;
        cluster ??= NewLabel(id);
        Load(id, cluster, fingerprint);
        return cluster;
    }

    /// <summary>Forgets a deleted article.</summary>
    public void Remove(string id)
    {
        if (!_byId.Remove(id, out var entry))
            return;
        if (--_clusterSizes[entry.Cluster] == 0)
            _clusterSizes.Remove(entry.Cluster);
        if (ReferenceEquals(entry.Fingerprint, Empty))
            return;
        for (var b = 0; b < BodyFingerprint.Bands; b++)
        {
            if (_byBand.TryGetValue(entry.Fingerprint.BandKey(b), out var list))
                list.Remove(entry);
        }
    }

    private static readonly BodyFingerprint Empty = BodyFingerprint.FromBytes(new byte[BodyFingerprint.Slots * 4]);

    private Entry? Nearest(BodyFingerprint fingerprint)
    {
        Entry? best = null;
        var bestSimilarity = Threshold;
        var seen = new HashSet<Entry>(ReferenceEqualityComparer.Instance);
        for (var b = 0; b < BodyFingerprint.Bands; b++)
        {
            if (!_byBand.TryGetValue(fingerprint.BandKey(b), out var list))
                continue;
            foreach (var candidate in list)
            {
                if (!seen.Add(candidate))
                    continue;
                var similarity = fingerprint.Similarity(candidate.Fingerprint);
                if (similarity >= bestSimilarity && (best is null || similarity > bestSimilarity || string.CompareOrdinal(candidate.Id, best.Id) < 0))
                {
                    best = candidate;
                    bestSimilarity = similarity;
                }
            }
        }
        return best;
    }

    private void AddBands(Entry entry)
    {
        for (var b = 0; b < BodyFingerprint.Bands; b++)
        {
            var key = entry.Fingerprint.BandKey(b);
            if (!_byBand.TryGetValue(key, out var list))
                _byBand[key] = list = [];
            list.Add(entry);
        }
    }

    /// <summary>The article's id, unless a live cluster already carries it (its first article was changed and left).</summary>
    private string NewLabel(string id)
    {
        if (!_clusterSizes.ContainsKey(id))
            return id;
        for (var n = 2; ; n++)
        {
            var label = $"{id}#{n}";
            if (!_clusterSizes.ContainsKey(label))
                return label;
        }
    }
}
