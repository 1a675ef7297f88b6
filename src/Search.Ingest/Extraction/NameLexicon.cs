namespace Search.Ingest.Extraction;

/// <summary>
/// Word lists that tell people from everything else capitalised in news text: titles to strip,
/// places, organisations, media and calendar words that are never part of a person's name, and
/// the verbs that report speech.
/// </summary>
internal static class NameLexicon
{
    private static readonly HashSet<string> Titles = Set(
        "secretary", "assistant", "deputy", "under", "undersecretary", "ambassador", "adm", "admiral", "gen", "general",
        "lt", "lieutenant", "col", "colonel", "maj", "major", "capt", "captain", "president", "vice", "prime", "minister",
        "spokesperson", "spokesman", "spokeswoman", "spokespersons", "mr", "mrs", "ms", "miss", "dr", "prof", "professor",
        "senator", "sen", "rep", "representative", "congressman", "congresswoman", "chairman", "chairwoman", "chair",
        "director", "coordinator", "envoy", "special", "advisor", "adviser", "chief", "commander", "governor", "mayor",
        "judge", "justice", "attorney", "king", "queen", "prince", "sheikh", "imam", "maulana", "mullah", "marshal",
        "field", "officer", "official", "leader", "speaker", "sir", "lord", "acting", "former", "then", "top", "senior",
        "ex", "premier", "chancellor", "emir", "counsellor", "counselor", "cleric", "founder", "head", "candidate",
        "sgt", "sergeant", "brig", "brigadier", "cmdr", "secretary-general", "secretary-of-state", "state", "spokesmen",
        "minister-designate", "chargé", "charge", "d'affaires", "consul", "commissioner", "inspector", "superintendent",
        "hon", "honourable", "honorable", "excellency", "caliph", "hafiz", "qari", "counterpart", "counterparts", "secretaries",
        "ministers", "chiefs", "envoys", "ambassadors", "aide", "aides", "negotiator", "mufti",
        // Honorifics of the region, stripped from the displayed name like "Mr": "Syed Ali", "Maulana Masood Azhar".
        "syed", "sayed", "syeda", "pir", "allama", "ayatollah", "mian", "haji", "hajji", "maulvi", "moulana", "molana",
        "hazrat", "janab", "begum", "shri", "smt", "sardar", "nawabzada", "sahibzada", "lt-gen", "maj-gen", "brig-gen",
        "lt-col", "rear", "gov", "atty", "supt", "insp", "ayatullah", "dg", "ig", "sheik", "shaikh", "archbishop", "bishop",
        "pope", "rev", "reverend", "father", "cardinal", "chancellor", "exchequer", "treasurer", "economist", "analyst",
        "trader", "dealer", "banker", "executive", "president-elect", "secretary-designate", "nominee", "permanent",
        "counsel", "lawyer", "advocate", "barrister", "prosecutor", "dgmo");

    private static readonly HashSet<string> NonPersonWords = Set(
        // Places and peoples.
        "united", "states", "america", "american", "americans", "us", "usa", "uk", "britain", "british", "pakistan",
        "pakistani", "pakistanis", "india", "indian", "indians", "afghanistan", "afghan", "china", "chinese", "iran",
        "iranian", "russia", "russian", "islamabad", "washington", "delhi", "new", "kabul", "mumbai", "bombay", "kashmir",
        "kashmiri", "jammu", "asia", "asian", "south", "central", "north", "east", "west", "near", "middle", "eastern",
        "western", "southern", "northern", "tajikistan", "lahore", "karachi", "peshawar", "rawalpindi", "balochistan",
        "punjab", "sindh", "khyber", "pakhtunkhwa", "waziristan", "europe", "european", "saudi", "arabia", "qatar", "doha",
        "israel", "gaza", "syria", "iraq", "york", "london", "beijing", "moscow", "tehran", "kandahar", "pathankot",
        "pulwama", "uri", "quetta", "africa", "gulf", "indo-pacific", "srinagar", "ladakh", "bangladesh", "nepal",
        "sri", "lanka", "dc", "turkey", "japan", "korea", "australia", "canada", "france", "germany", "nato", "un", "uae",
        // Institutions and organisations.
        "department", "ministry", "office", "house", "white", "senate", "congress", "congressional", "committee",
        "subcommittee", "council", "nations", "security", "force", "forces", "task", "financial", "action", "group",
        "groups", "network", "agency", "service", "services", "research", "relations", "affairs", "foreign", "government",
        "administration", "court", "supreme", "parliament", "assembly", "national", "foundation", "program", "programme",
        "fund", "bank", "police", "army", "navy", "air", "intelligence", "bureau", "commission", "institute", "university",
        "party", "league", "union", "organisation", "organization", "board", "authority", "embassy", "consulate",
        "mission", "cabinet", "defence", "defense", "interior", "home", "treasury", "pentagon", "capitol", "federal",
        "state", "republic", "democratic", "republican", "democrats", "republicans", "joint", "working", "dialogue",
        "counterterrorism", "counter-terrorism", "terrorism", "counter", "terrorist", "terrorists", "militant", "militants",
        "islamic", "muslim", "hindu", "sikh", "christian", "jewish", "taliban", "al", "rewards", "justice", "line",
        "jamaat", "jamat", "jamaat-ul-ahrar", "tehreek", "tehrik", "lashkar", "jaish", "harkat", "sipah", "hizbul", "fitna", "ahrar",
        "control", "resolution", "summit", "conference", "forum", "strategic", "partnership", "cooperation",
        "movement", "front", "brigade", "corps", "command", "center", "centre", "academy", "school", "college",
        "hospital", "airport", "base", "province", "district", "region", "valley", "city", "county", "station",
        // Words of office and portfolio names, never part of a person's name: "Joint Chiefs of Staff", "Finance Minister".
        "staff", "external", "finance", "information", "economic", "commerce", "trade", "planning", "petroleum",
        "railways", "education", "health", "law", "parliamentary", "human", "rights", "relief", "water",
        "energy", "religious", "overseas", "public", "inter-services", "armed", "naval", "marine", "marines", "coast",
        "guard", "guards", "frontier", "rangers", "levies", "paramilitary", "military", "operations", "plans",
        // Media and platforms.
        "times", "post", "news", "press", "reuters", "associated", "journal", "tribune", "dawn", "express", "daily",
        "fox", "cnn", "bbc", "twitter", "facebook", "x", "youtube", "instagram", "telegraph", "guardian", "hindu",
        "hindustan", "herald", "observer", "today", "television", "tv", "radio", "agence", "france-presse", "geo",
        "quint", "wire", "media", "internet", "web", "desk", "pti", "ani", "ians", "afp", "ap", "app",
        // Calendar.
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december",
        // Function words and sentence openers that happen to be capitalised.
        "the", "a", "an", "in", "on", "at", "for", "with", "it", "he", "she", "they", "we", "i", "you", "this", "that",
        "these", "those", "but", "and", "or", "asked", "speaking", "during", "according", "however", "meanwhile", "also",
        "both", "earlier", "later", "after", "before", "while", "when", "as", "if", "his", "her", "their", "our", "its",
        "there", "here", "what", "who", "why", "how", "where", "which", "since", "despite", "although", "though", "last",
        "next", "this", "on", "by", "from", "to", "of", "not", "no", "yes", "all", "some", "many", "most", "several",
        "one", "two", "three", "first", "second", "third", "mr", "sources", "officials", "statement", "report", "reports",
        "reported", "said", "says", "told", "read", "also", "further", "moreover", "meanwhile", "yet", "still", "instead",
        "god", "allah", "lord", "prophet", "quran", "koran", "english", "urdu", "hindi", "arabic", "pashto", "covid",
        "covid-19", "coronavirus", "pandemic", "fatf", "acknowledging", "addressing", "responding", "referring", "citing",
        "besides", "among", "unlike", "following", "given", "including", "without", "within", "because", "so", "now",
        "yesterday", "tomorrow", "only", "even", "such", "other", "another", "each", "every", "any", "more", "less", "few",
        "much", "until", "upon", "whether", "nor", "either", "neither", "thus", "hence", "therefore", "indeed", "perhaps",
        "under", "over", "asked", "talking", "commenting", "writing", "separately", "elsewhere", "analysts", "dealers",
        "traders", "economists", "spokesmen", "shares", "stock", "stocks", "bonds", "prices",
        "revenue", "revenues", "earnings", "dollar", "yen", "sterling", "francs", "rupee", "rupees",
        "reuter", "reuters", "shr", "qtr", "year", "years", "month", "week", "tokyo", "paris", "bonn", "brussels",
        "geneva", "zurich", "ottawa", "toronto", "sydney", "singapore", "manila", "jakarta", "seoul", "taipei", "cairo",
        "riyadh", "kuwait", "opec", "gatt", "imf", "ec", "ecb", "fed", "sec", "labor", "labour", "conservative",
        "conservatives", "liberal", "liberals", "socialist", "socialists", "communist", "communists", "tory", "tories",
        "soviet", "soviets", "japanese", "german", "french", "italian", "brazilian", "mexican", "canadian", "australian",
        "korean", "taiwan", "taiwanese", "brazil", "mexico", "argentina", "venezuela", "nigeria", "egypt", "kenya",
        "philippines", "indonesia", "malaysia", "thailand", "vietnam", "italy", "spain", "belgium", "netherlands",
        "dutch", "swiss", "switzerland", "sweden", "swedish", "norway", "norwegian", "denmark", "danish", "england",
        "scotland", "ireland", "irish", "wales", "ecuador", "peru", "chile", "colombia", "bolivia", "zambia", "zaire",
        "yugoslav", "yugoslavia", "poland", "polish", "hungary", "romania", "greece", "greek", "portugal", "austria");

    private static readonly HashSet<string> CalendarWords = Set(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december");

    private static readonly HashSet<string> Prepositions = Set(
        "of", "to", "with", "by", "against", "from", "for", "about", "on", "at", "in", "into", "under", "between",
        "including", "like", "than", "via", "toward", "towards", "among", "amongst", "over", "upon", "behind", "without",
        "through", "across", "beside", "besides", "near", "onto", "per", "unlike", "regarding", "concerning", "named",
        "called", "a", "an", "the");

    /// <summary>
    /// Lower-case words of role phrases that may stand before a name with a title: "press secretary X",
    /// "external affairs ministry spokesperson X", "army chief X".
    /// </summary>
    private static readonly HashSet<string> RoleWords = Set(
        "press", "affairs", "ministry", "foreign", "external", "finance", "defence", "defense", "interior", "home",
        "information", "state", "department", "army", "military", "navy", "air", "force", "police", "intelligence",
        "security", "national", "public", "relations", "staff", "office", "embassy", "government", "federal",
        "provincial", "party", "opposition", "group", "group's", "media", "principal", "wing", "district", "regional",
        "counterterrorism", "counter-terrorism", "treasury", "justice", "trade", "commerce", "caretaker", "interim", "outgoing");

    /// <summary>Those who report without being named: a name inside what they say is hearsay ("officials said that X told…").</summary>
    private static readonly HashSet<string> UnnamedSources = Set(
        "officials", "official", "sources", "media", "reports", "report", "police", "investigators", "analysts",
        "critics", "diplomats", "residents", "witnesses", "people", "newspapers", "newspaper", "outlets", "channels",
        "they", "others", "observers", "experts", "aides", "security");

    /// <summary>Verbs that state words, as opposed to acts such as announcing a policy: only these credit a name in "after/before X …".</summary>
    private static readonly HashSet<string> SayingVerbs = Set(
        "said", "says", "told", "tells", "stated", "warned", "wrote", "tweeted", "added", "declared", "insisted", "claimed");

    private static readonly HashSet<string> SpokenByVerbs = Set(
        "said", "stated", "announced", "conveyed", "expressed", "voiced", "echoed", "reiterated", "stressed", "emphasised",
        "emphasized", "tweeted", "posted", "confirmed", "disclosed", "revealed", "claimed", "denied", "condemned",
        "welcomed", "declared", "told", "explained", "highlighted", "underlined", "described", "termed");

    private static readonly HashSet<string> SayingParticiples = Set(
        "saying", "adding", "telling", "stressing", "insisting", "noting", "warning", "declaring", "arguing", "claiming",
        "explaining", "vowing", "stating", "asserting", "writing", "tweeting", "emphasising", "emphasizing", "urging");

    /// <summary>Auxiliaries and modals: when one is not followed by a reporting verb, the subject has its own predicate ("X had made clear").</summary>
    private static readonly HashSet<string> Auxiliaries = Set(
        "has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must", "did", "does", "do");

    /// <summary>Adverbs that may stand between an auxiliary and its verb: "has also said", "had earlier warned".</summary>
    private static readonly HashSet<string> InterposedAdverbs = Set(
        "also", "not", "already", "earlier", "previously", "repeatedly", "again", "never", "often", "long", "since",
        "publicly", "recently", "twice", "once", "now", "separately", "further");

    /// <summary>Conjunctions that open a subordinate clause of time: what a name does there is an event unless it is saying.</summary>
    private static readonly HashSet<string> TemporalOpeners = Set("after", "before", "since", "until", "once", "when");

    /// <summary>Lower-case words that may stand before a subject name: "…, and Lu said", "that Pompeo told".</summary>
    private static readonly HashSet<string> SubjectOpeners = Set(
        "and", "but", "while", "as", "when", "where", "after", "before", "because", "since", "though", "although",
        "that", "then", "also", "meanwhile", "however", "whereas", "so", "if", "once", "until", "later", "earlier", "which");

    private static readonly Lexicon Verbs = Lexicon.Load("reporting-verbs");

    private static readonly HashSet<string> ReportingVerbs = Set([.. Verbs.Entries]);

    /// <summary>Reporting verbs that can stand before their speaker ("…, said Mark Toner"); object-taking verbs cannot.</summary>
    private static readonly HashSet<string> InvertibleVerbs = Set([.. Verbs.Marked]);

    /// <summary>Capitalised words that make the name they end or follow an organisation or a place: "Chrysler Corp", "Moody's Investors Service".</summary>
    private static readonly HashSet<string> OrganisationWords = Set([.. Lexicon.Load("organisation-words").Entries]);

    /// <summary>Organisations, agencies, firms and places that read like a person's name: "Merrill Lynch", "Tanjug", "Hong Kong".</summary>
    private static readonly HashSet<string> NonPersonNames = Set([.. Lexicon.Load("non-person-names").Entries]);

    /// <summary>Lower-case nouns that, right before a name or heading its appositive, say it is an organisation: "news agency Tanjug", "Tanjug, the Yugoslav agency,".</summary>
    private static readonly HashSet<string> OrganisationNouns = Set(
        "company", "firm", "unit", "subsidiary", "agency", "newspaper", "daily", "weekly", "magazine", "bank", "lender",
        "group", "exchange", "ministry", "maker", "manufacturer", "producer", "concern", "utility", "carrier", "airline",
        "insurer", "broker", "brokerage", "fund", "trust", "party", "organisation", "organization", "station", "network",
        "channel", "broadcaster", "board", "commission", "institute", "association", "federation", "union", "outfit",
        "conglomerate", "corporation", "retailer", "refiner", "shipper", "operator", "supplier", "developer", "dealer",
        "house", "publisher", "paper", "tabloid", "website", "portal", "outlet", "wire", "service", "chain", "bourse",
        "city", "town", "village", "province", "capital", "port", "state", "country");

    /// <summary>Auxiliaries that make a following participle passive: "Mir was called a terrorist".</summary>
    private static readonly HashSet<string> PassiveMarkers = Set("was", "were", "is", "are", "be", "been", "being", "get", "got", "so-called");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup = Titles.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NonPersonLookup = NonPersonWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsTitle(string word) => TitleLookup.Contains(Key(word));

    public static bool IsNonPerson(string word)
    {
        var key = Key(word);
        if (TitleLookup.Contains(key) || NonPersonLookup.Contains(key))
            return true;
        if (key.IndexOf('-') < 0)
            return false;
        var w = Clean(word);
        // "US-India", "Counter-Terrorism", "Vice-Admiral": a hyphenated word built from non-name parts; a
        // title joined to a name ("Amir-Abdollahian") is still a name.
        var parts = w.Split('-');
        return parts.Any(NonPersonWords.Contains) || parts.All(Titles.Contains);
    }

    public static bool IsPreposition(string word) => Prepositions.Contains(word);

    /// <summary>Whether a word names a day or a month: "X on Friday warned" keeps X as the subject.</summary>
    public static bool IsCalendarWord(string word) => CalendarWords.Contains(word);

    public static bool IsRoleWord(string word) => RoleWords.Contains(word);

    public static bool IsUnnamedSource(string word) => UnnamedSources.Contains(word);

    public static bool IsSayingVerb(string word) => SayingVerbs.Contains(word);

    /// <summary>Whether a passive "was … by X" with this participle makes X a speaker: "was stated by", "was announced by".</summary>
    public static bool IsSpokenByVerb(string word) => SpokenByVerbs.Contains(word);

    /// <summary>Whether a word is a participle of saying that can follow its subject's own clause: "…, saying", "and adding".</summary>
    public static bool IsSayingParticiple(string word) => SayingParticiples.Contains(word);

    public static bool IsAuxiliary(string word) => Auxiliaries.Contains(word);

    public static bool IsInterposedAdverb(string word) => InterposedAdverbs.Contains(word) || (word.Length > 4 && word.EndsWith("ly", StringComparison.Ordinal));

    public static bool IsTemporalOpener(string word) => TemporalOpeners.Contains(word);

    public static bool IsSubjectOpener(string word) => SubjectOpeners.Contains(word);

    public static bool IsReportingVerb(string word) => ReportingVerbs.Contains(word);

    /// <summary>Whether a capitalised word ends or follows an organisation's or a place's name ("Corp", "Bank", "Street").</summary>
    public static bool IsOrganisationWord(string word) => OrganisationLookup.Contains(Key(word));

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganisationLookup = OrganisationWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a name (its words joined by spaces) is a known organisation, agency, firm or place.</summary>
    public static bool IsNonPersonName(string name) => NonPersonNames.Contains(name);

    /// <summary>Whether some known organisation or place name starts with this word, so joining longer names to look them up is worth it.</summary>
    public static bool StartsNonPersonName(string word) => NonPersonFirstWords.Contains(word);

    private static readonly HashSet<string> NonPersonFirstWords = Set([.. NonPersonNames.Select(n => n.Split(' ')[0])]);

    /// <summary>Whether a lower-case noun says that the name beside it is an organisation or a place ("agency", "company").</summary>
    public static bool IsOrganisationNoun(string word) => OrganisationNouns.Contains(word);

    public static bool IsInvertibleVerb(string word) => InvertibleVerbs.Contains(word);

    public static bool IsPassiveMarker(string word) => PassiveMarkers.Contains(word.ToLowerInvariant());

    /// <summary>The word without a possessive ending or a trailing dot, for case-insensitive lookups without allocating.</summary>
    private static ReadOnlySpan<char> Key(string word)
    {
        var span = word.AsSpan();
        if (span.Length > 3 && (span.EndsWith("'s") || span.EndsWith("\u2019s")))
            span = span[..^2];
        else if (span.Length > 2 && (span[^1] == '\'' || span[^1] == '\u2019'))
            span = span[..^1];
        return span.TrimEnd('.');
    }

    private static string Clean(string word) => PersonNames.StripPossessive(word).TrimEnd('.').ToLowerInvariant();

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);
}
