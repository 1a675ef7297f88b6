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
        "ex", "premier", "chancellor", "emir", "amir", "counsellor", "counselor", "cleric", "founder", "head", "candidate",
        "sgt", "sergeant", "brig", "brigadier", "cmdr", "secretary-general", "secretary-of-state", "state", "spokesmen",
        "minister-designate", "chargé", "charge", "d'affaires", "consul", "commissioner", "inspector", "superintendent",
        "hon", "honourable", "honorable", "excellency", "caliph", "hafiz", "qari", "counterpart", "counterparts", "secretaries",
        "ministers", "chiefs", "envoys", "ambassadors", "aide", "aides", "negotiator", "mufti");

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
        "control", "resolution", "summit", "conference", "forum", "strategic", "partnership", "cooperation",
        "movement", "front", "brigade", "corps", "command", "center", "centre", "academy", "school", "college",
        "hospital", "airport", "base", "province", "district", "region", "valley", "city", "county", "station",
        // Words of office and portfolio names, never part of a person's name: "Joint Chiefs of Staff", "Finance Minister".
        "staff", "external", "finance", "information", "economic", "commerce", "trade", "planning", "petroleum",
        "railways", "education", "health", "law", "parliamentary", "human", "rights", "relief", "water",
        "energy", "religious", "overseas", "public", "inter-services", "armed",
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
        "covid-19", "coronavirus", "pandemic", "fatf", "acknowledging", "addressing", "responding", "referring", "citing");

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
        "counterterrorism", "counter-terrorism", "treasury", "justice", "trade", "commerce");

    /// <summary>Those who report without being named: a name inside what they say is hearsay ("officials said that X told…").</summary>
    private static readonly HashSet<string> UnnamedSources = Set(
        "officials", "official", "sources", "media", "reports", "report", "police", "investigators", "analysts",
        "critics", "diplomats", "residents", "witnesses", "people", "newspapers", "newspaper", "outlets", "channels",
        "they", "others", "observers", "experts", "aides", "security");

    /// <summary>Verbs that state words, as opposed to acts such as announcing a policy: only these credit a name in "after/before X …".</summary>
    private static readonly HashSet<string> SayingVerbs = Set(
        "said", "says", "told", "tells", "stated", "warned", "wrote", "tweeted", "added", "declared", "insisted", "claimed");

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

    /// <summary>Verbs that report what a person said, in the forms news uses for attribution.</summary>
    private static readonly HashSet<string> ReportingVerbs = Set(
        "said", "says", "told", "tells", "added", "adds", "stated", "states", "noted", "notes", "urged", "urges",
        "called", "calls", "accused", "accuses", "warned", "warns", "asked", "asks", "emphasised", "emphasized",
        "emphasises", "emphasizes", "stressed", "stresses", "announced", "announces", "testified", "testifies",
        "tweeted", "tweets", "wrote", "writes", "explained", "explains", "insisted", "insists", "claimed", "claims",
        "argued", "argues", "declared", "declares", "reiterated", "reiterates", "remarked", "replied", "responded",
        "acknowledged", "acknowledges", "admitted", "admits", "maintained", "maintains", "observed", "commented",
        "hailed", "hails", "praised", "praises", "criticised", "criticized", "criticises", "criticizes", "condemned",
        "condemns", "demanded", "demands", "described", "describes", "assured", "assures", "affirmed", "confirmed",
        "confirms", "denied", "denies", "highlighted", "highlights", "underlined", "underscored", "cautioned",
        "vowed", "vows", "pledged", "promised", "suggested", "suggests", "recalled", "lauded", "welcomed", "welcomes",
        "expressed", "conveyed", "informed", "briefed", "disclosed", "revealed", "mentioned", "continued", "stated",
        "alleged", "alleges", "pointed", "asserted", "asserts", "contended", "conceded", "predicted", "proposed",
        "recommended", "questioned", "rejected", "dismissed", "repeated", "agreed", "disagreed", "thanked", "appealed",
        "appeals", "sought", "requested", "requests", "blamed", "blames", "slammed", "lashed", "defended", "signalled",
        "signaled", "indicated", "indicates", "reaffirmed", "reaffirms", "clarified", "elaborated", "opined", "posted",
        "wrote", "spoke", "speaks", "says");

    /// <summary>Reporting verbs that can stand before their speaker ("…, said Mark Toner"); object-taking verbs cannot.</summary>
    private static readonly HashSet<string> InvertibleVerbs = Set(
        "said", "says", "added", "adds", "stated", "noted", "wrote", "tweeted", "explained", "insisted", "continued",
        "remarked", "replied", "responded", "asked", "declared", "observed", "commented", "argued", "recalled", "warned",
        "cautioned", "acknowledged", "conceded");

    /// <summary>Auxiliaries that make a following participle passive: "Mir was called a terrorist".</summary>
    private static readonly HashSet<string> PassiveMarkers = Set("was", "were", "is", "are", "be", "been", "being", "get", "got", "so-called");

    public static bool IsTitle(string word) => Titles.Contains(Clean(word));

    public static bool IsNonPerson(string word)
    {
        var w = Clean(word);
        if (Titles.Contains(w) || NonPersonWords.Contains(w))
            return true;
        // "US-India", "Counter-Terrorism": a hyphenated word built from non-name parts.
        return w.Contains('-') && w.Split('-').Any(p => NonPersonWords.Contains(p) || Titles.Contains(p));
    }

    public static bool IsPreposition(string word) => Prepositions.Contains(word);

    public static bool IsRoleWord(string word) => RoleWords.Contains(word);

    public static bool IsUnnamedSource(string word) => UnnamedSources.Contains(word);

    public static bool IsSayingVerb(string word) => SayingVerbs.Contains(word);

    public static bool IsAuxiliary(string word) => Auxiliaries.Contains(word);

    public static bool IsInterposedAdverb(string word) => InterposedAdverbs.Contains(word) || (word.Length > 4 && word.EndsWith("ly", StringComparison.Ordinal));

    public static bool IsTemporalOpener(string word) => TemporalOpeners.Contains(word);

    public static bool IsSubjectOpener(string word) => SubjectOpeners.Contains(word);

    public static bool IsReportingVerb(string word) => ReportingVerbs.Contains(word);

    public static bool IsInvertibleVerb(string word) => InvertibleVerbs.Contains(word);

    public static bool IsPassiveMarker(string word) => PassiveMarkers.Contains(word.ToLowerInvariant());

    private static string Clean(string word) => PersonNames.StripPossessive(word).TrimEnd('.').ToLowerInvariant();

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);
}
