using Lucene.Net.Index;

namespace Search.Core;

/// <summary>A hit's stored article and the sentences of its body, which every highlight of it needs.</summary>
internal sealed record HitDocument(Article Article, IReadOnlyList<TextRange> Sentences);

/// <summary>
/// The stored fields of recent hits, with their body split into sentences, so a hit shown again (the
/// next page, a facet click, the same query from another user) is not decompressed again. Keys are a
/// segment's core and a document number within it: a segment's documents never change, so an entry
/// is never stale. At most <c>capacity</c> entries are kept, the least recently used going first,
/// and a segment's entries go as soon as Lucene closes the segment (merged away or deleted), so the
/// cache never keeps a dead segment's articles alive.
/// </summary>
/// <remarks>
/// One lock guards the recency list; it is held only for dictionary and list updates, never while a
/// document is loaded, so searches on other threads wait at most for a few pointer moves.
/// </remarks>
internal sealed class HitDocumentCache(int capacity) : SegmentReader.ICoreDisposedListener
{
    private readonly Lock _lock = new();

    // Most recently used first.
    private readonly LinkedList<Entry> _recency = new();
    private readonly Dictionary<object, Dictionary<int, LinkedListNode<Entry>>> _segments = new(ReferenceEqualityComparer.Instance);

    private sealed record Entry(object Core, int Doc, HitDocument Document);

    /// <summary>The number of cached hits.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
                return _recency.Count;
        }
    }

    /// <summary>The cached document of <paramref name="localDoc"/> in <paramref name="leaf"/>, loading it with <paramref name="load"/> when absent.</summary>
    public HitDocument Get(AtomicReaderContext leaf, int localDoc, Func<Article> load)
    {
        var core = leaf.AtomicReader.CoreCacheKey;
        lock (_lock)
        {
            if (_segments.TryGetValue(core, out var cached) && cached.TryGetValue(localDoc, out var hit))
                return Touch(hit);
        }
        var article = load();
        var document = new HitDocument(article, SentenceSplitter.Split(article.Body));
        var newSegment = false;
        lock (_lock)
        {
            if (!_segments.TryGetValue(core, out var docs))
            {
                _segments[core] = docs = [];
                newSegment = true;
            }
            if (docs.TryGetValue(localDoc, out var raced))
                return Touch(raced);
            docs[localDoc] = _recency.AddFirst(new Entry(core, localDoc, document));
            while (_recency.Count > capacity)
                Evict(_recency.Last!);
        }
        // Outside the lock: the segment is open while its reader is in use, so it cannot close before this.
        if (newSegment && leaf.AtomicReader is SegmentReader segment)
            segment.AddCoreDisposedListener(this);
        return document;
    }

    /// <summary>Lucene closed a segment: its documents cannot be asked for again.</summary>
    public void OnDispose(object ownerCoreCacheKey)
    {
        lock (_lock)
        {
            if (!_segments.Remove(ownerCoreCacheKey, out var docs))
                return;
            foreach (var node in docs.Values)
                _recency.Remove(node);
        }
    }

    private HitDocument Touch(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _recency.AddFirst(node);
        return node.Value.Document;
    }

    private void Evict(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        // The segment's (possibly empty) map stays until the segment closes, so its listener is registered once.
        _segments[node.Value.Core].Remove(node.Value.Doc);
    }
}
