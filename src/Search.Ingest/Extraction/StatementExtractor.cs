using System.Text.RegularExpressions;
using Search.Core;

namespace Search.Ingest.Extraction;

/// <summary>
/// Finds what each speaker said: for every sentence the <see cref="SpeakerExtractor"/> credits to a
/// speaker, the quoted words in it (a quotation left open runs on into the following sentences), or,
/// when it quotes nothing, the reported clause ("said that …", "denied …", "…, Abbas said").
/// Stateless and thread-safe.
/// </summary>
public sealed partial class StatementExtractor
{
    // A quotation left open at a sentence's end runs on at most this far (several sentences of a briefing).
    private const int MaxRunOn = 1_000;

    // Quoted words shorter than this are a term being named ("the so-called 'fronts'"), not speech.
    private const int MinQuotedWords = 3;

    private readonly SpeakerExtractor _speakers;

    /// <summary>Creates an extractor that attributes through <paramref name="speakers"/>.</summary>
    public StatementExtractor(SpeakerExtractor speakers) => _speakers = speakers ?? throw new ArgumentNullException(nameof(speakers));

    /// <summary>The statements of an article, in article order, each speaker's words once.</summary>
    public IReadOnlyList<Statement> Extract(string? title, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = (string.IsNullOrEmpty(title) ? body : title + "\n\n" + body).ReplaceLineEndings("\n");
        var statements = new List<Statement>();
        var searchFrom = 0;
        foreach (var attribution in WithFollowUps(text, _speakers.Analyse(title, body).Attributions))
        {
            var at = text.IndexOf(attribution.Sentence, searchFrom, StringComparison.Ordinal);
            if (at < 0)
                at = text.IndexOf(attribution.Sentence, StringComparison.Ordinal);
            else
                searchFrom = at;
            foreach (var (words, context) in Words(text, at, attribution.Sentence))
            {
                if (statements.Exists(s => s.Speaker == attribution.Value && s.Words == words))
                    continue;
                statements.Add(new Statement(attribution.Value, words, context, statements.Count));
            }
        }
        return statements;
    }

    /// <summary>
    /// The attributions, each followed by the sentences after it that carry on the last speaker's words
    /// without naming anyone ("Some fighters were holding out, he said", "The general added that …"),
    /// up to the next credited sentence.
    /// </summary>
    private static IEnumerable<ExtractedValue> WithFollowUps(string text, IReadOnlyList<ExtractedValue> attributions)
    {
        var credited = attributions.Select(a => a.Sentence).ToHashSet(StringComparer.Ordinal);
        var next = 0;
        string? last = null;
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            if (credited.Contains(sentence.Text))
            {
                while (next < attributions.Count && attributions[next].Sentence == sentence.Text)
                {
                    last = attributions[next].Value;
                    yield return attributions[next++];
                }
                continue;
            }
            if (last is not null && FollowUp().IsMatch(sentence.Masked))
                yield return new ExtractedValue(last, sentence.Text);
        }
        // Attributions whose sentence the split did not reproduce keep their place at the end.
        while (next < attributions.Count)
            yield return attributions[next++];
    }

    /// <summary>The words a sentence gives its speaker, each with the text they stand in.</summary>
    internal static IEnumerable<(string Words, string Context)> Words(string text, int at, string sentence)
    {
        if (at >= 0 && TranscriptTurn().Match(sentence) is { Success: true } turn)
        {
            // "MR. TONER: Look, … We want …": the answer is the rest of its paragraph.
            var start = at + turn.Length;
            var end = text.IndexOf('\n', start);
            var answer = text[start..(end < 0 ? text.Length : end)].Trim();
            return answer.Length == 0 ? [] : [(answer, text[at..(end < 0 ? text.Length : end)])];
        }
        var quotes = Quotations(text, at, sentence).ToList();
        // Reported clauses beside the quotes: '"…," he said, adding that …', '… and that Pakistan would …'.
        var clauses = Clauses(sentence).Where(c => c.IndexOfAny(['"', '\u201C', '\u201D']) < 0).Select(c => (c, sentence)).ToList();
        if (quotes.Count > 0 || clauses.Count > 0)
            return [.. quotes, .. clauses];
        return Reported(sentence) is { } reported ? [(reported, sentence)] : [];
    }

    /// <summary>
    /// The clauses a sentence reports: after each reporting verb (outside quotes) and its "that", up
    /// to the next verb; one carrying a quotation is split at "and that". Only clauses after a "that" or a verb whose object is
    /// the words count; "…, he said." leaves the fallback of <see cref="Reported"/>.
    /// </summary>
    private static IEnumerable<string> Clauses(string sentence)
    {
        var masked = SentenceSplitter.MaskQuotes(sentence);
        var verbs = ReportingVerb().Matches(masked).ToList();
        for (var v = 0; v < verbs.Count; v++)
        {
            var start = verbs[v].Index + verbs[v].Length;
            var end = v + 1 < verbs.Count ? verbs[v + 1].Index : sentence.Length;
            var after = sentence[start..end];
            var that = ThatClause().Match(after);
            if (that.Success)
                after = after[(that.Index + that.Length)..];
            else if (!TakesObject().IsMatch(verbs[v].Value) || WhereNotWhat().IsMatch(after))
                continue;
            // A clause is one statement unless it carries a quotation, whose words stand as their own.
            var parts = after.IndexOfAny(['"', '\u201C', '\u201D']) < 0 ? [after] : after.Split([", and that ", " and that "], StringSplitOptions.None);
            foreach (var part in parts)
            {
                var words = TrimClause(part);
                if (words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinQuotedWords)
                    yield return words;
            }
        }
    }

    /// <summary>A clause without the conjunction that joins it to the next verb ("… and", "…, adding").</summary>
    private static string TrimClause(string clause)
    {
        var words = Trim(clause);
        foreach (var tail in new[] { " and", ", but", " but", " while" })
        {
            if (words.EndsWith(tail, StringComparison.Ordinal))
                words = Trim(words[..^tail.Length]);
        }
        return words;
    }

    private static IEnumerable<(string Words, string Context)> Quotations(string text, int at, string sentence)
    {
        var i = 0;
        var firstOpen = sentence.IndexOf('\u201C');
        if (at >= 0 && sentence.IndexOf('\u201D') is >= 0 and var firstClose && (firstOpen < 0 || firstClose < firstOpen))
        {
            // Closed here but opened sentences before: "We condemn the attack. Our sympathies are with them," he said.
            var close = firstClose;
            var open = text.LastIndexOf('\u201C', at);
            if (open >= 0 && at - open <= MaxRunOn && text.IndexOf('\u201D', open, at - open) < 0)
            {
                var words = Trim(text[(open + 1)..(at + close)]);
                if (words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinQuotedWords)
                    yield return (words, text[open..(at + sentence.Length)]);
                i = close + 1;
            }
        }
        while (i < sentence.Length)
        {
            var open = sentence.IndexOfAny(['"', '\u201C'], i);
            if (open < 0)
                yield break;
            var close = sentence.IndexOfAny(['"', '\u201D'], open + 1);
            string quoted;
            var context = sentence;
            if (close >= 0)
            {
                quoted = sentence[(open + 1)..close];
                i = close + 1;
            }
            else if (at >= 0)
            {
                // Left open: the quotation runs on past this sentence.
                var start = at + open + 1;
                var end = text.IndexOfAny(['"', '\u201D'], start);
                if (end < 0 || end - start > MaxRunOn)
                    yield break;
                quoted = text[start..end];
                context = text[at..Math.Min(text.Length, end + 1)];
                i = sentence.Length;
            }
            else
            {
                yield break;
            }
            var words = Trim(quoted);
            if (words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinQuotedWords)
                yield return (words, context);
        }
    }

    /// <summary>The clause after the reporting verb, or before an attribution that closes the sentence.</summary>
    internal static string? Reported(string sentence)
    {
        var match = ReportingVerb().Match(sentence);
        if (!match.Success)
            return null;
        var after = sentence[(match.Index + match.Length)..];
        var that = ThatClause().Match(after);
        if (that.Success)
            after = after[(that.Index + that.Length)..];
        else if (after.TrimStart().StartsWith(',') || after.TrimStart().StartsWith(':'))
            after = after.TrimStart()[1..];
        else if (!TakesObject().IsMatch(match.Value) && WhereNotWhat().IsMatch(after))
            after = ""; // "told reporters in New Delhi", "said at the briefing": where, not what.
        var words = Trim(after);
        if (words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinQuotedWords)
            return words;
        // "…, Abbas said.": the words come before the comma that opens the attribution.
        var comma = sentence.LastIndexOf(',', match.Index);
        return comma > 0 && Trim(sentence[..comma]) is { } before && before.Split(' ').Length >= MinQuotedWords ? before : null;
    }

    private static string Trim(string words) => words.Trim().Trim(',', '.', ';', ':', ' ', '\u2019', '\'').Trim();

    [GeneratedRegex(@"\b(said|says|say|told|tells|added|adding|stated|stressed|noted|warned|urged|insisted|asserted|maintained|claimed|announced|acknowledged|explained|argued|observed|remarked|emphasi[sz]ed|reiterated|confirmed|denied|described|called|accused|demanded|wrote|tweeted|according to)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReportingVerb();

    // A sentence that carries on the last speaker's words: a pronoun or a person's role ("The general") as the subject of a reporting verb.
    [GeneratedRegex(@"(^\s*(He|She)\s+(also\s+|further\s+|later\s+)?(said|says|added|noted|stressed|told|asked|warned|insisted|denied|urged|maintained)\b)|(,\s*(he|she)\s+(also\s+)?(said|added)\b)|(^\s*The\s+([A-Za-z\-]+\s+){0,3}?(general|minister|spokesman|spokesperson|spokeswoman|chief|official|ambassador|envoy|secretary|commander|adviser|advisor|president|premier|ISPR|officer|senator)\s+(also\s+)?(said|added|noted|stressed)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex FollowUp();

    // A transcript's speaker turn: "MR. TONER:", "SPOKESPERSON PRICE:".
    [GeneratedRegex(@"^\s*(?:(?:MR|MS|MRS|DR)\.\s*)?[A-Z][A-Z.'\- ]{1,40}:\s+", RegexOptions.CultureInvariant)]
    private static partial Regex TranscriptTurn();

    // Verbs whose object is the words themselves: "denied any role", "urged restraint".
    [GeneratedRegex(@"^(denied|urged|accused|demanded|called|described|warned|acknowledged|confirmed)$", RegexOptions.CultureInvariant)]
    private static partial Regex TakesObject();

    [GeneratedRegex(@"^\s*(reporters|journalists|the media|at|in|on|during|while|by|to|after|before|from)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WhereNotWhat();

    // "that" opening the reported clause, within a short run of words after the verb ("told reporters on Monday that"); never a later clause's "and that".
    [GeneratedRegex(@"^[^""\u201C,]{0,60}?(?<!\band\s)\bthat\s", RegexOptions.CultureInvariant)]
    private static partial Regex ThatClause();
}
