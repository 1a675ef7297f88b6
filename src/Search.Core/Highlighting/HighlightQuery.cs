using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Querying;

namespace Search.Core.Highlighting;

/// <summary>
/// What a query asks to be marked in text, taken apart once per search: single terms, and phrases
/// with their relative positions and slop. Prefix, wildcard, fuzzy and regexp queries are expanded
/// against the index first, so they mark exactly the words they matched. Prohibited clauses and
/// facet fields contribute nothing.
/// </summary>
internal sealed class HighlightQuery
{
    // Enough expansions to mark every word of a broad prefix on a news page; the search itself is not limited by it.
    private const int MaxExpansions = 1024;

    private HighlightQuery(HashSet<string> terms, List<PhraseSpec> phrases)
    {
        Terms = terms;
        Phrases = phrases;
        AllTerms = terms.Concat(phrases.SelectMany(p => p.Terms.SelectMany(t => t))).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every distinct term the query names, alone or in a phrase.</summary>
    public IReadOnlyList<string> AllTerms { get; }

    /// <summary>Analyzed terms that count wherever they stand.</summary>
    public IReadOnlySet<string> Terms { get; }

    /// <summary>Phrases that count only as a whole.</summary>
    public IReadOnlyList<PhraseSpec> Phrases { get; }

    public bool IsEmpty => Terms.Count == 0 && Phrases.Count == 0;

    public static HighlightQuery Empty { get; } = new([], []);

    public static HighlightQuery From(Query? query, IndexSearcher searcher)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var phrases = new List<PhraseSpec>();
        if (query is not null)
            Collect(query, searcher, terms, phrases);
        return new HighlightQuery(terms, phrases);
    }

    private static void Collect(Query query, IndexSearcher searcher, HashSet<string> terms, List<PhraseSpec> phrases)
    {
        SearchBudget.ThrowIfSpent();
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                    Collect(clause.Query, searcher, terms, phrases);
                break;
            case TermQuery term when IsText(term.Term.Field):
                terms.Add(term.Term.Text);
                break;
            case PhraseQuery phrase when phrase.GetTerms() is { Length: > 0 } phraseTerms && IsText(phraseTerms[0].Field):
                phrases.Add(new PhraseSpec(phraseTerms.Select(t => new[] { t.Text }).ToArray(), phrase.GetPositions(), phrase.Slop));
                break;
            case MultiPhraseQuery multi when multi.GetTermArrays() is { Count: > 0 } arrays && IsText(arrays[0][0].Field):
                phrases.Add(new PhraseSpec(arrays.Select(a => a.Select(t => t.Text).ToArray()).ToArray(), multi.GetPositions(), multi.Slop));
                break;
            case MultiTermQuery multiTerm when IsText(multiTerm.Field):
                var scoring = (MultiTermQuery)multiTerm.Clone();
                scoring.MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(MaxExpansions);
                Collect(searcher.Rewrite(scoring), searcher, terms, phrases);
                break;
            case DisjunctionMaxQuery dismax:
                foreach (var disjunct in dismax.Disjuncts)
                    Collect(disjunct, searcher, terms, phrases);
                break;
            case ConstantScoreQuery { Query: { } inner }:
                Collect(inner, searcher, terms, phrases);
                break;
            case FilteredQuery filtered:
                Collect(filtered.Query, searcher, terms, phrases);
                break;
        }
    }

    private static bool IsText(string field) => field is SearchSchema.Title or SearchSchema.Body or SearchSchema.StatementWords;
}

/// <summary>A phrase: at each relative position, the terms that may stand there.</summary>
internal sealed record PhraseSpec(string[][] Terms, int[] Positions, int Slop)
{
    /// <summary>A key naming the phrase for scoring.</summary>
    public string Key { get; } = string.Join(Separator, Terms.Select(t => t[0]));

    /// <summary>Separates the words of a phrase key; group terms may contain spaces.</summary>
    public const char Separator = '\u0002';
}
