using Lucene.Net.Index;

namespace Search.Core;

/// <summary>A hit's stored article and the sentences of its body, which every highlight of it needs.</summary>
internal sealed record HitDocument(Article Article, IReadOnlyList<TextRange> Sentences);

/// <summary>
/// The stored fields of recent hits, with their body split into sentences, so a hit shown again (the
/// next page, a facet click, the same query from another user) is not decompressed again. Keys are a
/// segment's core and a document number within it: a segment's documents never change, so an entry
/// is never stale. The cache holds at most <c>maxCharacters</c> characters of title and body, the
/// least recently used hits going first, and a segment's entries go as soon as Lucene closes the
/// segment (merged away or deleted), so the cache never keeps a dead segment's articles alive.
/// </summary>
/// <remarks>
/// Bounded by characters rather than by a count of hits, because that is what the memory is: a
/// few thousand long articles weigh as much as tens of thousands of short ones.
/// </remarks>
/// <remarks>
/// One lock guards the recency list; it is held only for dictionary and list updates, never while a
/// document is loaded, so searches on other threads wait at most for a few pointer moves.
/// </remarks>
internal sealed class HitDocumentCache(long maxCharacters) : SegmentReader.ICoreDisposedListener
{
    private readonly Lock _lock = new();

    // Most recently used first.
    private readonly LinkedList<Entry> _recency = new();
    private readonly Dictionary<object, Dictionary<int, LinkedListNode<Entry>>> _segments = new(ReferenceEqualityComparer.Instance);
    private long _characters;
    private long _hits;
    private long _misses;

    /// <summary>Lookups answered from the cache and lookups that loaded, since creation.</summary>
    public CacheStatistics Statistics => new(Interlocked.Read(ref _hits), Interlocked.Read(ref _misses));

    private sealed record Entry(object Core, int Doc, HitDocument Document)
    {
        public long Characters { get; } = Document.Article.Title.Length + Document.Article.Body.Length;
    }

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
            {
                _hits++;
                return Touch(hit);
            }
            _misses++;
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
            var entry = new Entry(core, localDoc, document);
            docs[localDoc] = _recency.AddFirst(entry);
            _characters += entry.Characters;
            // The newest entry stays even when it alone is over the budget: it is about to be shown.
            while (_characters > maxCharacters && _recency.Count > 1)
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
            {
                _recency.Remove(node);
                _characters -= node.Value.Characters;
            }
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
        _characters -= node.Value.Characters;
        // The segment's (possibly empty) map stays until the segment closes, so its listener is registered once.
        _segments[node.Value.Core].Remove(node.Value.Doc);
    }
}
