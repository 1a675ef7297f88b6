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

    // Clusters are numbered and kept in columns of primitive arrays, the representative's signature as
    // byte codes: at a million articles, one object and one dictionary entry per band key per cluster
    // took about 2 GB, and the columns take about 290 bytes a cluster. Band entries are never removed:
    // an entry left by a cluster that died, or by a representative that was replaced, only makes a
    // candidate that the similarity check against the cluster's present representative settles.
    private const int SignaturesPerChunk = 1024;
    private const byte HasRepresentative = 1;
    private const byte RepresentedByFirst = 2;

    private readonly HashedIdMap _clusterOfId = new();
    private readonly HashedIdMap _clusterByLabel = new();
    private readonly BandTable[] _bands = [.. Enumerable.Range(0, BodyFingerprint.Bands).Select(_ => new BandTable())];
    // Signatures in fixed chunks, so growing never copies (nor briefly doubles) them.
    private readonly List<byte[]> _signatures = [];
    private readonly Stack<int> _unused = [];
    private readonly List<int> _candidates = [];
    private string?[] _labels = new string?[16];
    private int[] _sizes = new int[16];
    private byte[] _flags = new byte[16];
    // Per cluster, the look-up that last took it as a candidate (see BandTable.Candidates).
    private int[] _marks = new int[16];
    private int _stamp;
    private int _count;

    /// <summary>Whether an article with this id is recorded (in the index, or written since it was read).</summary>
    public bool Contains(string id) => _clusterOfId.Contains(id);

    /// <summary>Records an article already in the index.</summary>
    public void Load(string id, string label, BodyFingerprint? fingerprint)
    {
        Remove(id);
        if (!_clusterByLabel.TryGet(label, out var cluster))
        {
            cluster = NewCluster(label);
            _clusterByLabel.Set(label, cluster);
        }
        _sizes[cluster]++;
        _clusterOfId.Set(id, cluster);
        var first = id == label;
        var flags = _flags[cluster];
        if (fingerprint is not null && ((flags & HasRepresentative) == 0 || (first && (flags & RepresentedByFirst) == 0)))
        {
            fingerprint.Codes.CopyTo(Signature(cluster));
            _flags[cluster] = (byte)(HasRepresentative | (first ? RepresentedByFirst : 0));
            var keys = fingerprint.BandKeys;
            for (var b = 0; b < keys.Length; b++)
            {
                if (keys[b] is { } key)
                    _bands[b].Add(key, cluster);
            }
        }
    }

    /// <summary>Gives a new or changed article its cluster and records it; replaces any entry with the same id.</summary>
    public string Assign(string id, BodyFingerprint? fingerprint)
    {
        Remove(id);
        var nearest = fingerprint is null ? -1 : Nearest(fingerprint);
        var label = nearest >= 0 ? _labels[nearest]! : NewLabel(id);
        Load(id, label, fingerprint);
        return label;
    }

    /// <summary>Forgets a deleted article; its cluster goes when its last article does.</summary>
    public void Remove(string id)
    {
        if (!_clusterOfId.Remove(id, out var cluster))
            return;
        if (--_sizes[cluster] > 0)
            return;
        _clusterByLabel.Remove(_labels[cluster]!, out _);
        _labels[cluster] = null;
        _flags[cluster] = 0;
        _unused.Push(cluster);
    }

    private int Nearest(BodyFingerprint fingerprint)
    {
        var best = -1;
        var bestSimilarity = Threshold;
        _candidates.Clear();
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_marks);
            _stamp = 1;
        }
        var keys = fingerprint.BandKeys;
        for (var b = 0; b < keys.Length; b++)
        {
            if (keys[b] is { } key)
                _bands[b].Candidates(key, _candidates, _marks, _stamp);
        }
        foreach (var candidate in _candidates)
        {
            if ((_flags[candidate] & HasRepresentative) == 0)
                continue;
            var similarity = BodyFingerprint.Similarity(fingerprint.Codes, Signature(candidate));
            if (similarity > bestSimilarity || (similarity == bestSimilarity && (best < 0 || string.CompareOrdinal(_labels[candidate], _labels[best]) < 0)))
            {
                best = candidate;
                bestSimilarity = similarity;
            }
        }
        return best;
    }

    private int NewCluster(string label)
    {
        if (!_unused.TryPop(out var cluster))
        {
            cluster = _count++;
            if (cluster == _labels.Length)
            {
                var length = _labels.Length * 2;
                Array.Resize(ref _labels, length);
                Array.Resize(ref _sizes, length);
                Array.Resize(ref _flags, length);
                Array.Resize(ref _marks, length);
            }
            if (cluster / SignaturesPerChunk == _signatures.Count)
                _signatures.Add(new byte[SignaturesPerChunk * BodyFingerprint.Slots]);
        }
        _labels[cluster] = label;
        _sizes[cluster] = 0;
        _flags[cluster] = 0;
        return cluster;
    }

    private Span<byte> Signature(int cluster) =>
        _signatures[cluster / SignaturesPerChunk].AsSpan(cluster % SignaturesPerChunk * BodyFingerprint.Slots, BodyFingerprint.Slots);

    /// <summary>The article's id, unless a live cluster already carries it (its first article was changed and left).</summary>
    private string NewLabel(string id)
    {
        if (!_clusterByLabel.Contains(id))
            return id;
        for (var n = 2; ; n++)
        {
            var label = $"{id}#{n}";
            if (!_clusterByLabel.Contains(label))
                return label;
        }
    }
}
