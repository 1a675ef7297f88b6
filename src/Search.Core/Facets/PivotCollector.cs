using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Facets;

/// <summary>
/// Counts, for the documents it is given, each value of two facets and each pair of them, by
/// global ordinal. Pairs are kept sparsely: most pairs of speakers and groups never meet.
/// </summary>
internal sealed class PivotCollector(FacetOrdinals rows, FacetOrdinals columns) : ICollector
{
    private readonly List<int> _rowOrds = [];
    private SortedSetDocValues _rowValues = DocValues.EMPTY_SORTED_SET;
    private SortedSetDocValues _columnValues = DocValues.EMPTY_SORTED_SET;
    private int[] _rowToGlobal = [];
    private int[] _columnToGlobal = [];

    public int[] RowCounts { get; } = new int[rows.ValueCount];

    public int[] ColumnCounts { get; } = new int[columns.ValueCount];

    /// <summary>Documents per (row ordinal, column ordinal), keyed as row × column count + column.</summary>
    public Dictionary<long, int> PairCounts { get; } = [];

    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        (_rowValues, _rowToGlobal) = Open(context, rows);
        (_columnValues, _columnToGlobal) = Open(context, columns);
    }

    public void Collect(int doc)
    {
        Total++;
        _rowOrds.Clear();
        _rowValues.SetDocument(doc);
        for (var ord = _rowValues.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = _rowValues.NextOrd())
        {
            var row = _rowToGlobal[ord];
            RowCounts[row]++;
            _rowOrds.Add(row);
        }
        _columnValues.SetDocument(doc);
        for (var ord = _columnValues.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = _columnValues.NextOrd())
        {
            var column = _columnToGlobal[ord];
            ColumnCounts[column]++;
            foreach (var row in _rowOrds)
            {
                var key = (long)row * ColumnCounts.Length + column;
                PairCounts[key] = PairCounts.GetValueOrDefault(key) + 1;
            }
        }
    }

    public int Count(int row, int column) => PairCounts.GetValueOrDefault((long)row * ColumnCounts.Length + column);

    private static (SortedSetDocValues Values, int[] ToGlobal) Open(AtomicReaderContext context, FacetOrdinals ordinals) =>
        context.AtomicReader.GetSortedSetDocValues(ordinals.Field) is { } values
            ? (values, ordinals.SegmentToGlobal(context.Ord))
            : (DocValues.EMPTY_SORTED_SET, []);
}
