using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Highlighting;

/// <summary>
/// Finds where a <see cref="HighlightQuery"/> matches a stored field of one document, from the
/// positions and offsets the index keeps in its postings. No text is re-analysed: the words
/// matched are exactly the indexed terms, including stems, folded accents and group tokens (whose
/// offsets span the whole alias, so "Lashkar-e-Taiba" is marked as one match for LeT).
/// </summary>
internal static class TextMatcher
{
    /// <summary>Every match in the field: its character range and the term or phrase it satisfies, in text order.</summary>
    public static IReadOnlyList<TermMatch> Find(IndexReader reader, int doc, string field, HighlightQuery query)
    {
        if (query.IsEmpty)
            return [];
        var leaf = reader.Leaves[ReaderUtil.SubIndex(doc, reader.Leaves)];
        var terms = leaf.AtomicReader.GetTerms(field);
        if (terms is null)
            return [];
        var tokens = Tokens(terms.GetEnumerator(), doc - leaf.DocBase, query);
        var matches = new List<TermMatch>();
        foreach (var token in tokens)
        {
            if (query.Terms.Contains(token.Term))
                matches.Add(new TermMatch(new TextRange(token.Start, token.End - token.Start), token.Term));
        }
        if (query.Phrases.Count > 0)
        {
            var byPosition = tokens.ToLookup(t => t.Position);
            foreach (var phrase in query.Phrases)
                FindPhrase(phrase, tokens, byPosition, matches);
        }
        return matches.OrderBy(m => m.Range.Start).ThenBy(m => m.Range.Length).ToArray();
    }

    /// <summary>The occurrences in the document of every term the query names, read from the postings.</summary>
    private static List<PostedToken> Tokens(TermsEnum termsEnum, int doc, HighlightQuery query)
    {
        var tokens = new List<PostedToken>();
        DocsAndPositionsEnum? postings = null;
        foreach (var term in query.AllTerms)
        {
            if (!termsEnum.SeekExact(new BytesRef(term)))
                continue;
            postings = termsEnum.DocsAndPositions(null, postings, DocsAndPositionsFlags.OFFSETS);
            if (postings is null || postings.Advance(doc) != doc)
                continue;
            for (var i = postings.Freq; i > 0; i--)
            {
                var position = postings.NextPosition();
                if (postings.StartOffset >= 0)
                    tokens.Add(new PostedToken(term, postings.StartOffset, postings.EndOffset, position));
            }
        }
        return tokens;
    }

    private static void FindPhrase(PhraseSpec phrase, IReadOnlyList<PostedToken> tokens, ILookup<int, PostedToken> byPosition, List<TermMatch> matches)
    {
        foreach (var first in tokens.Where(t => phrase.Terms[0].Contains(t.Term)))
        {
            var start = first.Start;
            var end = first.End;
            var budget = phrase.Slop;
            var matched = true;
            for (var k = 1; k < phrase.Terms.Length && matched; k++)
            {
                var expected = first.Position + phrase.Positions[k] - phrase.Positions[0];
                var found = Nearest(byPosition, expected, budget, phrase.Terms[k]);
                if (found is null)
                {
                    matched = false;
                    break;
                }
                budget -= Math.Abs(found.Position - expected);
                start = Math.Min(start, found.Start);
                end = Math.Max(end, found.End);
            }
            if (matched)
                matches.Add(new TermMatch(new TextRange(start, end - start), phrase.Key));
        }
    }

    private static PostedToken? Nearest(ILookup<int, PostedToken> byPosition, int expected, int slop, string[] terms)
    {
        for (var distance = 0; distance <= slop; distance++)
        {
            foreach (var position in distance == 0 ? [expected] : new[] { expected - distance, expected + distance })
            {
                var token = byPosition[position].FirstOrDefault(t => terms.Contains(t.Term));
                if (token is not null)
                    return token;
            }
        }
        return null;
    }

    private sealed record PostedToken(string Term, int Start, int End, int Position);
}

/// <summary>A place in a text where a query term or phrase matched.</summary>
/// <param name="Range">The characters matched.</param>
/// <param name="Key">The term or phrase matched, for scoring.</param>
internal readonly record struct TermMatch(TextRange Range, string Key);
