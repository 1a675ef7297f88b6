using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Facets;

/// <summary>
/// Per-reader facet data that is costly to build and safe to share: for each facet, the map from
/// each segment's ordinals to global ordinals. Built once per reader (every refresh opens a new
/// one) and dropped with it.
/// </summary>
internal sealed class FacetReaderState
{
    // The table may run its factory twice when two searches race on a new reader; the Lazy it
    // stores makes sure only one of them builds the ordinal maps.
    private static readonly ConditionalWeakTable<IndexReader, Lazy<FacetReaderState>> Cache = new();

    private readonly Dictionary<string, FacetOrdinals> _facets;

    private FacetReaderState(IndexReader reader, FacetSchema schema)
    {
        _facets = schema.Names.ToDictionary(f => f, f => new FacetOrdinals(reader, SearchSchema.FacetField(f)), StringComparer.Ordinal);
    }

    /// <summary>The state of a reader, built once under a lock; one index opens its readers with one schema, so the first caller's schema is the reader's.</summary>
    public static FacetReaderState For(IndexReader reader, FacetSchema schema) =>
        Cache.GetValue(reader, r => new Lazy<FacetReaderState>(() => new FacetReaderState(r, schema), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    public FacetOrdinals this[string facet] => _facets[facet];

    /// <summary>Whether the state of <paramref name="reader"/> has been built.</summary>
    public static bool IsBuilt(IndexReader reader) => Cache.TryGetValue(reader, out var state) && state.IsValueCreated;

    /// <summary>Builds each facet's index of values by key now, rather than on the reader's first filtered search.</summary>
    public void BuildValueIndexes()
    {
        foreach (var facet in _facets.Values)
            facet.BuildValueIndex();
    }
}

/// <summary>One facet's ordinals across the segments of a reader.</summary>
internal sealed class FacetOrdinals
{
    private readonly IndexReader _reader;
    private readonly int[][] _segmentToGlobal;

    // Where each global ordinal first occurs, for looking up its label; null for a single segment.
    private readonly int[]? _firstSegment;
    private readonly long[]? _firstSegmentOrd;

    public FacetOrdinals(IndexReader reader, string field)
    {
        _reader = reader;
        Field = field;
        _byKey = new Lazy<Dictionary<string, List<string>>>(BuildKeyIndex, LazyThreadSafetyMode.ExecutionAndPublication);
        _allCounts = new Lazy<int[]>(CountAll, LazyThreadSafetyMode.ExecutionAndPublication);
        var leaves = reader.Leaves;
        var segmentValues = leaves.Select(l => l.AtomicReader.GetSortedSetDocValues(field) ?? DocValues.EMPTY_SORTED_SET).ToArray();
        if (leaves.Count <= 1)
        {
            ValueCount = leaves.Count == 0 ? 0 : (int)segmentValues[0].ValueCount;
            _segmentToGlobal = leaves.Count == 0 ? [] : [Enumerable.Range(0, ValueCount).ToArray()];
            _labels = new string?[ValueCount];
            return;
        }
        var map = new MultiDocValues.OrdinalMap(reader.CoreCacheKey, segmentValues.Select(v => v.GetTermsEnum()).ToArray());
        ValueCount = (int)map.ValueCount;
        _labels = new string?[ValueCount];
        _segmentToGlobal = new int[leaves.Count][];
        for (var segment = 0; segment < leaves.Count; segment++)
        {
            var ords = new int[segmentValues[segment].ValueCount];
            for (var ord = 0; ord < ords.Length; ord++)
                ords[ord] = (int)map.GetGlobalOrd(segment, ord);
            _segmentToGlobal[segment] = ords;
        }
        _firstSegment = new int[ValueCount];
        _firstSegmentOrd = new long[ValueCount];
        for (var global = 0; global < ValueCount; global++)
        {
            _firstSegment[global] = map.GetFirstSegmentNumber(global);
            _firstSegmentOrd[global] = map.GetFirstSegmentOrd(global);
        }
    }

    /// <summary>The doc-values field.</summary>
    public string Field { get; }

    /// <summary>Number of distinct values across the reader (including values only deleted documents hold).</summary>
    public int ValueCount { get; }

    /// <summary>A zeroed count per global ordinal for one search; give it back with <see cref="ReturnCounts"/> when the search is done with it.</summary>
    public int[] RentCounts() => _spareCounts.TryTake(out var counts) ? counts : new int[ValueCount];

    /// <summary>Takes back a search's counts for the next search (which must not be using them any more).</summary>
    public void ReturnCounts(int[] counts)
    {
        Array.Clear(counts);
        _spareCounts.Add(counts);
    }

    // Counts of finished searches, zeroed. A facet with many values (speakers of a large index) would
    // otherwise put an array of its size on the heap every search: past 85 KB that is the large-object
    // heap, which only full collections reclaim. They go with the reader, as its values do.
    private readonly ConcurrentBag<int[]> _spareCounts = [];

    /// <summary>Segment ordinal to global ordinal, for the segment at <paramref name="leafIndex"/>.</summary>
    public int[] SegmentToGlobal(int leafIndex) => _segmentToGlobal[leafIndex];

    /// <summary>
    /// The stored values that equal <paramref name="value"/> ignoring case and accents, so a filter
    /// on "matthew miller" selects "Matthew Miller". Empty when the index has no such value.
    /// </summary>
    public IReadOnlyList<string> Resolve(string value) =>
        _byKey.Value.TryGetValue(SearchSchema.FacetKey(value), out var values) ? values : [];

    // Built on the first filter, once per reader even when searches race for it; the reader is shared by every thread.
    private readonly Lazy<Dictionary<string, List<string>>> _byKey;

    /// <summary>Builds the index <see cref="Resolve"/> reads, if no search has yet.</summary>
    public void BuildValueIndex() => _ = _byKey.Value;

    /// <summary>Whether the index <see cref="Resolve"/> reads has been built.</summary>
    public bool HasValueIndex => _byKey.IsValueCreated;

    private Dictionary<string, List<string>> BuildKeyIndex()
    {
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var ord = 0; ord < ValueCount; ord++)
        {
            var label = Label(ord);
            var key = SearchSchema.FacetKey(label);
            if (!index.TryGetValue(key, out var list))
                index[key] = list = [];
            list.Add(label);
        }
        return index;
    }

    /// <summary>The global ordinal of a stored value, or -1 when no segment has it.</summary>
    public int GlobalOrd(string value)
    {
        var bytes = new BytesRef(value);
        for (var leaf = 0; leaf < _reader.Leaves.Count; leaf++)
        {
            var values = _reader.Leaves[leaf].AtomicReader.GetSortedSetDocValues(Field);
            if (values is not null && values.LookupTerm(bytes) is var ord and >= 0)
                return _segmentToGlobal[leaf][ord];
        }
        return -1;
    }

    /// <summary>
    /// Live articles per global ordinal over the whole reader (the denominators of a histogram's
    /// shares), counted on first use and kept with the reader.
    /// </summary>
    public int[] CountsOverAllDocuments() => _allCounts.Value;

    private readonly Lazy<int[]> _allCounts;

    private int[] CountAll()
    {
        var counts = new int[ValueCount];
        for (var leaf = 0; leaf < _reader.Leaves.Count; leaf++)
        {
            var reader = _reader.Leaves[leaf].AtomicReader;
            var values = reader.GetSortedSetDocValues(Field);
            if (values is null)
                continue;
            var live = reader.LiveDocs;
            var toGlobal = _segmentToGlobal[leaf];
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                    continue;
                values.SetDocument(doc);
                for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
                    counts[toGlobal[ord]]++;
            }
        }
        return counts;
    }

    /// <summary>
    /// The value of a global ordinal. Read once through a per-thread doc-values instance and kept:
    /// the same top values come back search after search, and decoding one costs more than the
    /// counting. Racing threads at worst decode the same label twice.
    /// </summary>
    public string Label(int globalOrd) => _labels[globalOrd] ??= ReadLabel(globalOrd);

    private readonly string?[] _labels;

    private string ReadLabel(int globalOrd)
    {
        var (segment, ord) = _firstSegment is null ? (0, (long)globalOrd) : (_firstSegment[globalOrd], _firstSegmentOrd![globalOrd]);
        var values = _reader.Leaves[segment].AtomicReader.GetSortedSetDocValues(Field)!;
        var bytes = new BytesRef();
        values.LookupOrd(ord, bytes);
        return bytes.Utf8ToString();
    }
}
