using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace Search.Core.Querying;

/// <summary>
/// The classic multi-field parser with the query cost limits of <see cref="SearchLimits"/> applied
/// while it builds: regular expressions and wildcards are checked before Lucene determinizes them
/// (<see cref="RegexCost"/>, <see cref="DeterminizationBudget"/>), fuzzy terms are counted and each
/// expands to at most <see cref="SearchLimits.MaxFuzzyExpansions"/> terms, and
/// wildcard, prefix and regular-expression queries refuse to expand past
/// <see cref="SearchLimits.MaxExpandedTerms"/> index terms. One parser parses one query.
/// </summary>
internal abstract class BoundedQueryParser : MultiFieldQueryParser
{
    private readonly DeterminizationBudget _budget = new(SearchLimits.MaxDeterminizedStates);
    private readonly HashSet<string> _fuzzyTerms = new(StringComparer.Ordinal);

    protected BoundedQueryParser(LuceneVersion version, string[] fields, Analyzer analyzer, IDictionary<string, float> boosts)
        : base(version, fields, analyzer, boosts)
    {
        MultiTermRewriteMethod = BoundedTermsRewrite.Instance;
    }

    protected override Query NewRegexpQuery(Term regexp)
    {
        RegexCost.Check(regexp.Text, _budget);
        return base.NewRegexpQuery(regexp);
    }

    protected override Query NewWildcardQuery(Term t)
    {
        // Lucene determinizes the pattern's UTF-8 form (in CompiledAutomaton); that is the run to bound.
        _budget.Determinize(new UTF32ToUTF8().Convert(WildcardQuery.ToAutomaton(t)), "wildcard pattern");
        return base.NewWildcardQuery(t);
    }

    protected override Query NewFuzzyQuery(Term term, float minimumSimilarity, int prefixLength)
    {
        // A fuzzy word searched in title and body is one fuzzy term to the person who typed it.
        if (_fuzzyTerms.Add(term.Text) && _fuzzyTerms.Count > SearchLimits.MaxFuzzyTerms)
        {
            throw new QueryLimitException(nameof(SearchLimits.MaxFuzzyTerms),
                $"The query has more than {SearchLimits.MaxFuzzyTerms} fuzzy terms (word~), the limit for one query; remove some of the '~'.");
        }
        // The base class turns the similarity into an edit distance; the expansion cap is set here.
        var fuzzy = (FuzzyQuery)base.NewFuzzyQuery(term, minimumSimilarity, prefixLength);
        return new FuzzyQuery(fuzzy.Term, fuzzy.MaxEdits, fuzzy.PrefixLength, SearchLimits.MaxFuzzyExpansions, fuzzy.Transpositions);
    }
}

/// <summary>
/// Rewrites a wildcard, prefix or regular-expression query as Lucene's default does, after making
/// sure it matches at most <see cref="SearchLimits.MaxExpandedTerms"/> distinct index terms; the
/// count stops at the first term over the limit, so a pattern matching the whole vocabulary costs
/// no more than the limit to refuse.
/// </summary>
internal sealed class BoundedTermsRewrite : MultiTermQuery.RewriteMethod
{
    public static BoundedTermsRewrite Instance { get; } = new();

    public override Query Rewrite(IndexReader reader, MultiTermQuery query)
    {
        var seen = new HashSet<BytesRef>();
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(query.Field);
            if (terms is null)
                continue;
            var matches = GetTermsEnum(query, terms, new AttributeSource());
            while (matches.MoveNext())
            {
                // Rewriting happens before any document is collected, so the budget is checked here too.
                if ((seen.Count & 0xFF) == 0)
                    SearchBudget.ThrowIfSpent();
                if (seen.Add(BytesRef.DeepCopyOf(matches.Term)) && seen.Count > SearchLimits.MaxExpandedTerms)
                {
                    throw new QueryLimitException(nameof(SearchLimits.MaxExpandedTerms),
                        $"The pattern '{query.ToString(query.Field)}' matches more than {SearchLimits.MaxExpandedTerms:N0} different words, the limit for one pattern; make it longer or more specific.");
                }
            }
        }
        return MultiTermQuery.CONSTANT_SCORE_AUTO_REWRITE_DEFAULT.Rewrite(reader, query);
    }
}
