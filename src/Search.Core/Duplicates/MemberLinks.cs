using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Duplicates;

/// <summary>
/// The id and URL of near-duplicates, which duplicate lists name, read from doc values. Loading them
/// from stored fields decompressed the block holding each member's body, half the time a page spent
/// listing its duplicates on Reuters-21578. A document whose segment (or whose own copy, in a segment
/// merged from older ones) has no such doc values is read from its stored fields, so an index written
/// before URLs had doc values lists the same ids and sites.
/// </summary>
internal sealed class MemberLinks(IndexReader reader)
{
    private static readonly ISet<string> StoredFields = new HashSet<string> { SearchSchema.Id, SearchSchema.Url };

    private readonly Dictionary<int, Leaf> _leaves = [];
    private readonly BytesRef _scratch = new();

    /// <summary>The id and URL (<c>null</c> when it has none) of the document <paramref name="doc"/>, a top-level number.</summary>
    public (string Id, string? Url) Of(int doc)
    {
        var leaves = reader.Leaves;
        var index = ReaderUtil.SubIndex(doc, leaves);
        if (!_leaves.TryGetValue(index, out var leaf))
            _leaves[index] = leaf = new Leaf(leaves[index].AtomicReader);
        var local = doc - leaves[index].DocBase;
        if (leaf.Ids is { } ids && ids.GetOrd(local) >= 0)
        {
            ids.Get(local, _scratch);
            var id = _scratch.Utf8ToString();
            if (!leaf.AnyUrl)
                return (id, null);
            if (leaf.Urls is { } urls && leaf.WithUrl!.Get(local))
            {
                urls.Get(local, _scratch);
                return (id, _scratch.Utf8ToString());
            }
        }
        var stored = reader.Document(doc, StoredFields);
        return (stored.Get(SearchSchema.Id), stored.Get(SearchSchema.Url));
    }

    private sealed class Leaf
    {
        public Leaf(AtomicReader segment)
        {
            Ids = segment.GetSortedDocValues(SearchSchema.Id);
            // No URL field at all: no article of the segment has one, and nothing needs loading.
            var url = segment.FieldInfos.FieldInfo(SearchSchema.Url);
            AnyUrl = url is not null;
            if (url is { HasDocValues: true })
            {
                Urls = segment.GetBinaryDocValues(SearchSchema.Url);
                WithUrl = segment.GetDocsWithField(SearchSchema.Url);
            }
        }

        public SortedDocValues? Ids { get; }

        /// <summary>Whether any document of the segment has a URL.</summary>
        public bool AnyUrl { get; }

        /// <summary>The URLs in doc values, or <c>null</c> when the segment has none there; a document outside <see cref="WithUrl"/> is read from stored fields.</summary>
        public BinaryDocValues? Urls { get; }

        public IBits? WithUrl { get; }
    }
}
