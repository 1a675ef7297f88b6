using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Querying;

/// <summary>
/// The term lookups of one search, made once and shared by everything the search does: the query
/// and the near-duplicate query score from them, the highlighter reads the postings they found,
/// passage scoring takes their document frequencies. One terms enumerator per segment and field
/// serves every lookup. Not thread-safe: one instance serves one search on one thread.
/// </summary>
/// <remarks>
/// Without it, every term query of every pass opened its own enumerator per segment (a few
/// kilobytes of frames and buffers each) and walked the terms index again for a term the search had
/// already found; a faceted, highlighted search with folding opened dozens.
/// </remarks>
internal sealed class SearchTerms(IndexSearcher searcher)
{
    private readonly Dictionary<(int Leaf, string Field), TermsEnum?> _enums = [];
    private readonly Dictionary<Term, TermContext> _contexts = [];

    /// <summary>The reader searched.</summary>
    public IndexReader Reader => searcher.IndexReader;

    /// <summary>The enumerator of a field's terms in a segment (positioned wherever its last user left it), or <c>null</c> when the segment has no such field.</summary>
    public TermsEnum? Enumerator(AtomicReaderContext leaf, string field)
    {
        if (!_enums.TryGetValue((leaf.Ord, field), out var terms))
            _enums[(leaf.Ord, field)] = terms = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
        return terms;
    }

    /// <summary>Where a term is in each segment and how many documents hold it, as Lucene's own lookup finds them.</summary>
    public TermContext Context(Term term)
    {
        if (_contexts.TryGetValue(term, out var context))
            return context;
        var top = searcher.TopReaderContext;
        context = new TermContext(top);
        foreach (var leaf in top.Leaves)
        {
            var terms = Enumerator(leaf, term.Field);
            if (terms is not null && terms.SeekExact(term.Bytes))
                context.Register(terms.GetTermState(), leaf.Ord, terms.DocFreq, terms.TotalTermFreq);
        }
        _contexts[term] = context;
        return context;
    }

    /// <summary>Documents holding the term in the whole reader (deleted ones included, as <see cref="IndexReader.DocFreq"/> counts).</summary>
    public int DocFreq(Term term) => Context(term).DocFreq;

    /// <summary>
    /// The query with each of its term queries (inside boolean and filtered queries) given its
    /// lookup from here, so scoring it seeks no term again. It scores exactly as the query does.
    /// </summary>
    public Query Prepare(Query query)
    {
        switch (query)
        {
            case TermQuery term:
                return new TermQuery(term.Term, Context(term.Term)) { Boost = term.Boost };
            case BooleanQuery boolean:
                var prepared = new BooleanQuery(boolean.CoordDisabled) { MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch, Boost = boolean.Boost };
                foreach (var clause in boolean.Clauses)
                    prepared.Add(Prepare(clause.Query), clause.Occur);
                return prepared;
            case FilteredQuery filtered:
                return new FilteredQuery(Prepare(filtered.Query), filtered.Filter, filtered.Strategy) { Boost = filtered.Boost };
            default:
                return query;
        }
    }
}
