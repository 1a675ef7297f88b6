namespace Search.Core.Duplicates;

/// <summary>
/// The writer's table of near-duplicate clusters, for giving each new article its cluster as it
/// arrives. Each cluster is represented by the fingerprint of the article that started it; a new
/// article joins the cluster whose representative it is most similar to, at or above
/// <see cref="Threshold"/>, or else starts its own cluster, labelled with its id. Comparing with the
/// representative rather than with any member stops chains of edits (A~B, B~C) from pulling
/// unrelated stories together. Clusters are never merged or renumbered: deleting an article, even
/// the first of its cluster, leaves the others' label as it is (the representative stays while the
/// cluster has members), so a cluster id is a stable name for links and counts.
/// </summary>
internal sealed class DuplicateClusters
{
    /// <summary>
    /// Estimated Jaccard similarity of three-word shingles from which two bodies are one story.
    /// Chosen on the labelled pairs in the tests: re-edited wire copy scores well above it, distinct
    /// stories on the same event far below.
    /// </summary>
    public const double Threshold = 0.4;

    private readonly Dictionary<string, string> _clusterOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Cluster> _clusters = new(StringComparer.Ordinal);
    // Each band key maps to its one cluster, or to a list once a second cluster shares the key. Nearly
    // every key belongs to one cluster, and a list per key cost about 2 GB of lists at a million articles.
    private readonly Dictionary<ulong, object> _byBand = [];

    private sealed class Cluster(string label)
    {
        public string Label { get; } = label;

        public int Size { get; set; }

        public BodyFingerprint? Representative { get; set; }

        /// <summary>Whether the representative is the article the cluster is named after (preferred when reloading).</summary>
        public bool RepresentedByFirst { get; set; }
    }

    /// <summary>Records an article already in the index.</summary>
    public void Load(string id, string label, BodyFingerprint? fingerprint)
    {
        Remove(id);
        if (!_clusters.TryGetValue(label, out var cluster))
            _clusters[label] = cluster = new Cluster(label);
        cluster.Size++;
        _clusterOf[id] = label;
        var first = id == label;
        if (fingerprint is not null && (cluster.Representative is null || (first && !cluster.RepresentedByFirst)))
        {
            RemoveBands(cluster);
            cluster.Representative = fingerprint;
            cluster.RepresentedByFirst = first;
            AddBands(cluster);
        }
    }

    /// <summary>Gives a new or changed article its cluster and records it; replaces any entry with the same id.</summary>
    public string Assign(string id, BodyFingerprint? fingerprint)
    {
        Remove(id);
        var label = (fingerprint is null ? null : Nearest(fingerprint)?.Label) ?? NewLabel(id);
        Load(id, label, fingerprint);
        return label;
    }

    /// <summary>Forgets a deleted article; its cluster goes when its last article does.</summary>
    public void Remove(string id)
    {
        if (!_clusterOf.Remove(id, out var label))
            return;
        var cluster = _clusters[label];
        if (--cluster.Size > 0)
            return;
        RemoveBands(cluster);
        _clusters.Remove(label);
    }

    private Cluster? Nearest(BodyFingerprint fingerprint)
    {
        Cluster? best = null;
        var bestSimilarity = Threshold;
        HashSet<Cluster>? seen = null;
        for (var b = 0; b < BodyFingerprint.Bands; b++)
        {
            if (fingerprint.BandKey(b) is not { } key || !_byBand.TryGetValue(key, out var entry))
                continue;
            foreach (var candidate in entry as List<Cluster> ?? [(Cluster)entry])
            {
                if (!(seen ??= []).Add(candidate))
                    continue;
                var similarity = fingerprint.Similarity(candidate.Representative!);
                if (similarity > bestSimilarity || (similarity == bestSimilarity && (best is null || string.CompareOrdinal(candidate.Label, best.Label) < 0)))
                {
                    best = candidate;
                    bestSimilarity = similarity;
                }
            }
        }
        return best;
    }

    private void AddBands(Cluster cluster)
    {
        for (var b = 0; b < BodyFingerprint.Bands; b++)
        {
            if (cluster.Representative!.BandKey(b) is not { } key)
                continue;
            if (!_byBand.TryGetValue(key, out var entry))
                _byBand[key] = cluster;
            else if (entry is List<Cluster> list)
                list.Add(cluster);
            else
                _byBand[key] = new List<Cluster> { (Cluster)entry, cluster };
        }
    }

    private void RemoveBands(Cluster cluster)
    {
        if (cluster.Representative is null)
            return;
        for (var b = 0; b < BodyFingerprint.Bands; b++)
        {
            if (cluster.Representative.BandKey(b) is not { } key || !_byBand.TryGetValue(key, out var entry))
                continue;
            if (entry is not List<Cluster> list)
            {
                if (ReferenceEquals(entry, cluster))
                    _byBand.Remove(key);
                continue;
            }
            list.Remove(cluster);
            if (list.Count == 1)
                _byBand[key] = list[0];
        }
    }

    /// <summary>The article's id, unless a live cluster already carries it (its first article was changed and left).</summary>
    private string NewLabel(string id)
    {
        if (!_clusters.ContainsKey(id))
            return id;
        for (var n = 2; ; n++)
        {
            var label = $"{id}#{n}";
            if (!_clusters.ContainsKey(label))
                return label;
        }
    }
}
