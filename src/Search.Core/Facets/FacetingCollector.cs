using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Facets;

/// <summary>
/// One pass over the documents matching the query (and year range) that both filters by the selected
/// facet values and counts facets drill-sideways: a document that passes every facet filter is a
/// hit and counts for every facet; a document that fails exactly one facet's filter counts only for
/// that facet, which is what its counts would be if that facet were not filtered. Counting goes into
/// arrays indexed by global ordinal; labels are looked up later, only for the values returned.
/// </summary>
internal sealed class FacetingCollector : ICollector
{
    private readonly ICollector? _hits;
    private readonly FacetReaderState _state;
    private readonly Dimension[] _dimensions;
    private readonly CancellationToken _cancellation;
    private int _collected;

    public FacetingCollector(ICollector? hits, FacetReaderState state, IEnumerable<FacetSelection> selections, CancellationToken cancellation)
    {
        _hits = hits;
        _state = state;
        _cancellation = cancellation;
        _dimensions = selections.Select(s => new Dimension(s, s.Counted ? state[s.Facet].RentCounts() : null)).ToArray();
    }

    /// <summary>Documents that passed every filter.</summary>
    public int TotalHits { get; private set; }

    /// <summary>Counts by global ordinal for a counted facet.</summary>
    public int[] Counts(string facet) => _dimensions.First(d => d.Selection.Facet == facet).Counts
        ?? throw new InvalidOperationException($"The facet '{facet}' was not counted.");

    /// <summary>Gives the counts back for later searches; <see cref="Counts"/> must not be asked, nor its arrays used, after this.</summary>
    public void ReturnCounts()
    {
        foreach (var dimension in _dimensions)
        {
            if (dimension.Counts is { } counts)
                _state[dimension.Selection.Facet].ReturnCounts(counts);
            dimension.Counts = null;
        }
    }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _hits?.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        // Also checked per segment, so a search over few documents still notices a spent budget.
        _cancellation.ThrowIfCancellationRequested();
        _hits?.SetNextReader(context);
        foreach (var dimension in _dimensions)
        {
            // A facet neither counted nor filtered is never read (a pass that only counts hits).
            if (dimension.Counts is null && !dimension.Filtered)
                continue;
            var ordinals = _state[dimension.Selection.Facet];
            var values = context.AtomicReader.GetSortedSetDocValues(ordinals.Field);
            dimension.Values = values ?? DocValues.EMPTY_SORTED_SET;
            dimension.ToGlobal = values is null ? [] : ordinals.SegmentToGlobal(context.Ord);
            dimension.SelectedOrds = dimension.Selection.Values
                .Select(v => dimension.Values.LookupTerm(new BytesRef(v)))
                .Where(o => o >= 0)
                .ToHashSet();
        }
    }

    public void Collect(int doc)
    {
        if ((++_collected & 0x3FF) == 0)
            _cancellation.ThrowIfCancellationRequested();

        Dimension? missed = null;
        foreach (var dimension in _dimensions)
        {
            if (!dimension.Filtered || dimension.Matches(doc))
                continue;
            if (missed is not null)
                return;
            missed = dimension;
        }

        if (missed is not null)
        {
            missed.Count(doc);
            return;
        }
        TotalHits++;
        _hits?.Collect(doc);
        foreach (var dimension in _dimensions)
            dimension.Count(doc);
    }

    private sealed class Dimension(FacetSelection selection, int[]? counts)
    {
        public FacetSelection Selection { get; } = selection;

        // Read for every collected document: kept as a field rather than asked of the selection's list each time.
        public bool Filtered { get; } = selection.Values.Count > 0;
        public int[]? Counts { get; set; } = counts;
        public SortedSetDocValues Values { get; set; } = DocValues.EMPTY_SORTED_SET;
        public int[] ToGlobal { get; set; } = [];
        public HashSet<long> SelectedOrds { get; set; } = [];

        public bool Matches(int doc)
        {
            if (SelectedOrds.Count == 0)
                return false;
            Values.SetDocument(doc);
            for (var ord = Values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = Values.NextOrd())
            {
                if (SelectedOrds.Contains(ord))
                    return true;
            }
            return false;
        }

        public void Count(int doc)
        {
            if (Counts is null)
                return;
            Values.SetDocument(doc);
            for (var ord = Values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = Values.NextOrd())
                Counts[ToGlobal[ord]]++;
        }
    }
}

/// <summary>A facet as the collector sees it: the values selected (display form) and whether to count it.</summary>
internal sealed record FacetSelection(string Facet, IReadOnlyList<string> Values, bool Counted);
