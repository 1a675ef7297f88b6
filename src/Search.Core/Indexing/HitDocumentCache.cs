using System.Collections.Concurrent;
using Lucene.Net.Index;

namespace Search.Core;

/// <summary>A hit's stored article and the sentences of its body, which every highlight of it needs.</summary>
internal sealed record HitDocument(Article Article, IReadOnlyList<TextRange> Sentences);

/// <summary>
/// The stored fields of recent hits, with their body split into sentences, so a hit shown again (the next page, a facet click, the same
/// query from another user) is not decompressed again. Keys are a segment's core and a document
/// number within it: a segment's documents never change, so an entry is never stale, and a
/// segment merged away simply stops being asked for. The cache empties itself when full rather
/// than tracking recency, which keeps every lookup lock-free.
/// </summary>
internal sealed class HitDocumentCache(int capacity)
{
    private readonly ConcurrentDictionary<(object Core, int Doc), HitDocument> _documents = new();

    public HitDocument Get(AtomicReaderContext leaf, int localDoc, Func<Article> load)
    {
        var key = (leaf.AtomicReader.CoreCacheKey, localDoc);
        if (_documents.TryGetValue(key, out var document))
            return document;
        var article = load();
        document = new HitDocument(article, SentenceSplitter.Split(article.Body));
        if (_documents.Count >= capacity)
            _documents.Clear();
        _documents[key] = document;
        return document;
    }
}
