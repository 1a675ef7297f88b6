using Search.Core;

namespace Search.Ingest.Extraction;

/// <summary>
/// Finds the named people whose words an article quotes or reports. A person is credited when a
/// name stands as the subject of a reporting verb ("Lu said", "Pompeo on Monday called upon"), after
/// an inverted verb ("…,” said spokesman Mark Toner") or after "according to". Names inside quotes
/// are masked, so someone quoted about is not a speaker. A sentence opening "He said"/"She said"
/// credits the main subject of the sentence before it. A name is not credited when it is only the
/// object of a preposition (also as an appositive: "the designation of the group's chief, X,"), when
/// unnamed sources report what it said ("officials said that X told…"), or when it opens a clause of
/// time whose verb is an act rather than words ("after X announced his strategy"). Variants of one
/// name ("Matt Miller", "Matthew Miller", "Miller") become one speaker under the fullest form; a bare
/// surname takes the full name mentioned nearest before it.
/// </summary>
public sealed class SpeakerExtractor
{
    // Words between a subject and its verb, not counting appositives and parentheses.
    private const int MaxSubjectGap = 20;

    // An appositive ("X, the State Department spokesperson, said") closes within this many tokens.
    private const int MaxAppositiveLength = 25;

    private const int MaxNameWords = 4;

    // How far back from an appositive's comma its preposition may stand: "between A and B and their counterparts, X".
    private const int MaxObjectPhrase = 10;

    private static readonly HashSet<string> ObjectPrepositions = new(StringComparer.Ordinal)
    {
        "of", "with", "against", "for", "to", "by", "from", "between", "about", "on", "among",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she" };

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
        var mentions = new List<Mention>();
        var credited = new List<Credited>();
        var titled = new List<string>();
        IReadOnlyList<NameCandidate> previousSubjects = [];
        for (var index = 0; index < sentences.Count; index++)
        {
            var sentence = sentences[index];
            var analysis = Analyse(sentence);
            mentions.AddRange(analysis.Candidates.Where(c => c.Words.Count > 1).Select(c => new Mention(c.Name, Order(index, c.First))));
            credited.AddRange(Credit(analysis).Select(c => new Credited(c, sentence.Text, Order(index, c.First), Rule: DirectRule)));
            titled.AddRange(analysis.Candidates.Where(c => c.Titled).Select(c => c.Name));
            if (previousSubjects.Count > 0 && PronounSpeaks(analysis))
                credited.Add(new Credited(previousSubjects[0], sentence.Text, Order(index, 0), previousSubjects, PronounRule));
            var subjects = MainSubjects(analysis);
            previousSubjects = subjects.Count > 0 || !StartsWithPronoun(analysis.Tokens) ? subjects : previousSubjects;
        }
        return Merge(credited, mentions, titled);
    }

    private static int Order(int sentence, int token) => sentence * 10_000 + token;

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
            var words = new List<string>();
            var first = i;
            // Leading initials belong to the name: "T. Raja Kumar", "P.J. Crowley".
            var start = LeadingInitialsEnd(tokens, inGroup, i, words);
            if (!IsNameWord(tokens, inGroup, start))
            {
                i++;
                continue;
            }
            words.Add(tokens[start].Text);
            var last = start;
            var k = start + 1;
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
        i < tokens.Count && !inGroup[i] && tokens[i].IsCapitalisedWord && !NameLexicon.IsNonPerson(tokens[i].Text);

    /// <summary>The index after the initials starting at <paramref name="i"/> ("T." or "P.J."), adding them to <paramref name="words"/>; <paramref name="i"/> when there are none.</summary>
    private static int LeadingInitialsEnd(IReadOnlyList<Token> tokens, bool[] inGroup, int i, List<string> words)
    {
        if (IsInitial(tokens, i) && i + 2 < tokens.Count && tokens[i + 1].Text == "." && IsNameWord(tokens, inGroup, i + 2))
        {
            words.Add(tokens[i].Text + ".");
            return i + 2;
        }
        var t = tokens[i];
        if (t.Kind == TokenKind.Acronym && t.Text.EndsWith('.') && t.Text.Length <= 6 && !inGroup[i]
            && !NameLexicon.IsNonPerson(t.Text.Replace(".", "", StringComparison.Ordinal)) && IsNameWord(tokens, inGroup, i + 1))
        {
            words.Add(t.Text);
            return i + 1;
        }
        return i;
    }

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
            if (candidate.Possessive(tokens) || !context.IsSubject || IsHearsay(tokens, candidate.First))
                continue;
            foreach (var speaker in ScanForVerb(analysis, candidate, startsAt, context.Temporal))
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
    private static IEnumerable<NameCandidate> ScanForVerb(SentenceAnalysis analysis, NameCandidate subject, Dictionary<int, NameCandidate> startsAt, bool temporal)
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
                // "Kirby, who served as Mullen's spokesman, said": a possessive name is never the verb's subject.
                if (Context(tokens, other).IsSubject && !other.Possessive(tokens))
                    break;
            }
            var inAppositive = k <= uncountedUntil || depth > 0;
            if (token.IsLowerWord && NameLexicon.IsPassiveMarker(token.Text) && QuotedAsSaying(tokens, k + 1))
                return pending;
            if (token.IsLowerWord && !inAppositive && NameLexicon.IsAuxiliary(token.Text) && !ReportingVerbFollows(tokens, k + 1))
                break;
            if (token.IsLowerWord && NameLexicon.IsReportingVerb(token.Text) && !IsParticiple(tokens, k))
            {
                var before = tokens[k - 1];
                if (NameLexicon.IsPassiveMarker(before.Text))
                    break;
                // Inside "X, the man accused of…," a verb is the appositive's own, unless it is a relative clause about X.
                if (inAppositive && !before.Is("who"))
                    continue;
                // "X and Y … they described": a plural pronoun after coordinated names refers back to them.
                var theyForPending = pending.Count > 1 && before.Is("they");
                if (k - 1 > subject.Last && HasOwnSubject(before) && !theyForPending)
                    break;
                return temporal && !NameLexicon.IsSayingVerb(token.Text) ? [] : pending;
            }
            if (k > uncountedUntil && depth == 0)
                counted++;
        }
        return [];
    }

    /// <summary>"accused of planning", "condemned by": a participle, not a verb with the name as subject.</summary>
    private static bool IsParticiple(IReadOnlyList<Token> tokens, int k) =>
        k + 1 < tokens.Count && tokens[k + 1].Text is "of" or "by";

    /// <summary>"was quoted as saying": the passive that still reports the subject's words.</summary>
    private static bool QuotedAsSaying(IReadOnlyList<Token> tokens, int k) =>
        k + 2 < tokens.Count && tokens[k].Is("quoted") && tokens[k + 1].Is("as") && tokens[k + 2].Is("saying");

    /// <summary>Whether a reporting verb follows at <paramref name="k"/>, allowing adverbs and "been" in between ("has also said").</summary>
    private static bool ReportingVerbFollows(IReadOnlyList<Token> tokens, int k)
    {
        for (var steps = 0; k < tokens.Count && steps < 3; k++, steps++)
        {
            var t = tokens[k];
            if (!t.IsLowerWord)
                return false;
            if (NameLexicon.IsReportingVerb(t.Text) || t.Is("been") || t.Is("be"))
                return true;
            if (!NameLexicon.IsInterposedAdverb(t.Text))
                return false;
        }
        return false;
    }

    /// <summary>
    /// Whether a name at <paramref name="first"/> stands inside what an unnamed source reports
    /// ("officials have said … that the gunman, X, has told interrogators"): second-hand, so not a speaker.
    /// </summary>
    private static bool IsHearsay(IReadOnlyList<Token> tokens, int first)
    {
        var sawThat = false;
        for (var k = first - 1; k > 0; k--)
        {
            var t = tokens[k];
            if (t.Text is ";" || t.Kind == TokenKind.Quote)
                return false;
            if (t.Is("that"))
                sawThat = true;
            else if (sawThat && t.IsLowerWord && NameLexicon.IsReportingVerb(t.Text))
            {
                var s = k - 1;
                while (s > 0 && tokens[s].IsLowerWord && (NameLexicon.IsAuxiliary(tokens[s].Text) || NameLexicon.IsInterposedAdverb(tokens[s].Text)))
                    s--;
                return NameLexicon.IsUnnamedSource(tokens[s].Text);
            }
        }
        return false;
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
        // "X, said …" or "X, has …" continues the clause; an appositive names or describes X.
        if (comma + 1 < tokens.Count && tokens[comma + 1].IsLowerWord
            && (NameLexicon.IsReportingVerb(tokens[comma + 1].Text) || NameLexicon.IsAuxiliary(tokens[comma + 1].Text)))
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
            return new SubjectContext(false, false, false);
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
            else if (t.IsLowerWord && NameLexicon.IsRoleWord(t.Text) && j + 1 < candidate.First)
            {
                // "press secretary X", "external affairs ministry spokesperson X": a role phrase in lower case.
                j--;
            }
            else if (t.IsCapitalisedWord && PersonNames.StripPossessive(t.Text) != t.Text && j + 1 < candidate.First
                     && NameLexicon.IsTitle(tokens[j + 1].Text))
            {
                // "Mullen's spokesman X": the possessor is part of the role, not the subject.
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
            return new SubjectContext(true, titled, false);
        var stop = tokens[j];
        var isSubject = stop.Kind == TokenKind.Quote
            || stop.Text is "," or "(" or ":" or "\"" or "\u201C" or "\u201D" or "\u2014" or "\u2013" or "."
            || (stop.IsLowerWord && NameLexicon.IsSubjectOpener(stop.Text));
        if (isSubject && stop.Text == "," && IsObjectAppositive(tokens, j, candidate))
            isSubject = false;
        // "talks between A and B": a name joined to the name before it shares that name's role, and a
        // subject pair ("A and B said") is credited from its first name.
        if (stop.Is("and") && j > 0 && tokens[j - 1].IsCapitalisedWord && !NameLexicon.IsNonPerson(tokens[j - 1].Text))
            isSubject = false;
        return new SubjectContext(isSubject, titled, stop.IsLowerWord && NameLexicon.IsTemporalOpener(stop.Text));
    }

    /// <summary>
    /// Whether a name between commas renames the object of a preposition with a role noun: "the
    /// designation of the group's chief, X, as…", "talks with their counterparts, X and Y, asked".
    /// A place between the preposition and the comma ("ambassador in Washington, X,") renames nothing.
    /// </summary>
    private static bool IsObjectAppositive(IReadOnlyList<Token> tokens, int comma, NameCandidate candidate)
    {
        var after = candidate.Last + 1;
        if (comma < 1 || after >= tokens.Count || tokens[after].Text is not ("," or "and"))
            return false;
        // The head of the phrase before the comma must be a role noun ("chief", "counterparts").
        if (!(tokens[comma - 1].IsLowerWord && NameLexicon.IsTitle(tokens[comma - 1].Text)))
            return false;
        for (var k = comma - 2; k >= 0 && k >= comma - MaxObjectPhrase; k--)
        {
            var t = tokens[k];
            if (t.Kind is TokenKind.Punct or TokenKind.Quote || (t.IsLowerWord && NameLexicon.IsReportingVerb(t.Text)) || t.Is("that") || t.Is("which") || t.Is("who"))
                return false;
            if (t.IsLowerWord && NameLexicon.IsPreposition(t.Text) && t.Text is not ("a" or "an" or "the"))
                return ObjectPrepositions.Contains(t.Text);
        }
        return false;
    }

    private static List<ExtractedValue> Merge(List<Credited> credited, List<Mention> mentions, List<string> titled)
    {
        var speakers = new List<(string Name, string Sentence, string? Rule)>();
        foreach (var credit in credited)
        {
            // "He said" goes to the first of the previous sentence's subjects that is a person.
            var name = (credit.Alternatives ?? [credit.Candidate])
                .Select(c => PersonName(c, credit.Order, mentions, titled))
                .FirstOrDefault(n => n is not null);
            if (name is null)
                continue;
            var existing = speakers.FindIndex(s => PersonNames.SamePerson(s.Name, name));
            if (existing < 0)
                speakers.Add((name, credit.Sentence, credit.Rule));
            else if (Fuller(name, speakers[existing].Name))
                speakers[existing] = (name, speakers[existing].Sentence, speakers[existing].Rule);
        }
        var names = mentions.Select(m => m.Name).ToList();
        return speakers
            .Select(s => new ExtractedValue(PersonNames.Display(FullestForm(s.Name, names)), s.Sentence) { Rule = s.Rule })
            .ToList();
    }

    /// <summary>
    /// The candidate's name, its bare surname replaced by the full name it stands for; <c>null</c> when
    /// a bare word is not known as a person (never named in full, never given a title).
    /// </summary>
    private static string? PersonName(NameCandidate candidate, int order, List<Mention> mentions, List<string> titled)
    {
        if (candidate.Words.Count(w => !PersonNames.IsInitial(w)) != 1)
            return candidate.Name;
        var full = NearestFullName(candidate.Name, order, mentions);
        if (full is null && !candidate.Titled && !titled.Any(t => PersonNames.SamePerson(t, candidate.Name)))
            return null;
        return full ?? candidate.Name;
    }

    /// <summary>
    /// The full name a bare surname stands for: the one mentioned last before it ("Imran Khan … Khan
    /// said … ambassador Asad Majeed Khan"), else the first one after it; among equals the longest.
    /// </summary>
    private static string? NearestFullName(string surname, int order, List<Mention> mentions)
    {
        var same = mentions.Where(m => PersonNames.SamePerson(m.Name, surname)).ToList();
        var before = same.Where(m => m.Order < order).ToList();
        if (before.Count > 0)
        {
            var nearest = before.Max(m => m.Order);
            return before.Where(m => m.Order == nearest).MaxBy(m => m.Name.Length)!.Name;
        }
        return same.OrderBy(m => m.Order).ThenByDescending(m => m.Name.Length).FirstOrDefault()?.Name;
    }

    /// <summary>Whether the sentence opens with "He"/"She" whose own verb reports speech ("He said…", "She later told…").</summary>
    private static bool PronounSpeaks(SentenceAnalysis analysis)
    {
        if (!StartsWithPronoun(analysis.Tokens))
            return false;
        var pronoun = new NameCandidate(0, 0, [analysis.Tokens[0].Text]);
        var startsAt = analysis.Candidates.ToDictionary(c => c.First);
        return ScanForVerb(analysis, pronoun, startsAt, temporal: false).Any();
    }

    private static bool StartsWithPronoun(IReadOnlyList<Token> tokens) => tokens.Count > 1 && Pronouns.Contains(tokens[0].Text);

    /// <summary>
    /// Whom a following "He"/"She" may refer to: the names standing as subject of the main clause (not
    /// after "before", "when", "as" or another subordinator, not possessive), in order.
    /// </summary>
    private static List<NameCandidate> MainSubjects(SentenceAnalysis analysis)
    {
        var subjects = new List<NameCandidate>();
        foreach (var candidate in analysis.Candidates)
        {
            var context = Context(analysis.Tokens, candidate);
            if (!context.IsSubject || candidate.Possessive(analysis.Tokens) || IsHearsay(analysis.Tokens, candidate.First))
                continue;
            var opener = candidate.First > 0 ? analysis.Tokens[OpenerIndex(analysis.Tokens, candidate)] : (Token?)null;
            if (opener is { IsLowerWord: true } word && word.Text is not ("and" or "but" or "then" or "also" or "meanwhile" or "however" or "later" or "earlier"))
                continue;
            candidate.Titled |= context.Titled;
            subjects.Add(candidate);
        }
        return subjects;
    }

    /// <summary>The index of the token that opens the candidate's phrase (before any title or role words).</summary>
    private static int OpenerIndex(IReadOnlyList<Token> tokens, NameCandidate candidate)
    {
        var j = candidate.First - 1;
        while (j > 0 && (NameLexicon.IsTitle(tokens[j].Text) || NameLexicon.IsRoleWord(tokens[j].Text) || tokens[j].Kind == TokenKind.Acronym
                         || (tokens[j].IsCapitalisedWord && NameLexicon.IsNonPerson(tokens[j].Text)) || tokens[j].Text == "."))
            j--;
        return j;
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

    /// <param name="IsSubject">Whether the name can be the subject of a following verb.</param>
    /// <param name="Titled">Whether a title or role stands before it.</param>
    /// <param name="Temporal">Whether it opens a clause of time ("after X …").</param>
    private readonly record struct SubjectContext(bool IsSubject, bool Titled, bool Temporal);

    private sealed record Mention(string Name, int Order);

    /// <summary>A name credited with speech.</summary>
    /// <param name="Candidate">The name.</param>
    /// <param name="Sentence">The sentence that credits it.</param>
    /// <param name="Order">Where it stands in the article, for finding the full name nearest before it.</param>
    /// <param name="Alternatives">For a pronoun, the names it may stand for, in order of preference.</param>
    /// <param name="Rule">Which rule credited it, for the evidence (<see cref="DirectRule"/> or <see cref="PronounRule"/>).</param>
    private sealed record Credited(NameCandidate Candidate, string Sentence, int Order, IReadOnlyList<NameCandidate>? Alternatives = null, string? Rule = null);

    /// <summary>The evidence rule of a name credited with a statement in its own sentence.</summary>
    private const string DirectRule = "speaker: a person named with a reporting verb";

    /// <summary>The evidence rule of "he said" credited to the previous sentence's subject.</summary>
    private const string PronounRule = "speaker: a pronoun with a reporting verb, credited to the previous sentence's subject";

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
