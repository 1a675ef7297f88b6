using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Highlighting;

/// <summary>
/// Finds where a <see cref="HighlightQuery"/> matches a text by analysing the text with the index
/// analyzer, so stems, folded accents and group aliases line up exactly with what was searched.
/// </summary>
internal sealed class TextMatcher
{
    private readonly Analyzer _analyzer;

    public TextMatcher(Analyzer indexAnalyzer) => _analyzer = indexAnalyzer;

    /// <summary>Every match in <paramref name="text"/>: its range and the query term or phrase it satisfies.</summary>
    public IReadOnlyList<TermMatch> Find(string field, string text, HighlightQuery query)
    {
        if (query.IsEmpty || text.Length == 0)
            return [];
        var tokens = Tokens(field, text);
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
        return matches.OrderBy(m => m.Range.Start).ToArray();
    }

    private static void FindPhrase(PhraseSpec phrase, IReadOnlyList<AnalyzedToken> tokens, ILookup<int, AnalyzedToken> byPosition, List<TermMatch> matches)
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

    private static AnalyzedToken? Nearest(ILookup<int, AnalyzedToken> byPosition, int expected, int slop, string[] terms)
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

    private List<AnalyzedToken> Tokens(string field, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = _analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset, position));
        }
        stream.End();
        return tokens;
    }

    private sealed record AnalyzedToken(string Term, int Start, int End, int Position);
}

/// <summary>A place in a text where a query term or phrase matched.</summary>
/// <param name="Range">The characters matched.</param>
/// <param name="Key">The term or phrase matched, for scoring.</param>
internal readonly record struct TermMatch(TextRange Range, string Key);
