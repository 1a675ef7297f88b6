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
        var attributions = _speakers.Analyse(title, body).Attributions;
        // Words are only ever found beside an attribution: an article that credits no one (most of a general news feed) has none.
        if (attributions.Count == 0)
            return [];
        var text = (string.IsNullOrEmpty(title) ? body : title + "\n\n" + body).ReplaceLineEndings("\n");
        var statements = new List<Statement>();
        var searchFrom = 0;
        // A headline paraphrases ("Kerry says strikes could end soon"): only its quotation marks hold the speaker's words.
        var bodyStart = string.IsNullOrEmpty(title) ? 0 : title.Length;
        foreach (var attribution in WithFollowUps(text, bodyStart, attributions))
        {
            var at = text.IndexOf(attribution.Sentence, searchFrom, StringComparison.Ordinal);
            if (at < 0)
                at = text.IndexOf(attribution.Sentence, StringComparison.Ordinal);
            else
                searchFrom = at;
            var words = at >= 0 && at < bodyStart ? HeadlineQuotations(attribution.Sentence) : Words(text, at, attribution.Sentence, attribution.Value);
            foreach (var (said, context) in words)
            {
                if (statements.Exists(s => s.Speaker == attribution.Value && s.Words == said))
                    continue;
                statements.Add(new Statement(attribution.Value, said, context, statements.Count));
            }
        }
        return statements;
    }

    /// <summary>
    /// The attributions, each followed by the sentences after it that carry on the last speaker's words
    /// without naming anyone ("Some fighters were holding out, he said", "The general added that …"),
    /// up to the next credited sentence; sentences wholly in quotation marks that continue a credited
    /// one, or, in an article that credits one speaker only, stand anywhere; and a headline quotation
    /// beside the surname of one of the article's speakers ("'We will not back down': Noori").
    /// </summary>
    private static IEnumerable<ExtractedValue> WithFollowUps(string text, int bodyStart, IReadOnlyList<ExtractedValue> attributions)
    {
        var credited = attributions.Select(a => a.Sentence).ToHashSet(StringComparer.Ordinal);
        var speakers = attributions.Select(a => a.Value).Distinct(StringComparer.Ordinal).ToList();
        var sole = speakers.Count == 1 ? speakers[0] : null;
        var next = 0;
        var offset = 0;
        string? last = null;
        var carried = false;
        var leadSeen = false;
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            var at = text.IndexOf(sentence.Text, offset, StringComparison.Ordinal);
            if (at >= 0)
                offset = at + sentence.Text.Length;
            if (credited.Contains(sentence.Text))
            {
                while (next < attributions.Count && attributions[next].Sentence == sentence.Text)
                {
                    last = attributions[next].Value;
                    yield return attributions[next++];
                }
                carried = true;
                continue;
            }
            if (last is not null && FollowUp().IsMatch(sentence.Masked))
            {
                yield return new ExtractedValue(last, sentence.Text);
                carried = true;
                continue;
            }
            if (!leadSeen && at >= bodyStart && last is null && RoleLead().IsMatch(sentence.Masked)
                && next < attributions.Count && text.IndexOf(attributions[next].Sentence, offset, StringComparison.Ordinal) is >= 0 and var nextAt && nextAt - offset <= MaxLeadGap)
            {
                // "… must be reined in, a State Department spokesperson said." opening the story, then the
                // spokesperson named in the next paragraphs: the lead's role is the person the story names.
                yield return new ExtractedValue(attributions[next].Value, sentence.Text);
                carried = true;
                leadSeen = true;
                continue;
            }
            leadSeen |= at >= bodyStart && sentence.Text.Length > MinLeadLength;
            if (at >= 0 && at < bodyStart)
            {
                if (HeadlineQuote().IsMatch(sentence.Text) && speakers.Where(s => NamedIn(sentence.Text, s)).ToList() is [var named])
                    yield return new ExtractedValue(named, sentence.Text);
                continue;
            }
            if (WhollyQuoted(sentence) && (carried ? last : sole) is { } speaker)
            {
                yield return new ExtractedValue(speaker, sentence.Text);
                continue;
            }
            carried = false;
        }
        // Attributions whose sentence the split did not reproduce keep their place at the end.
        while (next < attributions.Count)
            yield return attributions[next++];
    }

    /// <summary>Whether a sentence is nothing but a quotation: it opens with the mark, and closes with it or runs on.</summary>
    private static bool WhollyQuoted(Sentence sentence)
    {
        var text = sentence.Text.Trim();
        if (text.Length < 2 || text[0] is not ('"' or '\u201C'))
            return false;
        var close = text.IndexOfAny(QuoteChars, 1);
        return close < 0 || text[(close + 1)..].All(c => char.IsWhiteSpace(c) || char.IsPunctuation(c));
    }

    private static string Surname(string speaker) => speaker.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [.., var last] ? last : speaker;

    /// <summary>Whether the text names the speaker by surname as a whole word.</summary>
    private static bool NamedIn(string text, string speaker)
    {
        var surname = Surname(speaker);
        var at = text.IndexOf(surname, StringComparison.Ordinal);
        return at >= 0 && (at == 0 || !char.IsLetter(text[at - 1])) && (at + surname.Length == text.Length || !char.IsLetter(text[at + surname.Length]));
    }

    /// <summary>The words a sentence gives its speaker, each with the text they stand in.</summary>
    internal static IEnumerable<(string Words, string Context)> Words(string text, int at, string sentence, string speaker)
    {
        if (at >= 0 && TranscriptTurn().Match(sentence) is { Success: true } turn && NamesSpeaker(turn.Value, speaker))
        {
            // "MR. TONER: Look, … We want …": the answer is the rest of its paragraph.
            var start = at + turn.Length;
            var end = text.IndexOf('\n', start);
            var answer = text[start..(end < 0 ? text.Length : end)].Trim();
            return answer.Length == 0 ? [] : [(answer, text[at..(end < 0 ? text.Length : end)])];
        }
        var quotes = Quotations(text, at, sentence).ToList();
        // Reported clauses beside the quotes: '"…," he said, adding that …', '… and that Pakistan would …'.
        var clauses = Clauses(sentence).Where(c => !HoldsSpeech(c)).Select(c => (c, sentence)).ToList();
        if (quotes.Count > 0 || clauses.Count > 0)
            return [.. quotes, .. clauses];
        if (at >= 0 && UnquotedSpeech(text, at, sentence) is { } spoken)
            return [spoken];
        return Reported(sentence) is { } reported ? [(reported, sentence)] : [];
    }

    /// <summary>Whether a transcript label ("MR. TONER:") names the speaker, so a dateline ("ISLAMABAD:") is not taken for a turn.</summary>
    private static bool NamesSpeaker(string label, string speaker)
    {
        return label.Contains(Surname(speaker).ToUpperInvariant(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Speech given without quotation marks after a comma or colon ("He said, It is too early. Both
    /// are acts of terror."): the words open with a capital and run to the end of their paragraph.
    /// </summary>
    private static (string Words, string Context)? UnquotedSpeech(string text, int at, string sentence)
    {
        if (sentence.IndexOfAny(QuoteChars) >= 0 || UnquotedOpening().Match(sentence) is not { Success: true } opening)
            return null;
        var start = at + opening.Index + opening.Length;
        var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
        end = end < 0 || end - start > MaxRunOn ? at + sentence.Length : end;
        var words = Trim(text[start..end]);
        return words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinQuotedWords ? (words, text[at..end]) : null;
    }

    /// <summary>Whether a clause carries a quotation that is speech, so the quotation stands for the clause.</summary>
    private static bool HoldsSpeech(string clause)
    {
        var i = 0;
        while (i < clause.Length)
        {
            var open = clause.IndexOfAny(QuoteChars, i);
            if (open < 0)
                return false;
            var close = clause.IndexOfAny(QuoteChars, open + 1);
            if (close < 0 || !IsTerm(clause, open, close))
                return true;
            i = close + 1;
        }
        return false;
    }

    /// <summary>
    /// Whether the quotation from <paramref name="open"/> to <paramref name="close"/> names a term rather
    /// than giving words: after "so-called", "dubbed" or "known as", a capitalised name ("Fitna
    /// al-Hindustan"), or a modifier of the noun after it (its "duty to warn" policy).
    /// </summary>
    internal static bool IsTerm(string text, int open, int close)
    {
        var inner = text[(open + 1)..close].Trim();
        if (inner.Length == 0)
            return true;
        if (TermMarker().IsMatch(text[..open]))
            return true;
        if (IsNameLike(inner.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            return true;
        // A modifier stands inside a noun phrase: a word before it, no punctuation closing it ('its "duty to warn" policy').
        if (open < 2 || !char.IsLetter(text[open - 2]) || char.IsPunctuation(inner[^1]))
            return false;
        var next = NextWord().Match(text, close + 1);
        return next.Success && next.Index == close + 1 + (text.Length > close + 1 && text[close + 1] == ' ' ? 1 : 0)
            && !NotANoun().IsMatch(next.Value) && !next.Value.EndsWith("ly", StringComparison.Ordinal);
    }

    /// <summary>A short run of capitalised words, particles allowed inside: "Fitna al-Hindustan", "Operation Zarb-e-Azb".</summary>
    private static bool IsNameLike(string[] words) =>
        words.Length is > 0 and <= 4 && char.IsUpper(words[0][0])
        && words.All(w => char.IsUpper(w[0]) || w.Contains('-', StringComparison.Ordinal) && w.Split('-').Any(p => p.Length > 0 && char.IsUpper(p[0])) || w is "of" or "al" or "ul" or "e" or "i" or "ud" or "the");

    /// <summary>The quotations of a headline, in double or single marks ("'We have a long way to go': Khalilzad").</summary>
    private static IEnumerable<(string Words, string Context)> HeadlineQuotations(string headline)
    {
        foreach (Match quote in HeadlineQuote().Matches(headline))
        {
            var words = Trim(quote.Groups["words"].Value);
            if (words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinQuotedWords)
                yield return (words, headline);
        }
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
        var joined = verbs.Select(m => JoinedVerb().IsMatch(masked.AsSpan(0, m.Index))).ToArray();
        var opened = false;
        for (var v = 0; v < verbs.Count; v++)
        {
            // Once a clause is open, a later verb starts a clause of its own only when joined to the first
            // ("…, and warned", "but added"); otherwise it is the clause's own ("the listing simply added aliases").
            if (opened && !joined[v])
                continue;
            var next = v + 1;
            while (next < verbs.Count && !joined[next])
                next++;
            var start = verbs[v].Index + verbs[v].Length;
            var end = next < verbs.Count ? verbs[next].Index : sentence.Length;
            var after = sentence[start..end];
            var that = ThatClause().Match(after);
            if (that.Success)
                after = after[(that.Index + that.Length)..];
            else if (!(TakesObject().IsMatch(verbs[v].Value) && !WhereNotWhat().IsMatch(after)) && !OpensClause(masked, verbs[v], after))
                continue;
            opened = true;
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

    /// <summary>
    /// Whether the words after a verb that takes a clause are that clause ("said the talks would
    /// resume"), not where it was said ("said in Kabul"), the name of an inverted speaker ('…," said
    /// Mark Toner') or an interjection (", he said, while …").
    /// </summary>
    private static bool OpensClause(string masked, Match verb, string after)
    {
        if (!TakesClause().IsMatch(verb.Value) || WhereNotWhat().IsMatch(after))
            return false;
        // '"…," said Mark Toner' is inverted; "Sherry Rehman, the ambassador, said" is not.
        var before = masked[..verb.Index].TrimEnd().TrimEnd(',').TrimEnd();
        if (before.Length == 0 || before[^1] is Sentence.QuoteMark || QuoteChars.Contains(before[^1]))
            return false;
        var first = after.TrimStart();
        return first.Length > 0 && char.IsLetter(first[0]);
    }

    /// <summary>A clause without the conjunction that joins it to the next verb ("… and", "…, adding").</summary>
    private static string TrimClause(string clause)
    {
        var words = Trim(WithoutGloss(clause));
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
            // A word or two in quotes is the speaker's when the sentence credits them ("rejected it as "fabricated""), unless it names a term.
            if (words.Length > 0 && !(close >= 0 && IsTerm(sentence, open, close)))
                yield return (words, context);
        }
    }

    /// <summary>The clause after the reporting verb, or before an attribution that closes or interrupts the sentence.</summary>
    internal static string? Reported(string sentence)
    {
        var match = ReportingVerb().Match(sentence);
        if (!match.Success)
            return null;
        var after = sentence[(match.Index + match.Length)..];
        var comma = sentence.LastIndexOf(',', Math.Max(0, match.Index - 1));
        var before = comma > 0 ? WithoutDateline(Trim(sentence[..comma])) : "";
        if (match.Value.EndsWith("ccording to", StringComparison.Ordinal))
        {
            // "…, according to X." or "According to X, …": the words are on the other side of the name.
            var nameEnd = after.IndexOf(',');
            return WordCount(before) >= MinQuotedWords ? before
                : nameEnd >= 0 && Trim(after[(nameEnd + 1)..]) is var rest && WordCount(rest) >= MinQuotedWords ? rest : null;
        }
        var that = ThatClause().Match(after);
        if (that.Success)
        {
            after = after[(that.Index + that.Length)..];
        }
        else if (after.TrimStart().StartsWith(',') || after.TrimStart().StartsWith(':'))
        {
            // "Some fighters were holding out, he said, while …": an attribution set between commas follows the words.
            if (WordCount(before) >= MinQuotedWords && WordCount(sentence[(comma + 1)..match.Index]) <= MaxInterjection)
                return before;
            after = after.TrimStart()[1..];
        }
        else if (!TakesObject().IsMatch(match.Value) && WhereNotWhat().IsMatch(after))
        {
            after = ""; // "told reporters in New Delhi", "said at the briefing": where, not what.
        }
        var words = Trim(WithoutGloss(after));
        if (WordCount(words) >= MinQuotedWords)
            return words;
        // "…, Abbas said.": the words come before the comma that opens the attribution.
        return WordCount(before) >= MinQuotedWords ? before : null;
    }

    /// <summary>The clause without the reporter's gloss on it (", a reference to …", ", remarks likely to …").</summary>
    private static string WithoutGloss(string clause) => Gloss().Match(clause) is { Success: true } gloss ? clause[..gloss.Index] : clause;

    private static int WordCount(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The words without a dateline that opens the article's first sentence ("ISLAMABAD: …", "WASHINGTON (AP) — …").</summary>
    private static string WithoutDateline(string words) => Dateline().Match(words) is { Success: true } d ? words[d.Length..] : words;

    // How far after a lead the paragraph naming its unnamed speaker may begin.
    private const int MaxLeadGap = 600;

    // Lines shorter than this before the lead are chrome (a byline, a date line), not the lead.
    private const int MinLeadLength = 80;

    private static readonly char[] QuoteChars = ['"', '\u201C', '\u201D'];

    // Words between the comma and the verb of an attribution that interrupts its sentence: ", the minister said,".
    private const int MaxInterjection = 6;

    private static string Trim(string words) => words.Trim().Trim(',', '.', ';', ':', ' ', '\u2019', '\'').Trim();

    // A participle reports words only before "that" or a quotation, or in "quoted X as saying": ", adding that …"
    // does, ", and adding it to the list" does not.
    [GeneratedRegex(@"\b(said|says|say|told|tells|added|(?:adding|saying|stating)(?=\s+that\b|\s*[,:]?\s*[""\u201C])|(?<=\bas\s)saying|stated|stressed|noted|warned|urged|insisted|asserted|maintained|claimed|announced|acknowledged|explained|argued|observed|remarked|emphasi[sz]ed|reiterated|confirmed|denied|described|called|accused|demanded|wrote|tweeted|[Aa]ccording to|asked(?=\s+(?:why|whether|how|what|when|if)\b))\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReportingVerb();

    // A sentence that carries on the last speaker's words: a pronoun or a person's role ("The general") as the subject of a reporting verb.
    [GeneratedRegex(@"(^\s*(He|She)\s+(also\s+|further\s+|later\s+)?(said|says|added|noted|stressed|told|asked|warned|insisted|denied|urged|maintained)\b)|(,\s*(he|she)\s+(also\s+)?(said|added|noted|stressed|insisted|told)\b)|(^\s*The\s+([A-Za-z\-]+\s+){0,3}?(general|minister|spokesman|spokesperson|spokeswoman|chief|official|ambassador|envoy|secretary|commander|adviser|advisor|president|premier|ISPR|officer|senator)\s+(also\s+)?(said|added|noted|stressed)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex FollowUp();

    [GeneratedRegex(@",\s+(?:(?:in\s+)?an?\s+(?:apparent\s+|veiled\s+|thinly[- ]veiled\s+|clear\s+|oblique\s+)?(?:reference|swipe|allusion|dig)\b|(?:remarks|comments|words)\s+(?:likely|seen|widely|that|which)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Gloss();

    // A lead whose speaker is a role, not a name: "…, a State Department spokesperson said", "The top US
    // commander for the region told lawmakers that …", "Pakistan's top foreign policy official has said …".
    [GeneratedRegex(@"(,\s+(?:a|an|the)\s+(?:[\w'\u2019\-]+\s+){0,5}?(?:spokes(?:person|man|woman)|official|officer|commander|adviser|advisor|minister|envoy|diplomat|ambassador|general|chief)\s+(?:has\s+|had\s+)?(?:said|says|told|added)\b)|(^(?:[A-Z][A-Za-z ,.]*\d*\s*(?:\([A-Z]+\)\s*)?[:\u2014\u2013-]\s+)?(?:The|A|An|[A-Z][a-z]+(?:'s|\u2019s))\s+(?:[\w'\u2019\-]+\s+){0,6}?(?:spokes(?:person|man|woman)|official|officer|commander|adviser|advisor|minister|envoy|diplomat|ambassador|general|chief)(?:\s+for\s+[^,]{1,50}?)?\s+(?:on\s+[A-Z][a-z]+\s+)?(?:has\s+|had\s+)?(?:said|says|told|accused|warned)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex RoleLead();

    // A transcript's speaker turn: "MR. TONER:", "SPOKESPERSON PRICE:".
    [GeneratedRegex(@"^\s*(?:(?:MR|MS|MRS|DR)\.\s*)?[A-Z][A-Z.'\- ]{1,40}:\s+", RegexOptions.CultureInvariant)]
    private static partial Regex TranscriptTurn();

    // Verbs whose object is the words themselves: "denied any role", "urged restraint".
    [GeneratedRegex(@"^(denied|urged|accused|demanded|called|described|warned|acknowledged|confirmed|asked)$", RegexOptions.CultureInvariant)]
    private static partial Regex TakesObject();

    // Verbs whose object may be a clause without "that": "said the talks would resume". Not "claimed" or
    // "stressed", whose object is as often a thing ("claimed the attack", "stressed the need").
    [GeneratedRegex(@"^(said|says|say|stated|added|insisted|asserted|maintained|argued|wrote|tweeted|saying|stating)$", RegexOptions.CultureInvariant)]
    private static partial Regex TakesClause();

    // What stands before a reporting verb that is coordinated with an earlier one: ", and", "but", "he also".
    [GeneratedRegex(@"(?:,|\band|\bbut|\bwhile|\bhe|\bshe|\bthey)\s+(?:(?:also|later|further|then)\s+)?$", RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex JoinedVerb();

    // A comma or colon after the verb and a capital: speech given without quotation marks.
    [GeneratedRegex(@"\b(said|says|added|stated|declared)\s*[,:]\s+(?=[A-Z][a-z]*\b)", RegexOptions.CultureInvariant)]
    private static partial Regex UnquotedOpening();

    // Words just before a quotation that make it a term: "the so-called", "dubbed", "known as", "the word".
    [GeneratedRegex(@"(so-called|dubbed|nicknamed|code-?named|known as|termed|named|the (?:term|word|phrase|slogan|hashtag|banner))\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TermMarker();

    [GeneratedRegex(@"[A-Za-z][A-Za-z\-']*", RegexOptions.CultureInvariant)]
    private static partial Regex NextWord();

    // Words after a quotation that do not make it a modifier of a noun: function words, verbs of being, time words.
    [GeneratedRegex(@"^(?:[A-Z].*|and|or|but|nor|yet|so|with|by|to|for|from|in|on|at|of|against|as|about|into|over|under|without|between|among|toward|towards|across|through|during|unless|until|than|after|before|because|since|while|if|when|that|which|who|whom|whose|where|had|has|have|was|were|is|are|be|been|would|will|could|should|can|may|might|must|did|does|do|it|he|she|they|we|you|i|not|yesterday|today|tonight|again|too|also|now|then|here|there|instead|either|even|last|this|the|a|an|said|says|added|told|he|she)$", RegexOptions.CultureInvariant)]
    private static partial Regex NotANoun();

    // A quotation in a headline, in double or single marks; a single mark must stand at a word's edge to be one.
    [GeneratedRegex(@"(?:[""\u201C](?<words>[^""\u201C\u201D]+)[""\u201D])|(?:(?<![\w])['\u2018](?<words>[^'\u2018\u2019]+?)['\u2019](?![\w]))", RegexOptions.CultureInvariant)]
    private static partial Regex HeadlineQuote();

    // A dateline before the first sentence: "ISLAMABAD:", "WASHINGTON (AP) —", "ISLAMABAD, Nov 18 —", "Washington:".
    [GeneratedRegex(@"^(?:[A-Z][A-Z.'/\- ]{2,}|[A-Z][a-z]+)(?:,[^:\u2014\u2013]{1,20}?)?(?:\s*\([^)]{1,30}\))?\s*[:\u2014\u2013-]\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    [GeneratedRegex(@"^\s*(reporters|journalists|the media|at|in|on|during|while|when|as|by|to|after|before|from|outside|upon|later|earlier|today|yesterday|tonight)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WhereNotWhat();

    // "that" opening the reported clause, within a short run of words after the verb ("told reporters on Monday that"); never a later clause's "and that".
    // A comma may stand inside a date on the way ("said on Friday, February 22, 2019, that"); a verb of its
    // own may not ("said the country should not fight groups that …" has its clause already).
    [GeneratedRegex(@"^(?:(?!\b(?:should|would|will|could|can|must|might|had|has|have|was|were|is|are)\b)(?:[^""\u201C,]|,(?=\s*(?:\d|that\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)))){0,60}?(?<!\band\s)\bthat\s", RegexOptions.CultureInvariant)]
    private static partial Regex ThatClause();
}
