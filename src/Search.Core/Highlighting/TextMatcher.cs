using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Querying;

namespace Search.Core.Highlighting;

/// <summary>
/// Finds where a <see cref="HighlightQuery"/> matches the stored fields of the hits of one search,
/// from the positions and offsets the index keeps in its postings. No text is re-analysed: the
/// words matched are exactly the indexed terms, including stems, folded accents and group tokens
/// (whose offsets span the whole alias, so "Lashkar-e-Taiba" is marked as one match for LeT).
/// One instance serves one search on one thread, reusing its postings enumerators, and the term
/// lookups the search's query already made (<see cref="SearchTerms"/>).
/// </summary>
internal sealed class TextMatcher(SearchTerms terms, HighlightQuery query)
{
    // Sorting in place keeps a field's few matches off the heap; past this many, a sort that allocates costs less than moving them.
    private const int InsertionSortLimit = 32;

    private readonly Dictionary<(int Leaf, string Field), FieldCursor?> _cursors = [];
    private readonly List<PostedToken> _tokens = [];
    private readonly List<TermMatch> _matches = [];

    /// <summary>Every match in the field of a document: its character range and the term or phrase it satisfies, in text order.</summary>
    public IReadOnlyList<TermMatch> Find(int doc, string field)
    {
        if (query.IsEmpty)
            return [];
        var leaves = terms.Reader.Leaves;
        var leafIndex = ReaderUtil.SubIndex(doc, leaves);
        var leaf = leaves[leafIndex];
        if (!_cursors.TryGetValue((leafIndex, field), out var cursor))
        {
            var termsEnum = terms.Enumerator(leaf, field);
            _cursors[(leafIndex, field)] = cursor = termsEnum is null ? null : new FieldCursor(terms, leaf, field, termsEnum);
        }
        if (cursor is null)
            return [];
        var tokens = _tokens;
        tokens.Clear();
        cursor.Tokens(doc - leaf.DocBase, query.AllTerms, tokens);
        var matches = _matches;
        matches.Clear();
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
        if (matches.Count > InsertionSortLimit)
            return matches.OrderBy(m => m.Range.Start).ThenBy(m => m.Range.Length).ToArray();
        var sorted = matches.ToArray();
        SortStably(sorted);
        return sorted;
    }

    /// <summary>By start, then length; matches equal in both keep the order they were found in (as the ordering of LINQ would).</summary>
    private static void SortStably(TermMatch[] matches)
    {
        for (var i = 1; i < matches.Length; i++)
        {
            var match = matches[i];
            var j = i - 1;
            while (j >= 0 && (matches[j].Range.Start > match.Range.Start || (matches[j].Range.Start == match.Range.Start && matches[j].Range.Length > match.Range.Length)))
            {
                matches[j + 1] = matches[j];
                j--;
            }
            matches[j + 1] = match;
        }
    }

    /// <summary>
    /// One field of one segment: a terms enumerator and, per query term, a postings enumerator that
    /// moves forward from document to document. Asked for documents in increasing order, each term's
    /// postings are opened once and read once; a document behind the enumerator reopens it.
    /// </summary>
    private sealed class FieldCursor(SearchTerms lookups, AtomicReaderContext leaf, string field, TermsEnum termsEnum)
    {
        private readonly Dictionary<string, TermPostings?> _postings = new(StringComparer.Ordinal);

        /// <summary>Adds the occurrences in the document of every given term, read from the postings, to <paramref name="tokens"/>.</summary>
        public void Tokens(int doc, IReadOnlyList<string> terms, List<PostedToken> tokens)
        {
            foreach (var term in terms)
            {
                if (!_postings.TryGetValue(term, out var posted))
                    _postings[term] = posted = lookups.Context(new Term(field, term)).Get(leaf.Ord) is { } state ? new TermPostings(new BytesRef(term), state) : null;
                var postings = posted?.At(termsEnum, doc);
                if (postings is null)
                    continue;
                for (var i = postings.Freq; i > 0; i--)
                {
                    var position = postings.NextPosition();
                    if (postings.StartOffset >= 0)
                        tokens.Add(new PostedToken(term, postings.StartOffset, postings.EndOffset, position));
                }
            }
        }
    }

    /// <summary>A term's postings with offsets, positioned at the last document read.</summary>
    private sealed class TermPostings(BytesRef term, TermState state)
    {
        private DocsAndPositionsEnum? _postings;
        private int _lastRead = -1;

        /// <summary>The postings positioned on <paramref name="doc"/> with its positions unread, or <c>null</c> when the term is not in it.</summary>
        public DocsAndPositionsEnum? At(TermsEnum termsEnum, int doc)
        {
            if (_postings is null || doc <= _lastRead)
            {
                termsEnum.SeekExact(term, state);
                _postings = termsEnum.DocsAndPositions(null, _postings, DocsAndPositionsFlags.OFFSETS);
                if (_postings is null)
                    return null;
            }
            _lastRead = doc;
            var current = _postings.DocID;
            if (current < doc)
                current = _postings.Advance(doc);
            return current == doc ? _postings : null;
        }
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
                if (found is not { } token)
                {
                    matched = false;
                    break;
                }
                budget -= Math.Abs(token.Position - expected);
                start = Math.Min(start, token.Start);
                end = Math.Max(end, token.End);
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
                foreach (var token in byPosition[position])
                {
                    if (terms.Contains(token.Term))
                        return token;
                }
            }
        }
        return null;
    }

    private readonly record struct PostedToken(string Term, int Start, int End, int Position);
}

/// <summary>A place in a text where a query term or phrase matched.</summary>
/// <param name="Range">The characters matched.</param>
/// <param name="Key">The term or phrase matched, for scoring.</param>
internal readonly record struct TermMatch(TextRange Range, string Key);
