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
    public IReadOnlyList<ExtractedValue> Extract(string? title, string body) => Analyse(title, body).Speakers;

    /// <summary>
    /// The speakers of the article, and the names that stood where a speaker stands but were
    /// refused because they name an organisation or a place, each with the reason.
    /// </summary>
    public SpeakerExtraction Analyse(string? title, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        // The article extractor asks twice for the same text, once for the speaker facet and once for
        // statements; the second ask of the same strings on the same thread reuses the first answer.
        if (t_last is { } last && ReferenceEquals(last.Extractor, this) && ReferenceEquals(last.Title, title) && ReferenceEquals(last.Body, body))
            return last.Result;
        var result = AnalyseText(title, body);
        t_last = new LastAnalysis(this, title, body, result);
        return result;
    }

    [ThreadStatic]
    private static LastAnalysis? t_last;

    private sealed record LastAnalysis(SpeakerExtractor Extractor, string? Title, string Body, SpeakerExtraction Result);

    private SpeakerExtraction AnalyseText(string? title, string body)
    {
        var text = string.IsNullOrEmpty(title) ? body : title + "\n\n" + body;
        var sentences = SentenceSplitter.Split(text);
        var mayNameGroup = SentencesThatMayNameGroups(text, sentences);
        var mentions = new List<Mention>();
        var credited = new List<Credited>();
        var titled = new List<string>();
        IReadOnlyList<NameCandidate> previousSubjects = [];
        IReadOnlyList<NameCandidate> previousSpeakers = [];
        var roles = new Dictionary<string, (NameCandidate Person, int Order)>(StringComparer.Ordinal);
        for (var index = 0; index < sentences.Count; index++)
        {
            var sentence = sentences[index];
            var analysis = Analyse(sentence, mayNameGroup[index]);
            // Only a role someone was named in can speak for them: until then there is nothing to look for.
            if (roles.Count > 0 && RoleSpeaks(analysis) is { } spokenRole && roles.TryGetValue(spokenRole, out var holder))
                credited.Add(new Credited(holder.Person, sentence.Text, holder.Order, Rule: RoleRule));
            foreach (var candidate in analysis.Candidates)
            {
                if (candidate.NotPerson is null && Context(analysis.Tokens, candidate).Role is { } role)
                    roles[role] = (candidate, Order(index, candidate.First));
            }
            foreach (var candidate in analysis.Candidates)
            {
                if (candidate.Words.Count > 1 && candidate.NotPerson is null)
                    mentions.Add(new Mention(candidate.Name, Order(index, candidate.First)));
            }
            var speakersHere = Credit(analysis);
            foreach (var speaker in speakersHere)
                credited.Add(new Credited(speaker, sentence.Text, Order(index, speaker.First), Rule: DirectRule));
            if (TranscriptSpeaker(analysis.Tokens) is { } turn)
                credited.Add(new Credited(turn, sentence.Text, Order(index, turn.First), Rule: TranscriptRule));
            foreach (var candidate in analysis.Candidates)
            {
                if (candidate.Titled)
                    titled.Add(candidate.Name);
            }
            var pronounSpeaks = PronounSpeaks(analysis);
            if ((previousSubjects.Count > 0 || previousSpeakers.Count > 0) && pronounSpeaks)
            {
                // "…," tweeted X, a spokesman for the group. "…," he said.': the last speaker before any other subject.
                var antecedents = previousSpeakers.Concat(previousSubjects).ToList();
                credited.Add(new Credited(antecedents[0], sentence.Text, Order(index, 0), antecedents, PronounRule));
            }
            var subjects = MainSubjects(analysis);
            previousSubjects = subjects.Count > 0 || !StartsWithPronoun(analysis.Tokens) ? subjects : previousSubjects;
            previousSpeakers = speakersHere.Count > 0 || !pronounSpeaks ? speakersHere.FindAll(c => c.NotPerson is null) : previousSpeakers;
        }
        return Merge(credited, mentions, titled);
    }

    private static int Order(int sentence, int token) => sentence * 10_000 + token;

    /// <summary>
    /// Which sentences the group table must read one by one: those a mention of the article's one scan
    /// (<see cref="GroupScan"/>, ambiguous aliases kept) touches. That scan reads the sentences
    /// unmasked, so it finds every mention a masked sentence read alone could give, and those inside
    /// quotes besides, except a name a quote would cut in two ("Lashkar \"…\" Taiba"), which news
    /// text does not write. Most sentences of most articles touch none and skip their own pass.
    /// </summary>
    private bool[] SentencesThatMayNameGroups(string text, IReadOnlyList<Sentence> sentences)
    {
        var may = new bool[sentences.Count];
        var sentence = 0;
        foreach (var mention in GroupScan.Of(_groups, text))
        {
            while (sentence + 1 < sentences.Count && sentences[sentence + 1].Start <= mention.Start)
                sentence++;
            // A mention read across a sentence break marks every sentence it touches.
            for (var k = sentence; k < sentences.Count && sentences[k].Start < mention.Start + mention.Length; k++)
                may[k] = true;
        }
        return may;
    }

    private SentenceAnalysis Analyse(Sentence sentence, bool mayNameGroup)
    {
        var tokens = Tokenizer.Tokenize(sentence.Masked);
        var inGroup = new bool[tokens.Count];
        foreach (var mention in mayNameGroup ? _groups.FindMentions(sentence.Masked) : [])
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
    private static List<NameCandidate> FindCandidates(List<Token> tokens, bool[] inGroup)
    {
        var candidates = new List<NameCandidate>();
        // One list serves every run: a candidate copies the words it keeps.
        var words = new List<string>();
        var i = 0;
        while (i < tokens.Count)
        {
            words.Clear();
            var first = i;
            // Leading initials belong to the name: "T. Raja Kumar", "P.J. Crowley".
            var start = LeadingInitialsEnd(tokens, inGroup, i, words);
            if (!IsNameWord(tokens, inGroup, start))
            {
                i++;
                continue;
            }
            // "Minister of Mines Subroto": an organisation word opening a run is the office's, not the name's.
            if (words.Count == 0 && IsCapitalisedOrganisationWord(tokens[start]) && IsNameWord(tokens, inGroup, start + 1))
            {
                i = start + 1;
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
                else if (IsInnerHonorific(tokens[k]) && !inGroup[k])
                {
                    // "Khalid Sheikh Mohammed", "Amir Ahmed Sheikh": after a name word it is the name's own.
                    words.Add(tokens[k].Text);
                    last = k++;
                }
                else if (IsParticleSurname(tokens[k]) && !inGroup[k])
                {
                    // "Ayman al-Zawahiri", "Abu Bakr al-Baghdadi": an article joined to the surname.
                    words.Add(tokens[k].Text);
                    last = k++;
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
            // "Hafiz Saeed", "Mullah Omar": a one-word name keeps the honorific it is known by.
            if (words.Count == 1 && first > 0 && tokens[first - 1].IsCapitalisedWord && PersonNames.IsHonorific(tokens[first - 1].Text))
                words.Insert(0, tokens[--first].Text);
            if (CountNotInitials(words) <= MaxNameWords)
                candidates.Add(new NameCandidate(first, last, words) { NotPerson = NotPersonReason(tokens, first, last, words) });
            i = last + 1;
        }
        return candidates;
    }

    private static int CountNotInitials(List<string> words)
    {
        var count = 0;
        foreach (var word in words)
        {
            if (!PersonNames.IsInitial(word))
                count++;
        }
        return count;
    }

    /// <summary>
    /// Why the run of name words from <paramref name="first"/> to <paramref name="last"/> names an
    /// organisation or a place, judged by the lexicon of such names, the word that ends or follows
    /// it ("Chrysler Corp", "Moody's Investors Service"), an "of" after an organisation word ("Bank of
    /// Japan"), a noun before it ("news agency Tanjug") or the head of its appositive ("Tanjug, the
    /// Yugoslav news agency,"); <c>null</c> when nothing says so.
    /// </summary>
    private static string? NotPersonReason(List<Token> tokens, int first, int last, List<string> words)
    {
        var folded = new string[words.Count];
        for (var w = 0; w < words.Count; w++)
            folded[w] = PersonNames.StripPossessive(words[w]).ToLowerInvariant();
        for (var length = NameLexicon.StartsNonPersonName(folded[0]) ? folded.Length : 0; length > 0; length--)
        {
            var prefix = string.Join(' ', folded, 0, length);
            if (NameLexicon.IsNonPersonName(prefix))
                return $"'{prefix}' is a known organisation or place";
        }
        if (NameLexicon.IsNonPersonName(folded[^1]) && folded.Length > 1)
            return $"'{folded[^1]}' is a known organisation or place";
        if (NameLexicon.IsOrganisationWord(words[^1]))
            return $"ends in '{PersonNames.StripPossessive(words[^1])}', a word of organisation names";
        var next = last + 1;
        if (next < tokens.Count && IsCapitalisedOrganisationWord(tokens[next]))
            return $"followed by '{tokens[next].Text}', a word of organisation names";
        if (next + 1 < tokens.Count && tokens[next].Text is "and" or "&" && tokens[next + 1].Text is "Co" or "Company" or "Sons" or "Partners" or "Associates" or "Brothers")
            return $"followed by '{tokens[next].Text} {tokens[next + 1].Text}', a firm's name";
        if (first >= 2 && tokens[first - 1].Text == "of" && IsCapitalisedOrganisationWord(tokens[first - 2]))
            return $"follows '{tokens[first - 2].Text} of', an organisation's name";
        if (first >= 1 && tokens[first - 1].IsLowerWord && NameLexicon.IsOrganisationNoun(tokens[first - 1].Text))
            return $"follows '{tokens[first - 1].Text}', a noun for an organisation or a place";
        if (AppositiveHead(tokens, next) is { } head && NameLexicon.IsOrganisationNoun(head))
            return $"its appositive calls it '{head}'";
        return null;
    }

    private static bool IsCapitalisedOrganisationWord(Token token) =>
        token.Kind is TokenKind.Word or TokenKind.Acronym && char.IsUpper(token.Text[0]) && NameLexicon.IsOrganisationWord(token.Text);

    /// <summary>
    /// The head noun of an appositive that opens with an article at <paramref name="comma"/>: the last
    /// lower-case word before the closing comma or the first preposition ("the Yugoslav news agency,"
    /// → agency; "a unit of the group," → unit); <c>null</c> when there is none.
    /// </summary>
    private static string? AppositiveHead(List<Token> tokens, int comma)
    {
        if (comma + 1 >= tokens.Count || tokens[comma].Text != "," || tokens[comma + 1].Text is not ("the" or "a" or "an"))
            return null;
        string? head = null;
        for (var k = comma + 2; k < tokens.Count && k <= comma + 10; k++)
        {
            var t = tokens[k];
            if (t.Kind is TokenKind.Punct or TokenKind.Quote || (t.IsLowerWord && NameLexicon.IsPreposition(t.Text)))
                return head;
            if (t.IsLowerWord)
                head = t.Text;
        }
        return null;
    }

    private static bool IsNameWord(List<Token> tokens, bool[] inGroup, int i) =>
        i < tokens.Count && !inGroup[i] && tokens[i].IsCapitalisedWord && !NameLexicon.IsNonPerson(tokens[i].Text);

    /// <summary>The index after the initials starting at <paramref name="i"/> ("T." or "P.J."), adding them to <paramref name="words"/>; <paramref name="i"/> when there are none.</summary>
    private static int LeadingInitialsEnd(List<Token> tokens, bool[] inGroup, int i, List<string> words)
    {
        // "A. B. Vajpayee": one or more single-letter initials, each with its dot, before a name word.
        var k = i;
        while (IsInitial(tokens, k) && k + 2 < tokens.Count && tokens[k + 1].Text == ".")
            k += 2;
        if (k > i && IsNameWord(tokens, inGroup, k))
        {
            for (var j = i; j < k; j += 2)
                words.Add(tokens[j].Text + ".");
            return k;
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

    private static bool IsInitial(List<Token> tokens, int i) =>
        tokens[i].Kind == TokenKind.Word && tokens[i].Text.Length == 1 && char.IsUpper(tokens[i].Text[0]);

    /// <summary>"Khalid Sheikh Mohammed": an honorific after a name word is part of the name, not a title.</summary>
    private static bool IsInnerHonorific(Token token) => token.Text is "Sheikh" or "Shaikh" or "Syed";

    private static bool IsParticleSurname(Token token) =>
        token.Kind == TokenKind.Word && token.Text.Length > 4 && (token.Text.StartsWith("al-", StringComparison.Ordinal) || token.Text.StartsWith("el-", StringComparison.Ordinal))
        && char.IsUpper(token.Text[3]);

    private static bool IsNameParticle(Token token) =>
        token.Kind == TokenKind.Word && token.Text is "bin" or "ibn" or "de" or "van" or "von" or "der" or "ul" or "ur" or "ud" or "al" or "da" or "di";

    private static List<NameCandidate> Credit(SentenceAnalysis analysis)
    {
        var tokens = analysis.Tokens;
        var result = new List<NameCandidate>();
        var startsAt = analysis.StartsAt;
        foreach (var candidate in analysis.Candidates)
        {
            var context = Context(tokens, candidate);
            candidate.Titled = context.Titled;
            if (candidate.NotPerson is null && !candidate.Possessive(tokens) && (WhoSays(tokens, candidate.Last + 1) || QuotedAs(tokens, candidate)))
            {
                // "his adviser X, who said at a news conference that…": the relative clause credits X wherever X stands.
                if (!result.Contains(candidate))
                    result.Add(candidate);
                continue;
            }
            if (!context.IsSubject || IsHearsay(tokens, candidate.First))
                continue;
            if (candidate.Possessive(tokens))
            {
                // "X's office said in a statement": words issued by someone's office are theirs.
                if (OfficeEnd(tokens, candidate.Last + 1) is { } officeEnd)
                {
                    var office = new NameCandidate(candidate.First, officeEnd, candidate.Words) { NotPerson = candidate.NotPerson };
                    if (ScanForVerb(analysis, office, startsAt, context.Temporal).Any() && !result.Contains(candidate))
                        result.Add(candidate);
                }
                continue;
            }
            foreach (var speaker in ScanForVerb(analysis, candidate, startsAt, context.Temporal))
            {
                if (!result.Contains(speaker))
                    result.Add(speaker);
            }
        }
        // An inverted attribution credits a name the sentence has: in one without names there is none to find.
        for (var k = 0; k < tokens.Count && startsAt.Count > 0; k++)
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
            // "X held a news conference, promising an amnesty and saying …": the subject's own participle of saying.
            if (token.IsLowerWord && !inAppositive && NameLexicon.IsSayingParticiple(token.Text) && tokens[k - 1].Text is "," or "and")
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

    /// <summary>
    /// The speaker of a transcript turn ("MR. TONER: Good afternoon.", "SECRETARY KERRY: Thank you."):
    /// a title and a surname in capitals before a colon at the start of the sentence; <c>null</c> otherwise.
    /// </summary>
    private static NameCandidate? TranscriptSpeaker(List<Token> tokens)
    {
        if (tokens.Count < 3 || !NameLexicon.IsTitle(tokens[0].Text))
            return null;
        var k = tokens[1].Text == "." ? 2 : 1;
        var start = k;
        while (k < tokens.Count && k - start < 2 && tokens[k].Kind is TokenKind.Acronym or TokenKind.Word && tokens[k].Text.Length > 1
               && !tokens[k].Text.Any(char.IsLower) && !tokens[k].Text.Contains('.'))
            k++;
        if (k == start || k >= tokens.Count || tokens[k].Text != ":")
            return null;
        var words = new List<string>();
        for (var i = start; i < k; i++)
            words.Add(tokens[i].Text[0] + tokens[i].Text[1..].ToLowerInvariant());
        return new NameCandidate(start, k - 1, words) { Titled = true };
    }

    /// <summary>"A statement quoted X as saying…", "the agency cited X as telling…": the one quoted is the speaker.</summary>
    private static bool QuotedAs(List<Token> tokens, NameCandidate candidate)
    {
        var before = candidate.First - 1;
        // "quoted Punjab police chief X as saying": the role before the name is skipped like a title.
        while (before >= 0 && tokens[before].Kind == TokenKind.Word
               && (NameLexicon.IsTitle(tokens[before].Text) || NameLexicon.IsRoleWord(tokens[before].Text) || (tokens[before].IsCapitalisedWord && NameLexicon.IsNonPerson(tokens[before].Text))))
            before--;
        return before >= 0 && tokens[before].Text is "quoted" or "quotes" or "cited" or "cites"
            && candidate.Last + 2 < tokens.Count && tokens[candidate.Last + 1].Is("as")
            && NameLexicon.IsSayingParticiple(tokens[candidate.Last + 2].Text);
    }

    /// <summary>Whether ", who" at <paramref name="comma"/> opens a relative clause whose verb reports speech: ", who said", ", who has also warned".</summary>
    private static bool WhoSays(List<Token> tokens, int comma)
    {
        if (comma + 2 >= tokens.Count || tokens[comma].Text != "," || !tokens[comma + 1].Is("who"))
            return false;
        var k = comma + 2;
        if (tokens[k].IsLowerWord && NameLexicon.IsAuxiliary(tokens[k].Text))
            k++;
        while (k < tokens.Count && tokens[k].IsLowerWord && NameLexicon.IsInterposedAdverb(tokens[k].Text))
            k++;
        return k < tokens.Count && tokens[k].IsLowerWord && NameLexicon.IsReportingVerb(tokens[k].Text) && !IsParticiple(tokens, k);
    }

    /// <summary>The index of "office" in "X's office" or "X's media office" starting at <paramref name="k"/>; <c>null</c> otherwise.</summary>
    private static int? OfficeEnd(List<Token> tokens, int k)
    {
        if (k < tokens.Count && tokens[k].Text is "press" or "media" && k + 1 < tokens.Count)
            k++;
        return k < tokens.Count && tokens[k].Text is "office" or "secretariat" ? k : null;
    }

    /// <summary>"accused of planning", "condemned by": a participle, not a verb with the name as subject.</summary>
    private static bool IsParticiple(List<Token> tokens, int k) =>
        k + 1 < tokens.Count && tokens[k + 1].Text is "of" or "by";

    /// <summary>"was quoted as saying": the passive that still reports the subject's words.</summary>
    private static bool QuotedAsSaying(List<Token> tokens, int k) =>
        k + 2 < tokens.Count && tokens[k].Is("quoted") && tokens[k + 1].Is("as") && tokens[k + 2].Is("saying");

    /// <summary>Whether a reporting verb follows at <paramref name="k"/>, allowing adverbs and "been" in between ("has also said").</summary>
    private static bool ReportingVerbFollows(List<Token> tokens, int k)
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
    private static bool IsHearsay(List<Token> tokens, int first)
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
        || (before.IsCapitalisedWord && NameLexicon.IsNonPerson(before.Text) && !NameLexicon.IsCalendarWord(before.Text));

    /// <summary>The last token index of an appositive starting at <paramref name="comma"/>, or -1 when there is none.</summary>
    private static int AppositiveEnd(List<Token> tokens, int comma)
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
    private static int? InvertedAttributionAt(List<Token> tokens, int k)
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
        else if (k >= 2 && tokens[k].Is("by") && tokens[k - 1].IsLowerWord && NameLexicon.IsSpokenByVerb(tokens[k - 1].Text)
                 && NameLexicon.IsPassiveMarker(tokens[k - 2].Text))
        {
            // "This was stated by Foreign Office spokesperson X": the agent of a passive verb of saying.
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
                || (t.IsCapitalisedWord && NameLexicon.IsNonPerson(t.Text)) || t.Text is "the" or "of" or "for"
                // "according to defence adviser X": a role in lower case.
                || (t.IsLowerWord && NameLexicon.IsRoleWord(t.Text))
                // "said U.S. Ambassador to Pakistan X": the country an envoy is sent to.
                || (t.Text == "to" && NameLexicon.IsTitle(tokens[next - 1].Text))
                // "said the senator, X": the role and then the name in apposition.
                || (t.Text == "," && NameLexicon.IsTitle(tokens[next - 1].Text));
            if (!titleish)
                return next;
        }
        return null;
    }

    private static SubjectContext Context(List<Token> tokens, NameCandidate candidate)
    {
        if (candidate.First > 0 && tokens[candidate.First - 1].Text is "the" or "The" or "a" or "A" or "an" or "An")
            return new SubjectContext(false, false, false, null);
        var titled = false;
        string? role = null;
        var j = candidate.First - 1;
        while (j >= 0)
        {
            var t = tokens[j];
            if (t.Kind == TokenKind.Word && NameLexicon.IsTitle(t.Text))
            {
                titled = true;
                role ??= RoleKey(t.Text);
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
            else if ((t.IsCapitalisedWord || t.Kind == TokenKind.Acronym) && j + 1 < candidate.First && NameLexicon.IsTitle(tokens[j + 1].Text)
                     && tokens[j + 1].IsLowerWord)
            {
                // "JuD spokesman X", "Jamaat-ul-Ahrar spokesman X": the body the role belongs to.
                j--;
            }
            else if (t.IsLowerWord && t.Text is "his" or "her" or "its" or "their" && j + 1 < candidate.First)
            {
                // "its Permanent Representative X": the determiner opens the role phrase like "the".
                j--;
            }
            else if (t.Text == "." && j > 0 && tokens[j - 1].Kind == TokenKind.Word && NameLexicon.IsTitle(tokens[j - 1].Text))
            {
                j--;
            }
            else if (t.Text == ")" && j >= 2 && tokens[j - 1].Kind == TokenKind.Acronym && tokens[j - 2].Text == "(" && j + 1 < candidate.First)
            {
                // "Chief of Army Staff (COAS) General X": the office's acronym in brackets belongs to the role.
                j -= 3;
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
            return new SubjectContext(true, titled, false, role);
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
        return new SubjectContext(isSubject, titled, stop.IsLowerWord && NameLexicon.IsTemporalOpener(stop.Text), role);
    }

    /// <summary>
    /// Whether a name between commas renames the object of a preposition with a role noun: "the
    /// designation of the group's chief, X, as…", "talks with their counterparts, X and Y, asked".
    /// A place between the preposition and the comma ("ambassador in Washington, X,") renames nothing.
    /// </summary>
    private static bool IsObjectAppositive(List<Token> tokens, int comma, NameCandidate candidate)
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

    private static SpeakerExtraction Merge(List<Credited> credited, List<Mention> mentions, List<string> titled)
    {
        var speakers = new List<(string Name, string Sentence, string? Rule)>();
        var refused = new List<RefusedSpeaker>();
        var attributions = new List<(int Speaker, string Sentence)>();
        foreach (var credit in credited)
        {
            if (credit.Alternatives is null && credit.Candidate.NotPerson is { } reason)
            {
                if (!refused.Exists(r => r.Name == credit.Candidate.Name))
                    refused.Add(new RefusedSpeaker(credit.Candidate.Name, reason, credit.Sentence));
                continue;
            }
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
            attributions.Add((existing < 0 ? speakers.Count - 1 : existing, credit.Sentence));
        }
        var values = speakers
            .Select(s => new ExtractedValue(PersonNames.Display(FullestForm(s.Name, mentions)), s.Sentence) { Rule = s.Rule })
            .ToList();
        return new SpeakerExtraction(values, refused)
        {
            Attributions = attributions.Select(a => new ExtractedValue(values[a.Speaker].Value, a.Sentence)).Distinct().ToArray(),
        };
    }

    /// <summary>
    /// The candidate's name, its bare surname replaced by the full name it stands for; <c>null</c> when
    /// a bare word is not known as a person (never named in full, never given a title).
    /// </summary>
    private static string? PersonName(NameCandidate candidate, int order, List<Mention> mentions, List<string> titled)
    {
        if (candidate.NotPerson is not null)
            return null;
        if (candidate.Words.Count == 2 && PersonNames.IsHonorific(candidate.Words[0]))
        {
            // "Sheikh Rashid said" after "Sheikh Rashid Ahmed": the honorific's name joins the full name the article gave.
            var core = candidate.Words[1];
            return NearestFullName(core, order, mentions) is { } byLast && byLast != candidate.Name ? byLast
                : FullNameByFirstName(core, mentions) ?? candidate.Name;
        }
        if (candidate.Words.Count(w => !PersonNames.IsInitial(w)) != 1)
            return candidate.Name;
        var full = NearestFullName(candidate.Name, order, mentions) ?? FullNameByFirstName(candidate.Name, mentions);
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
        var words = PersonNames.Words(surname);
        Mention? before = null;
        Mention? after = null;
        foreach (var mention in mentions)
        {
            if (!PersonNames.SameWords(mention.Words, words))
                continue;
            // Before it: the latest, then the longest; after it: the earliest, then the longest; the first of equals.
            if (mention.Order < order)
            {
                if (before is null || mention.Order > before.Order || (mention.Order == before.Order && mention.Name.Length > before.Name.Length))
                    before = mention;
            }
            else if (after is null || mention.Order < after.Order || (mention.Order == after.Order && mention.Name.Length > after.Name.Length))
            {
                after = mention;
            }
        }
        return (before ?? after)?.Name;
    }

    /// <summary>
    /// The role a sentence's subject names in place of a person ("The spokesperson said…", "…, the
    /// minister added"), when that role phrase is the subject of a reporting verb; <c>null</c> otherwise.
    /// </summary>
    private static string? RoleSpeaks(SentenceAnalysis analysis)
    {
        var tokens = analysis.Tokens;
        for (var k = 0; k + 1 < tokens.Count; k++)
        {
            if (!tokens[k].Is("the"))
                continue;
            var opensClause = k == 0 || tokens[k - 1].Kind is TokenKind.Punct or TokenKind.Quote
                || (tokens[k - 1].IsLowerWord && (NameLexicon.IsSubjectOpener(tokens[k - 1].Text) || NameLexicon.IsInvertibleVerb(tokens[k - 1].Text)));
            if (!opensClause)
                continue;
            // Role phrase: "the FO spokesperson", "the foreign minister", "the army's media wing chief".
            var r = k + 1;
            string? role = null;
            for (var steps = 0; r < tokens.Count && steps < 4; steps++, r++)
            {
                var t = tokens[r];
                // "the prime minister's office said": the office speaks, not a person the text names.
                if (PersonNames.StripPossessive(t.Text) != t.Text)
                {
                    role = null;
                    break;
                }
                if (t.Kind == TokenKind.Word && NameLexicon.IsTitle(t.Text))
                    role = RoleKey(t.Text) ?? role;
                else if (!(t.Kind == TokenKind.Acronym || NameLexicon.IsRoleWord(t.Text.ToLowerInvariant()) || (t.IsCapitalisedWord && NameLexicon.IsNonPerson(t.Text))))
                    break;
            }
            if (role is null || (r < tokens.Count && tokens[r].IsCapitalisedWord))
                continue;
            // "…," said the spokesperson.' is inverted; "said the admiral received it" reports the admiral.
            var inverted = k > 0 && tokens[k - 1].IsLowerWord && NameLexicon.IsInvertibleVerb(tokens[k - 1].Text)
                && (r >= tokens.Count || tokens[r].Kind is TokenKind.Punct or TokenKind.Quote);
            if (!inverted && k > 0 && tokens[k - 1].IsLowerWord && NameLexicon.IsInvertibleVerb(tokens[k - 1].Text))
                continue;
            var subject = new NameCandidate(r - 1, r - 1, [role]);
            if (inverted || ScanForVerb(analysis, subject, analysis.StartsAt, temporal: false).Any())
                return role;
        }
        return null;
    }

    /// <summary>The role a title word names, with the spokesman/spokesperson/spokeswoman variants as one; <c>null</c> for words that are no role ("former", "acting").</summary>
    private static string? RoleKey(string title)
    {
        var word = PersonNames.StripPossessive(title).TrimEnd('.').ToLowerInvariant();
        if (word.StartsWith("spokes", StringComparison.Ordinal))
            return "spokesperson";
        return word is "former" or "acting" or "then" or "top" or "senior" or "ex" or "deputy" or "vice" or "special" or "under"
            or "assistant" or "field" or "mr" or "mrs" or "ms" or "miss" or "dr" or "sir" or "hon" or "syed" or "mian" or "haji"
            or "official" or "officer" or "state"
            ? null : word;
    }

    /// <summary>
    /// The full name whose first name a bare word is ("Mumtaz" after "Mumtaz Zahra Baloch"), when
    /// exactly one person of the article has that first name; <c>null</c> otherwise.
    /// </summary>
    private static string? FullNameByFirstName(string word, List<Mention> mentions)
    {
        string? found = null;
        var folded = PersonNames.Fold(word);
        foreach (var mention in mentions)
        {
            var words = mention.Words;
            if (words.Count < 2 || words[0] != folded)
                continue;
            if (found is not null && !PersonNames.SamePerson(found, mention.Name))
                return null;
            found ??= mention.Name;
        }
        return found;
    }

    /// <summary>Whether the sentence opens with "He"/"She" whose own verb reports speech ("He said…", "She later told…").</summary>
    private static bool PronounSpeaks(SentenceAnalysis analysis)
    {
        var tokens = analysis.Tokens;
        if (!StartsWithPronoun(tokens))
        {
            // '"We are here to listen," she said.': the pronoun after an opening quote names the last subject too.
            var p = 0;
            var quoted = false;
            while (p < tokens.Count && (tokens[p].Kind == TokenKind.Quote || tokens[p].Text is "," or "\"" or "\u201C" or "\u201D"))
                quoted |= tokens[p++].Kind == TokenKind.Quote;
            return quoted && p + 1 < tokens.Count && Pronouns.Contains(tokens[p].Text)
                && tokens[p + 1].IsLowerWord && NameLexicon.IsInvertibleVerb(tokens[p + 1].Text);
        }
        var pronoun = new NameCandidate(0, 0, [tokens[0].Text]);
        return ScanForVerb(analysis, pronoun, analysis.StartsAt, temporal: false).Any();
    }

    private static bool StartsWithPronoun(List<Token> tokens) => tokens.Count > 1 && Pronouns.Contains(tokens[0].Text);

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
    private static int OpenerIndex(List<Token> tokens, NameCandidate candidate)
    {
        var j = candidate.First - 1;
        while (j > 0 && (NameLexicon.IsTitle(tokens[j].Text) || NameLexicon.IsRoleWord(tokens[j].Text) || tokens[j].Kind == TokenKind.Acronym
                         || (tokens[j].IsCapitalisedWord && NameLexicon.IsNonPerson(tokens[j].Text)) || tokens[j].Text == "."))
            j--;
        return j;
    }

    private static string FullestForm(string name, List<Mention> mentions)
    {
        var words = PersonNames.Words(name);
        var best = name;
        foreach (var mention in mentions)
        {
            if (PersonNames.SameWords(mention.Words, words) && Fuller(mention.Name, best))
                best = mention.Name;
        }
        return best;
    }

    /// <summary>More name words, then a longer first name (Matthew over Matt).</summary>
    private static bool Fuller(string candidate, string current)
    {
        var a = PersonNames.Words(candidate);
        var b = PersonNames.Words(current);
        if (a.Count != b.Count)
            return a.Count > b.Count;
        return a.Count > 1 && a[0].Length > b[0].Length;
    }

    private sealed record SentenceAnalysis(List<Token> Tokens, List<NameCandidate> Candidates)
    {
        /// <summary>The candidates by the index of their first token.</summary>
        public Dictionary<int, NameCandidate> StartsAt { get; } = Candidates.ToDictionary(c => c.First);
    }

    /// <param name="IsSubject">Whether the name can be the subject of a following verb.</param>
    /// <param name="Titled">Whether a title or role stands before it.</param>
    /// <param name="Temporal">Whether it opens a clause of time ("after X …").</param>
    /// <param name="Role">The title nearest before it, as a role a later "the spokesperson said" can name ("spokesperson", "minister").</param>
    private readonly record struct SubjectContext(bool IsSubject, bool Titled, bool Temporal, string? Role);

    private sealed record Mention(string Name, int Order)
    {
        /// <summary>The name's words as <see cref="PersonNames.Words"/> gives them, once per mention rather than once per comparison.</summary>
        public IReadOnlyList<string> Words => _words ??= PersonNames.Words(Name);

        private IReadOnlyList<string>? _words;
    }

    /// <summary>A name credited with speech.</summary>
    /// <param name="Candidate">The name.</param>
    /// <param name="Sentence">The sentence that credits it.</param>
    /// <param name="Order">Where it stands in the article, for finding the full name nearest before it.</param>
    /// <param name="Alternatives">For a pronoun, the names it may stand for, in order of preference.</param>
    /// <param name="Rule">Which rule credited it, for the evidence (<see cref="DirectRule"/>, <see cref="PronounRule"/>, <see cref="RoleRule"/> or <see cref="TranscriptRule"/>).</param>
    private sealed record Credited(NameCandidate Candidate, string Sentence, int Order, IReadOnlyList<NameCandidate>? Alternatives = null, string? Rule = null);

    /// <summary>The evidence rule of a name credited with a statement in its own sentence.</summary>
    private const string DirectRule = "speaker: a person named with a reporting verb";

    /// <summary>The evidence rule of "he said" credited to the previous speaker or subject.</summary>
    private const string PronounRule = "speaker: a pronoun with a reporting verb, credited to the previous speaker or subject";

    /// <summary>The evidence rule of "the spokesman said" credited to the person named in that role earlier.</summary>
    private const string RoleRule = "speaker: a role with a reporting verb, credited to the person named in it earlier";

    /// <summary>The evidence rule of a transcript turn ("MILLER: …").</summary>
    private const string TranscriptRule = "speaker: a transcript turn";

    private sealed class NameCandidate(int first, int last, IReadOnlyList<string> words)
    {
        public int First { get; } = first;
        public int Last { get; } = last;
        public IReadOnlyList<string> Words { get; } = StripPossessives(words);
        public string Name => _name ??= string.Join(' ', Words);
        private string? _name;
        public bool Titled { get; set; }

        /// <summary>Why the name is an organisation or a place rather than a person; <c>null</c> for a person.</summary>
        public string? NotPerson { get; init; }

        private static string[] StripPossessives(IReadOnlyList<string> words)
        {
            var stripped = new string[words.Count];
            for (var i = 0; i < stripped.Length; i++)
                stripped[i] = PersonNames.StripPossessive(words[i]);
            return stripped;
        }

        public bool Possessive(List<Token> tokens) =>
            tokens[Last].Text.EndsWith("'s", StringComparison.Ordinal) || tokens[Last].Text.EndsWith("\u2019s", StringComparison.Ordinal);
    }
}

/// <summary>What the speaker extractor found in one article.</summary>
/// <param name="Speakers">The people credited with words, in order of first attribution, each once.</param>
/// <param name="Refused">Names that stood where a speaker stands but name an organisation or a place.</param>
public sealed record SpeakerExtraction(IReadOnlyList<ExtractedValue> Speakers, IReadOnlyList<RefusedSpeaker> Refused)
{
    /// <summary>Every sentence that credits a speaker with words, with that speaker's final name, in article order.</summary>
    public IReadOnlyList<ExtractedValue> Attributions { get; init; } = [];
}

/// <summary>A name credited with words that is not a person.</summary>
/// <param name="Name">The name as it stands in the text.</param>
/// <param name="Reason">Why it is not a person: the lexicon entry, word or context that decided.</param>
/// <param name="Sentence">The sentence that credits it.</param>
public sealed record RefusedSpeaker(string Name, string Reason, string Sentence);
