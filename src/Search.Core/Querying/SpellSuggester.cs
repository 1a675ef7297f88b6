using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Querying;

/// <summary>
/// "Did you mean" from the index's own words, in the manner of a direct spell checker: for each
/// rare or unknown word of a plain-words query, walk the body's term dictionary for terms within a
/// small edit distance (sharing the first letter, as people rarely misspell it) that are far more
/// frequent, and take the closest, then the most frequent. A query that is a misspelt group name
/// ("Lashkar-e-Tayba") is first compared with the alias table as a whole and becomes the group's
/// canonical name. The caller decides whether the respelt query finds clearly more articles.
/// </summary>
internal sealed partial class SpellSuggester(GroupAliasTable aliases, Analyzer queryAnalyzer)
{
    // Folded once: every plain-words query is compared with every name of the table.
    private readonly Lazy<(string Name, string Canonical)[]> _foldedNames = new(() =>
        aliases.Groups.SelectMany(g => g.Aliases.Select(a => a.Text).Prepend(g.Canonical).Select(name => (Fold(name), g.Canonical))).ToArray());

    /// <summary>A word in fewer articles than this is worth respelling.</summary>
    private const int RareDocFreq = 2;

    /// <summary>How many times more articles a replacement word must be in.</summary>
    private const int FrequencyGain = 3;

    /// <summary>A respelling of the query, or <c>null</c> when none is closer to the index's words.</summary>
    /// <param name="lookups">The search's term lookups, whose document frequencies the query has mostly asked for already.</param>
    /// <param name="query">The query as typed.</param>
    public string? Respell(SearchTerms lookups, string query)
    {
        var text = query.Trim();
        if (text.Length < 3 || !PlainWords().IsMatch(text))
            return null;
        var words = Word().Matches(text).Select(m => m.Value).ToArray();
        var analysed = words.Select(Analyse).ToArray();
        // Rarity first: it is a few term look-ups, while the alias comparison measures the query
        // against every name in the table, and most queries have no rare word at all.
        if (analysed.Any(a => IsRare(lookups, a)) && AliasRespelling(text) is { } group)
            return group;

        // Merging the segments' dictionaries costs more than the rest of this: only for a rare word.
        Terms? terms = null;
        var changed = false;
        var respelt = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (analysed[i].Count != 1 || analysed[i][0].StartsWith('\u0001'))
            {
                respelt.Add(word);
                continue;
            }
            var freq = lookups.DocFreq(new Term(SearchSchema.Body, analysed[i][0]));
            var better = freq < RareDocFreq && (terms ??= MultiFields.GetTerms(lookups.Reader, SearchSchema.Body)) is not null ? Closest(terms, analysed[i][0], freq) : null;
            if (better is null)
            {
                respelt.Add(word);
                continue;
            }
            changed = true;
            respelt.Add(char.IsUpper(word[0]) ? char.ToUpperInvariant(better[0]) + better[1..] : better);
        }
        return changed ? string.Join(' ', respelt) : null;
    }

    /// <summary>
    /// The articles that have every word of the query, in title or body: what the query's words
    /// find together, without the noise of OR-ed common words ("e" in "Lashkar-e-Tayba").
    /// </summary>
    public Lucene.Net.Search.Query AllWords(string query)
    {
        var all = new Lucene.Net.Search.BooleanQuery();
        foreach (var token in Word().Matches(query).SelectMany(w => Analyse(w.Value)).Distinct())
        {
            var either = new Lucene.Net.Search.BooleanQuery();
            foreach (var field in SearchSchema.TextFields)
                either.Add(new Lucene.Net.Search.TermQuery(new Term(field, token)), Lucene.Net.Search.Occur.SHOULD);
            all.Add(either, Lucene.Net.Search.Occur.MUST);
        }
        return all;
    }

    private static bool IsRare(SearchTerms lookups, List<string> analysed) =>
        analysed.Count == 1 && !analysed[0].StartsWith('\u0001') && lookups.DocFreq(new Term(SearchSchema.Body, analysed[0])) < RareDocFreq;

    /// <summary>The canonical name of the group whose name or alias the whole query misspells (at most one edit in six letters).</summary>
    private string? AliasRespelling(string text)
    {
        var folded = Fold(text);
        if (folded.Length < 5)
            return null;
        var budget = Math.Max(1, folded.Length / 6);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (name, canonical) in _foldedNames.Value)
        {
            var distance = EditDistance.Between(folded, name, budget);
            if (distance == 0)
                return null;
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = canonical;
            }
        }
        return bestDistance <= budget ? best : null;
    }

    private static string Fold(string text) => string.Join(' ', Word().Matches(text).Select(m => GroupAliasTable.Fold(m.Value)));

    private static string? Closest(Terms terms, string word, int freq)
    {
        var budget = word.Length >= 6 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFreq = 0;
        var iterator = terms.GetEnumerator();
        // Terms sharing the first letter are contiguous in the dictionary: seek there and stop after.
        if (iterator.SeekCeil(new BytesRef(word[..1])) == TermsEnum.SeekStatus.END)
            return null;
        do
        {
            var candidate = iterator.Term.Utf8ToString();
            if (candidate[0] != word[0])
                break;
            if (Math.Abs(candidate.Length - word.Length) > budget)
                continue;
            var distance = EditDistance.Between(word, candidate, budget);
            if (distance == 0 || distance > budget)
                continue;
            var docFreq = iterator.DocFreq;
            if (docFreq < Math.Max(1, freq * FrequencyGain))
                continue;
            if (distance < bestDistance || (distance == bestDistance && docFreq > bestFreq))
            {
                best = candidate;
                bestDistance = distance;
                bestFreq = docFreq;
            }
        }
        while (iterator.MoveNext());
        return best;
    }

    private List<string> Analyse(string word)
    {
        var tokens = new List<string>();
        using var stream = queryAnalyzer.GetTokenStream(SearchSchema.Body, word);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }

    /// <summary>Only words, hyphens, apostrophes and spaces: queries with syntax are meant as written.</summary>
    [GeneratedRegex(@"^[\p{L}\p{Nd}'’\- ]+$")]
    private static partial Regex PlainWords();

    [GeneratedRegex(@"[\p{L}\p{Nd}]+")]
    private static partial Regex Word();
}

/// <summary>Optimal string alignment distance (Levenshtein plus swapping two neighbours), cut off past a budget.</summary>
internal static class EditDistance
{
    /// <summary>The distance, or <c>budget + 1</c> as soon as it must exceed the budget.</summary>
    public static int Between(string a, string b, int budget)
    {
        if (Math.Abs(a.Length - b.Length) > budget)
            return budget + 1;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > budget)
                return budget + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return Math.Min(previous[b.Length], budget + 1);
    }
}
