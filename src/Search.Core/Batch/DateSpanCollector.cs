using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Batch;

/// <summary>
/// The earliest and latest sort date (<see cref="SearchSchema.SortDate"/> doc values) of the documents
/// collected, read per document from the column without loading any stored field, so a batch entry
/// with a hundred thousand matches is dated for the price of counting them.
/// </summary>
internal sealed class DateSpanCollector : ICollector
{
    private NumericDocValues? _dates;

    /// <summary>The smallest ticks seen, or <c>null</c> when no collected document had a date.</summary>
    public long? Min { get; private set; }

    /// <summary>The largest ticks seen, or <c>null</c> when no collected document had a date.</summary>
    public long? Max { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        _dates = context.AtomicReader.GetNumericDocValues(SearchSchema.SortDate);
    }

    public void Collect(int doc)
    {
        if (_dates is null)
            return;
        // An undated document reads as 0, which is no article's date (ticks of 1 January of year 1), so
        // it is skipped without reading the column's "has a value" bits for every match.
        var ticks = _dates.Get(doc);
        if (ticks == 0)
            return;
        if (Min is not { } min || ticks < min)
            Min = ticks;
        if (Max is not { } max || ticks > max)
            Max = ticks;
    }
}
