using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Highlighting;

namespace Search.Core.Quotes;

/// <summary>
/// When an article search names speakers (a <c>speaker</c> filter, or <c>speaker:"…"</c> in the
/// query), a hit's passages are that speaker's statements in the article, named ("Ned Price: …"),
/// those with query matches first, so the hit shows what the speaker said rather than any sentence
/// with the words.
/// </summary>
internal static class SpeakerPassages
{
    /// <summary>The folded speaker keys a search names: its speaker filter, and speaker terms its query requires or prefers.</summary>
    public static IReadOnlyList<string> Named(Query? query, IReadOnlyList<string> filtered)
    {
        var keys = filtered.Select(SearchSchema.FacetKey).ToList();
        if (query is not null)
            Collect(query, keys);
        return keys.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static void Collect(Query query, List<string> keys)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                    Collect(clause.Query, keys);
                break;
            case TermQuery term when term.Term.Field == FacetNames.Speaker:
                keys.Add(term.Term.Text);
                break;
            case ConstantScoreQuery { Query: { } inner }:
                Collect(inner, keys);
                break;
        }
    }

    /// <summary>
    /// The speakers' statements in the article as passages, or <c>null</c> when it holds none (the
    /// ordinary passages stand). Query matches in the body are carried into each statement's sentence.
    /// </summary>
    public static IReadOnlyList<HighlightedText>? For(IndexSearcher searcher, string articleId, string body, IReadOnlyList<TermMatch> bodyMatches, IReadOnlyList<string> speakerKeys, int max)
    {
        if (speakerKeys.Count == 0 || max == 0)
            return null;
        var speakers = new BooleanQuery();
        foreach (var key in speakerKeys)
            speakers.Add(new TermQuery(new Term(SearchSchema.StatementFacetField(FacetNames.Speaker), key)), Occur.SHOULD);
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(SearchSchema.StatementOf, articleId)), Occur.MUST },
            { speakers, Occur.MUST },
        };
        var statements = searcher.Search(query, 100).ScoreDocs
            .Select(d => SearchSchema.ToStoredStatement(searcher.Doc(d.Doc)))
            .Select(s => Passage(s, body, bodyMatches))
            .ToList();
        if (statements.Count == 0)
            return null;
        return statements
            .OrderByDescending(p => p.Text.Matches.Count > 0)
            .ThenBy(p => p.Position)
            .Take(max)
            .OrderBy(p => p.Position)
            .Select(p => p.Text)
            .ToArray();
    }

    private static (HighlightedText Text, int Position) Passage(SearchSchema.StoredStatement statement, string body, IReadOnlyList<TermMatch> bodyMatches)
    {
        var prefix = statement.Speaker + ": ";
        var at = body.IndexOf(statement.Sentence, StringComparison.Ordinal);
        var matches = at < 0
            ? []
            : bodyMatches
                .Where(m => m.Range.Start >= at && m.Range.End <= at + statement.Sentence.Length)
                .Select(m => new TextRange(m.Range.Start - at + prefix.Length, m.Range.Length))
                .ToArray();
        return (new HighlightedText(prefix + statement.Sentence, TextRange.Merge(matches)), statement.Position);
    }
}
