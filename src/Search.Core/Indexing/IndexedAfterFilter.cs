using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core;

/// <summary>
/// The documents indexed after a moment, read from <see cref="SearchSchema.IndexedAt"/>'s doc values:
/// one number a document, checked only for the documents a query matches. Indexes written before
/// the moment became a doc value hold it as indexed numeric terms; a segment that has such terms
/// (on its own, or merged with newer segments, where only its older documents lack a value)
/// answers from them for each document without a value.
/// </summary>
internal sealed class IndexedAfterFilter(long ticks) : Filter
{
    /// <summary>The precision step older indexes wrote the terms with: theirs, or a multiple of it.</summary>
    private const int TermPrecisionStep = 32;

    public long Ticks { get; } = ticks;

    /// <inheritdoc />
    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var reader = context.AtomicReader;
        if (reader.FieldInfos.FieldInfo(SearchSchema.IndexedAt) is not { } field)
            return null;
        var values = field.HasDocValues ? reader.GetNumericDocValues(SearchSchema.IndexedAt) : null;
        var withValue = values is null ? null : reader.GetDocsWithField(SearchSchema.IndexedAt);
        var fromTerms = field.IsIndexed ? TermMatches(context) : null;
        return (values, fromTerms) switch
        {
            (null, null) => null,
            (null, _) => new FieldCacheDocIdSet(reader.MaxDoc, acceptDocs, fromTerms.Get),
            (_, null) => new FieldCacheDocIdSet(reader.MaxDoc, acceptDocs, doc => values.Get(doc) > Ticks),
            _ => new FieldCacheDocIdSet(reader.MaxDoc, acceptDocs, doc => withValue!.Get(doc) ? values.Get(doc) > Ticks : fromTerms.Get(doc)),
        };
    }

    private FixedBitSet TermMatches(AtomicReaderContext context)
    {
        var matches = new FixedBitSet(context.AtomicReader.MaxDoc);
        var iterator = NumericRangeFilter.NewInt64Range(SearchSchema.IndexedAt, TermPrecisionStep, Ticks, null, false, true)
            .GetDocIdSet(context, null)?.GetIterator();
        if (iterator is not null)
            matches.Or(iterator);
        return matches;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IndexedAfterFilter other && other.Ticks == Ticks;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(nameof(IndexedAfterFilter), Ticks);

    /// <inheritdoc />
    public override string ToString() => $"{SearchSchema.IndexedAt}>{Ticks}";
}
