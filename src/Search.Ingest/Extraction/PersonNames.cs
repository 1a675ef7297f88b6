using System.Globalization;
using System.Text;

namespace Search.Ingest.Extraction;

/// <summary>
/// Person-name normalisation shared by the speaker extractor and the evaluator, so that both agree
/// on when two spellings name one person ("Matt Miller", "Matthew Miller", "Miller").
/// </summary>
public static class PersonNames
{
    private static readonly string[][] NicknameSets =
    [
        ["matthew", "matt"], ["michael", "mike", "mick"], ["antony", "anthony", "tony"], ["william", "bill", "will", "billy"],
        ["robert", "bob", "rob", "bobby"], ["james", "jim", "jimmy", "jamie"], ["richard", "dick", "rick", "rich"],
        ["thomas", "tom", "tommy"], ["edward", "ned", "ed", "eddie", "ted"], ["joseph", "joe", "joey"],
        ["david", "dave"], ["christopher", "chris"], ["daniel", "dan", "danny"], ["stephen", "steven", "steve"],
        ["andrew", "andy", "drew"], ["benjamin", "ben"], ["samuel", "sam"], ["alexander", "alex"],
        ["nicholas", "nick"], ["patrick", "pat"], ["theodore", "ted"], ["elizabeth", "liz", "beth"],
        ["katherine", "catherine", "kate", "kathy"], ["jennifer", "jen", "jenny"], ["nathan", "nathaniel", "nate"],
        ["timothy", "tim"], ["gregory", "greg"], ["jonathan", "jon"], ["lawrence", "larry"], ["gerald", "jerry"],
        ["kenneth", "ken"], ["ronald", "ron"], ["donald", "don"], ["jeffrey", "jeff"], ["charles", "charlie", "chuck"],
        ["margaret", "maggie", "peggy"], ["susan", "sue"], ["victoria", "vicky", "tori"], ["philip", "phil"],
    ];

    private static readonly Dictionary<string, int[]> NicknameGroups = NicknameSets
        .SelectMany((set, index) => set.Select(name => (name, index)))
        .GroupBy(p => p.name)
        .ToDictionary(g => g.Key, g => g.Select(p => p.index).ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// The name as a list of folded words (lower case, no accents, no dots), with titles, middle
    /// initials and a possessive "'s" removed: "Nathan A. Sales" → [nathan, sales].
    /// </summary>
    public static IReadOnlyList<string> Words(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        // The speaker extractor compares each name with every other of its article; folding once per name keeps that cheap.
        var cache = _wordsCache ??= new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (cache.TryGetValue(name, out var cached))
            return cached;
        if (cache.Count >= MaxCachedNames)
            cache.Clear();
        return cache[name] = ComputeWords(name);
    }

    private const int MaxCachedNames = 4096;

    [ThreadStatic]
    private static Dictionary<string, IReadOnlyList<string>>? _wordsCache;

    private static string[] ComputeWords(string name)
    {
        // Every name of every article passes here once per thread's cache: plain loops, no LINQ.
        var parts = name.Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
            parts[i] = StripPossessive(parts[i].TrimEnd(',', ';'));
        var first = 0;
        while (parts.Length - first > 1 && NameLexicon.IsTitle(parts[first].TrimEnd('.')))
            first++;
        var folded = new List<string>(parts.Length - first);
        for (var i = first; i < parts.Length; i++)
        {
            var word = Fold(parts[i]);
            if (word.Length == 0)
                continue;
            // "al-Zawahiri" and "Zawahiri" are one surname.
            folded.Add(word.Length > 3 && (word.StartsWith("al-", StringComparison.Ordinal) || word.StartsWith("el-", StringComparison.Ordinal)) ? word[3..] : word);
        }
        // A middle initial says nothing about who it is.
        var words = new List<string>(folded.Count);
        for (var i = 0; i < folded.Count; i++)
        {
            if (!(folded[i].Length == 1 && i > 0 && i < folded.Count - 1))
                words.Add(folded[i]);
        }
        return [.. words];
    }

    /// <summary>Whether two first names are the same or nicknames of each other (Matt and Matthew).</summary>
    public static bool SameFirstName(string a, string b)
    {
        var x = Fold(a);
        var y = Fold(b);
        if (x == y)
            return true;
        // An initial stands for any first name it begins: "A. B. Vajpayee" and "Atal Bihari Vajpayee".
        if ((x.Length == 1 && y.StartsWith(x, StringComparison.Ordinal)) || (y.Length == 1 && x.StartsWith(y, StringComparison.Ordinal)))
            return true;
        return NicknameGroups.TryGetValue(x, out var gx) && NicknameGroups.TryGetValue(y, out var gy) && gx.Intersect(gy).Any();
    }

    /// <summary>
    /// Whether two names can be one person: same last name and compatible first names, or one of
    /// them is a bare last name. "Matt Miller" ~ "Matthew Miller" ~ "Miller"; "Tom Miller" ≁ "Matt Miller".
    /// </summary>
    public static bool SamePerson(string a, string b) => SameWords(Words(a), Words(b));

    /// <summary><see cref="SamePerson(string, string)"/> over names already split by <see cref="Words"/>, for a caller that compares one name with many.</summary>
    internal static bool SameWords(IReadOnlyList<string> x, IReadOnlyList<string> y)
    {
        if (x.Count == 0 || y.Count == 0 || x[^1] != y[^1])
            return false;
        if (x.Count == 1 || y.Count == 1)
            return true;
        return SameFirstName(x[0], y[0]);
    }

    /// <summary>
    /// The display form: titles and middle initials removed, leading initials kept, spacing normalised
    /// ("Nathan A Sales" → "Nathan Sales"); an honorific stays before a one-word name ("Hafiz Saeed").
    /// </summary>
    public static string Display(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries).Select(StripPossessive).ToList();
        while (words.Count > 1 && NameLexicon.IsTitle(words[0].TrimEnd('.')) && !(words.Count == 2 && IsHonorific(words[0])))
            words.RemoveAt(0);
        // Middle initials go ("George W. Bush" → "George Bush"); leading ones are the name ("A. B. Vajpayee").
        var firstFull = words.FindIndex(w => !IsInitial(w));
        var kept = words.Where((w, i) => !(IsInitial(w) && i > firstFull && firstFull >= 0 && i < words.Count - 1));
        return string.Join(' ', kept);
    }

    /// <summary>Honorifics that a one-word name is known by ("Hafiz Saeed", "Mullah Omar"), kept in its display form.</summary>
    internal static bool IsHonorific(string word) => Fold(word) is "hafiz" or "maulana" or "mufti" or "mullah" or "sheikh" or "shaikh"
        or "syed" or "qari" or "pir" or "maulvi" or "allama" or "ayatollah" or "imam" or "haji";

    private static bool IsPlainAscii(string word)
    {
        foreach (var c in word)
        {
            if (c > 0x7F)
                return false;
        }
        return true;
    }

    internal static bool IsInitial(string word) => word.TrimEnd('.').Length == 1 && char.IsUpper(word[0]);

    private static readonly string[] PossessiveSuffixes = ["'s", "\u2019s", "'", "\u2019"];

    internal static string StripPossessive(string word)
    {
        foreach (var suffix in PossessiveSuffixes)
        {
            if (word.Length > suffix.Length + 1 && word.EndsWith(suffix, StringComparison.Ordinal))
                return word[..^suffix.Length];
        }
        return word;
    }

    internal static string Fold(string word)
    {
        if (IsPlainAscii(word))
        {
            // Most names are plain ASCII: no accents to strip, so skip the Unicode decomposition.
            Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
            var length = 0;
            foreach (var c in word)
            {
                if (c is not ('.' or '\''))
                    buffer[length++] = char.ToLowerInvariant(c);
            }
            return new string(buffer[..length]);
        }
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '.' or '\'' or '\u2019')
                continue;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
