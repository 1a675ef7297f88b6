using Search.Core;

namespace Search.Ingest.Extraction;

/// <summary>
/// Finds the named people whose words an article quotes or reports. A person is credited when a
/// name stands as the subject of a reporting verb ("Lu said", "Pompeo on Monday called upon"), after
/// an inverted verb ("…,” said spokesman Mark Toner") or after "according to". Names inside quotes
/// are masked, so someone quoted about is not a speaker; pronouns ("he said") add nobody. Variants of
/// one name ("Matt Miller", "Matthew Miller", "Miller") become one speaker under the fullest form.
/// </summary>
public sealed class SpeakerExtractor
{
    // Words between a subject and its verb, not counting appositives and parentheses.
    private const int MaxSubjectGap = 20;

    // An appositive ("X, the State Department spokesperson, said") closes within this many tokens.
    private const int MaxAppositiveLength = 25;

    private const int MaxNameWords = 4;

    private static readonly HashSet<string> VerbSubjects = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "it", "we", "i", "you", "who", "which", "officials", "official", "sources", "statement",
        "spokesman", "spokesperson", "spokeswoman", "ministry", "office", "department", "government", "police",
        "agency", "report", "reports", "embassy", "administration", "state", "side", "sides", "both", "others",
    };

    private readonly GroupAliasTable _groups;

    /// <summary>Creates an extractor; words that <paramref name="groups"/> knows as a group are never names.</summary>
    public SpeakerExtractor(GroupAliasTable groups) => _groups = groups ?? throw new ArgumentNullException(nameof(groups));

    /// <summary>The speakers of the article in order of first attribution, each once, with the sentence that credits them.</summary>
    public IReadOnlyList<ExtractedValue> Extract(string? title, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = string.IsNullOrEmpty(title) ? body : title + "\n\n" + body;
        var sentences = SentenceSplitter.Split(text);
        var mentions = new List<string>();
        var credited = new List<(NameCandidate Candidate, string Sentence)>();
        foreach (var sentence in sentences)
        {
            var analysis = Analyse(sentence);
            mentions.AddRange(analysis.Candidates.Where(c => c.Words.Count > 1).Select(c => c.Name));
            credited.AddRange(Credit(analysis).Select(c => (c, sentence.Text)));
        }
        return Merge(credited, mentions);
    }

    private SentenceAnalysis Analyse(Sentence sentence)
    {
        var tokens = Tokenizer.Tokenize(sentence.Masked);
        var inGroup = new bool[tokens.Count];
        foreach (var mention in _groups.FindMentions(sentence.Masked))
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Start < mention.Start + mention.Length && mention.Start < tokens[i].Start + tokens[i].Text.Length)
                    inGroup[i] = true;
            }
        }
        return new SentenceAnalysis(tokens, FindCandidates(tokens, inGroup));
    }

    /// <summary>Runs of capitalised name words, split at titles, places and organisations.</summary>
    private static List<NameCandidate> FindCandidates(IReadOnlyList<Token> tokens, bool[] inGroup)
    {
        var candidates = new List<NameCandidate>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (!IsNameWord(tokens, inGroup, i))
            {
                i++;
                continue;
            }
            var words = new List<string> { tokens[i].Text };
            var first = i;
            var last = i;
            var k = i + 1;
            while (k < tokens.Count)
            {
                if (IsNameWord(tokens, inGroup, k))
                {
                    words.Add(tokens[k].Text);
                    last = k++;
                }
                else if (IsInitial(tokens, k) && (k + 1 < tokens.Count))
                {
                    var after = tokens[k + 1].Text == "." ? k + 2 : k + 1;
                    if (after >= tokens.Count || !IsNameWord(tokens, inGroup, after))
                        break;
                    words.Add(tokens[k].Text);
                    k = after;
                }
                else if (IsNameParticle(tokens[k]) && k + 1 < tokens.Count && IsNameWord(tokens, inGroup, k + 1))
                {
                    words.Add(tokens[k].Text);
                    k++;
                }
                else
                {
                    break;
                }
            }
            if (words.Count(w => !PersonNames.IsInitial(w)) <= MaxNameWords)
                candidates.Add(new NameCandidate(first, last, words));
            i = last + 1;
        }
        return candidates;
    }

    private static bool IsNameWord(IReadOnlyList<Token> tokens, bool[] inGroup, int i) =>
        !inGroup[i] && tokens[i].IsCapitalisedWord && !NameLexicon.IsNonPerson(tokens[i].Text);

    private static bool IsInitial(IReadOnlyList<Token> tokens, int i) =>
        tokens[i].Kind == TokenKind.Word && tokens[i].Text.Length == 1 && char.IsUpper(tokens[i].Text[0]);

    private static bool IsNameParticle(Token token) =>
        token.Kind == TokenKind.Word && token.Text is "bin" or "ibn" or "de" or "van" or "von" or "der" or "ul" or "ur" or "ud" or "al" or "da" or "di";

    private static IEnumerable<NameCandidate> Credit(SentenceAnalysis analysis)
    {
        var tokens = analysis.Tokens;
        var result = new List<NameCandidate>();
        var startsAt = analysis.Candidates.ToDictionary(c => c.First);
        foreach (var candidate in analysis.Candidates)
        {
            var context = Context(tokens, candidate);
            candidate.Titled = context.Titled;
            if (candidate.Possessive(tokens) || !context.IsSubject)
                continue;
            foreach (var speaker in ScanForVerb(analysis, candidate, startsAt))
            {
                if (!result.Contains(speaker))
                    result.Add(speaker);
            }
        }
        for (var k = 0; k < tokens.Count; k++)
        {
            if (InvertedAttributionAt(tokens, k) is not { } nameStart || !startsAt.TryGetValue(nameStart, out var named))
                continue;
            named.Titled |= Context(tokens, named).Titled;
            if (!result.Contains(named))
                result.Add(named);
        }
        return result;
    }

    /// <summary>The people a subject name (and any names coordinated with it by "and") is credited with.</summary>
    private static IEnumerable<NameCandidate> ScanForVerb(SentenceAnalysis analysis, NameCandidate subject, Dictionary<int, NameCandidate> startsAt)
    {
        var tokens = analysis.Tokens;
        var pending = new List<NameCandidate> { subject };
        var uncountedUntil = AppositiveEnd(tokens, subject.Last + 1);
        var counted = 0;
        var depth = 0;
        for (var k = subject.Last + 1; k < tokens.Count && counted <= MaxSubjectGap; k++)
        {
            var token = tokens[k];
            if (token.Text is ";")
                break;
            if (token.Text == "(")
                depth++;
            else if (token.Text == ")" && depth > 0)
                depth--;
            if (startsAt.TryGetValue(k, out var other))
            {
                if (tokens[k - 1].Is("and"))
                {
                    pending.Add(other);
                    k = other.Last;
                    uncountedUntil = Math.Max(uncountedUntil, AppositiveEnd(tokens, other.Last + 1));
                    continue;
                }
                if (Context(tokens, other).IsSubject)
                    break;
            }
            if (token.IsLowerWord && NameLexicon.IsReportingVerb(token.Text))
            {
                var before = tokens[k - 1];
                if (NameLexicon.IsPassiveMarker(before.Text))
                    break;
                // "X and Y … they described": a plural pronoun after coordinated names refers back to them.
                var theyForPending = pending.Count > 1 && before.Is("they");
                if (k - 1 > subject.Last && HasOwnSubject(before) && !theyForPending)
                    break;
                return pending;
            }
            if (k > uncountedUntil && depth == 0)
                counted++;
        }
        return [];
    }

    /// <summary>A verb preceded by a pronoun, an official body or an organisation belongs to that subject, not to the name.</summary>
    private static bool HasOwnSubject(Token before) =>
        VerbSubjects.Contains(before.Text)
        || before.Kind == TokenKind.Acronym
        || (before.IsCapitalisedWord && NameLexicon.IsNonPerson(before.Text));

    /// <summary>The last token index of an appositive starting at <paramref name="comma"/>, or -1 when there is none.</summary>
    private static int AppositiveEnd(IReadOnlyList<Token> tokens, int comma)
    {
        if (comma >= tokens.Count || tokens[comma].Text != ",")
            return -1;
        for (var k = comma + 1; k < tokens.Count && k <= comma + MaxAppositiveLength; k++)
        {
            if (tokens[k].Text == ",")
                return k;
        }
        return -1;
    }

    /// <summary>
    /// When token <paramref name="k"/> starts an inverted attribution ("…,” said U.S. State Department
    /// spokesman Mark Toner", "according to Ambassador X"), the index where the name starts.
    /// </summary>
    private static int? InvertedAttributionAt(IReadOnlyList<Token> tokens, int k)
    {
        int next;
        if (tokens[k].Is("according") && k + 1 < tokens.Count && tokens[k + 1].Is("to"))
        {
            next = k + 2;
        }
        else if (k > 0 && tokens[k].IsLowerWord && NameLexicon.IsInvertibleVerb(tokens[k].Text)
                 && (tokens[k - 1].Kind == TokenKind.Quote || tokens[k - 1].Text is "," or "\"" or "\u201D"))
        {
            next = k + 1;
        }
        else
        {
            return null;
        }
        for (var steps = 0; next < tokens.Count && steps < 10; steps++, next++)
        {
            var t = tokens[next];
            var titleish = NameLexicon.IsTitle(t.Text) || t.Kind == TokenKind.Acronym
                || (t.IsCapitalisedWord && NameLexicon.IsNonPerson(t.Text)) || t.Text is "the" or "of" or "for";
            if (!titleish)
                return next;
        }
        return null;
    }

    private static SubjectContext Context(IReadOnlyList<Token> tokens, NameCandidate candidate)
    {
        if (candidate.First > 0 && tokens[candidate.First - 1].Text is "the" or "The" or "a" or "A" or "an" or "An")
            return new SubjectContext(false, false);
        var titled = false;
        var j = candidate.First - 1;
        while (j >= 0)
        {
            var t = tokens[j];
            if (t.Kind == TokenKind.Word && NameLexicon.IsTitle(t.Text))
            {
                titled = true;
                j--;
            }
            else if (t.Kind == TokenKind.Acronym || (t.IsCapitalisedWord && NameLexicon.IsNonPerson(t.Text)))
            {
                j--;
            }
            else if (t.Text == "." && j > 0 && tokens[j - 1].Kind == TokenKind.Word && NameLexicon.IsTitle(tokens[j - 1].Text))
            {
                j--;
            }
            else if (t.Text is "of" or "for" or "and" or "the" && j > 0 && j + 1 < candidate.First
                     && (t.Text == "the" || tokens[j - 1].IsCapitalisedWord || tokens[j - 1].Kind == TokenKind.Acronym || NameLexicon.IsTitle(tokens[j - 1].Text)))
            {
                j--;
            }
            else
            {
                break;
            }
        }
        if (j < 0)
            return new SubjectContext(true, titled);
        var stop = tokens[j];
        var isSubject = stop.Kind == TokenKind.Quote
            || stop.Text is "," or "(" or ":" or "\"" or "\u201C" or "\u201D" or "\u2014" or "\u2013" or "."
            || (stop.IsLowerWord && NameLexicon.IsSubjectOpener(stop.Text));
        return new SubjectContext(isSubject, titled);
    }

    private static List<ExtractedValue> Merge(List<(NameCandidate Candidate, string Sentence)> credited, List<string> mentions)
    {
        var speakers = new List<(string Name, string Sentence)>();
        foreach (var (candidate, sentence) in credited)
        {
            var name = candidate.Name;
            if (candidate.Words.Count(w => !PersonNames.IsInitial(w)) == 1)
            {
                // A bare surname is a person only when the article names them in full, or gives a title.
                var full = mentions.Where(m => PersonNames.SamePerson(m, name)).OrderByDescending(m => m.Length).FirstOrDefault();
                if (full is null && !candidate.Titled)
                    continue;
                name = full ?? name;
            }
            var existing = speakers.FindIndex(s => PersonNames.SamePerson(s.Name, name));
            if (existing < 0)
                speakers.Add((name, sentence));
            else if (Fuller(name, speakers[existing].Name))
                speakers[existing] = (name, speakers[existing].Sentence);
        }
        return speakers
            .Select(s => new ExtractedValue(PersonNames.Display(FullestForm(s.Name, mentions)), s.Sentence))
            .ToList();
    }

    private static string FullestForm(string name, List<string> mentions) =>
        mentions.Where(m => PersonNames.SamePerson(m, name)).Aggregate(name, (best, m) => Fuller(m, best) ? m : best);

    /// <summary>More name words, then a longer first name (Matthew over Matt).</summary>
    private static bool Fuller(string candidate, string current)
    {
        var a = PersonNames.Words(candidate);
        var b = PersonNames.Words(current);
        if (a.Count != b.Count)
            return a.Count > b.Count;
        return a.Count > 1 && a[0].Length > b[0].Length;
    }

    private sealed record SentenceAnalysis(IReadOnlyList<Token> Tokens, List<NameCandidate> Candidates);

    private readonly record struct SubjectContext(bool IsSubject, bool Titled);

    private sealed class NameCandidate(int first, int last, IReadOnlyList<string> words)
    {
        public int First { get; } = first;
        public int Last { get; } = last;
        public IReadOnlyList<string> Words { get; } = words.Select(PersonNames.StripPossessive).ToArray();
        public string Name => string.Join(' ', Words);
        public bool Titled { get; set; }

        public bool Possessive(IReadOnlyList<Token> tokens) =>
            tokens[Last].Text.EndsWith("'s", StringComparison.Ordinal) || tokens[Last].Text.EndsWith("\u2019s", StringComparison.Ordinal);
    }
}
