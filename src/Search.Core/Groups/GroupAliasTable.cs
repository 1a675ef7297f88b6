using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Search.Core;

/// <summary>
/// The one table of militant groups and their aliases. The indexer extracts groups with it and
/// the analyzer expands searches with it, so "LeT" and "Lashkar-e-Taiba" find each other.
/// </summary>
/// <remarks>
/// Matching works on words, ignoring case and accents, and prefers the longest alias
/// ("Islamic State Khorasan" over "Islamic State"). Acronyms (a capital after the first letter:
/// LeT, JeM, TTP) match only as written. Ambiguous aliases (marked <c>?</c> in the file) count
/// only in a text that also names the group another way. Instances are immutable and thread-safe.
/// </remarks>
public sealed partial class GroupAliasTable
{
    private static readonly Lazy<GroupAliasTable> DefaultTable = new(LoadDefault);

    // A name this long, with one wrong, missing or extra letter in a word this long, is still
    // the name ("Lashkar-e-Tayba"); shorter names and words differ from other words by one letter.
    private const int MinTolerantNameLetters = 10;
    private const int MinTolerantWordLetters = 5;

    private readonly TrieNode _root = new();
    private readonly Dictionary<string, string> _canonicalByFoldedName = new(StringComparer.Ordinal);

    // The first words of the names by their first letter: the only ones a misspelt first word is compared with.
    private readonly Dictionary<char, (string Key, TrieNode Node)[]> _firstWordsByInitial;

    private GroupAliasTable(IReadOnlyList<GroupEntry> groups)
    {
        Groups = groups;
        foreach (var group in groups)
        {
            foreach (var alias in group.Aliases.Prepend(new GroupAlias(group.Canonical, false)))
            {
                var words = Words(alias.Text).Select(w => w.Text).ToArray();
                // A leading "The" is dropped ("The Resistance Front" is matched from "Resistance"):
                // otherwise every "the" of every article would start a look-ahead.
                if (words.Length > 1 && string.Equals(words[0], "the", StringComparison.OrdinalIgnoreCase))
                    words = words[1..];
                if (words.Length == 0)
                    continue;
                var node = _root;
                foreach (var word in words)
                    node = node.Child(Fold(word));
                var first = _root.Find(words[0])!;
                // An acronym's first word starts a match only as written ("IS", never "is").
                if (IsAcronym(words))
                    first.ExactFirstWords.Add(words[0]);
                else
                    first.StartsCaseInsensitive = true;
                var folded = words.Select(Fold).ToArray();
                node.Terminals.Add(new Terminal(group.Canonical, words, IsAcronym(words), alias.Ambiguous, folded.Sum(w => w.Length)));
                _canonicalByFoldedName.TryAdd(string.Join(' ', folded), group.Canonical);
                // "The Resistance Front" given whole, as a facet value or a label, is the name too.
                _canonicalByFoldedName.TryAdd(string.Join(' ', Words(alias.Text).Select(w => Fold(w.Text))), group.Canonical);
            }
        }
        _firstWordsByInitial = _root.Children
            .Where(c => c.Key.Length >= MinTolerantWordLetters - 1)
            .GroupBy(c => c.Key[0])
            .ToDictionary(g => g.Key, g => g.Select(c => (c.Key, c.Value)).ToArray());
        foreach (var key in _root.Children.Keys)
        {
            if (AsciiStart(key) is { } start)
                _asciiStarts[start] = true;
            else
                _asciiStarts = null;
            if (_asciiStarts is null)
                break;
        }
    }

    // The first two letters of every first word, lower-cased, for turning away most words of a text
    // before a dictionary look-up; null (look every word up) when some first word does not start
    // with plain ASCII, which a plain word might still equal ignoring case.
    private readonly bool[]? _asciiStarts = new bool[128 * 128];

    /// <summary>The index in <see cref="_asciiStarts"/> of a word's lower-cased first two characters, or null when either is not plain ASCII (or the word has an apostrophe there).</summary>
    private static int? AsciiStart(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word[0] > 0x7F || word[0] == '\'')
            return null;
        var second = word.Length > 1 ? word[1] : '\0';
        if (second > 0x7F || second == '\'')
            return null;
        return (char.ToLowerInvariant(word[0]) << 7) | char.ToLowerInvariant(second);
    }

    /// <summary>The table shipped with the library (<c>Groups/group-aliases.txt</c>).</summary>
    public static GroupAliasTable Default => DefaultTable.Value;

    /// <summary>The groups in file order, each with its aliases.</summary>
    public IReadOnlyList<GroupEntry> Groups { get; }

    /// <summary>Reads a table from a file in the format of the shipped one.</summary>
    /// <exception cref="SearchException">The file is missing or a line is malformed.</exception>
    public static GroupAliasTable Load(string path)
    {
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8);
            return Parse(reader, path);
        }
        catch (IOException e)
        {
            throw new SearchException($"Cannot read the group alias table '{path}': {e.Message}", e);
        }
    }

    /// <summary>Parses a table: one group per line, canonical name first, aliases after, separated by <c>|</c>.</summary>
    /// <exception cref="SearchException">A line names a group twice or has an empty name.</exception>
    public static GroupAliasTable Parse(TextReader reader, string sourceName)
    {
        var groups = new List<GroupEntry>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lineNumber = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                continue;
            var parts = trimmed.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Any(p => p.Length == 0 || p == "?"))
                throw new SearchException($"{sourceName}, line {lineNumber}: a name between '|' separators is empty.");
            var canonical = parts[0];
            if (!seen.Add(canonical))
                throw new SearchException($"{sourceName}, line {lineNumber}: the group '{canonical}' is listed twice.");
            var aliases = parts.Skip(1)
                .Select(p => p.EndsWith('?') ? new GroupAlias(p[..^1].TrimEnd(), true) : new GroupAlias(p, false))
                .Distinct()
                .ToArray();
            groups.Add(new GroupEntry(canonical, aliases));
        }
        return new GroupAliasTable(groups);
    }

    /// <summary>
    /// The canonical name for a group name or alias given as such (a facet filter, a labels file);
    /// <c>null</c> when the table does not know it. Case is ignored even for acronyms, because the
    /// caller has already said the text is a group name.
    /// </summary>
    public string? Canonicalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (MatchWhole(name) is { } span)
            return span.Canonical;
        var key = string.Join(' ', Words(name).Select(w => Fold(w.Text)));
        return _canonicalByFoldedName.GetValueOrDefault(key);
    }

    /// <summary>
    /// Every mention of a known group in <paramref name="text"/>, in text order, longest alias first
    /// where aliases overlap. Ambiguous aliases are dropped unless the text names the group another way.
    /// A long name is found with one letter wrong, missing or extra in one capitalised word
    /// ("Jaish-e-Mohamad", "Haqani Network"); acronyms and short names only as listed.
    /// </summary>
    public IReadOnlyList<GroupMention> FindMentions(string text) => FindMentions(text, keepUnconfirmed: false);

    /// <summary>
    /// <see cref="FindMentions(string)"/>, keeping ambiguous aliases nothing else confirms when
    /// <paramref name="keepUnconfirmed"/> is set, each marked <see cref="GroupMention.Unconfirmed"/>:
    /// a superset of the mentions that any part of the text read alone would give, for a caller that
    /// scans a long text once to find which parts need a closer look. Without the unconfirmed ones,
    /// the rest are exactly what <see cref="FindMentions(string)"/> gives.
    /// </summary>
    public IReadOnlyList<GroupMention> FindMentions(string text, bool keepUnconfirmed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new TextWords(text);
        var spans = Match(words, trustAmbiguous: keepUnconfirmed, tolerance: Tolerance.CapitalizedWords);
        if (spans.Count == 0)
            return [];
        // Trusted, an ambiguous alias was kept whatever else the text says; Match confirms it by a name of the same group that is not ambiguous.
        HashSet<string>? confirmed = null;
        if (keepUnconfirmed && spans.Any(s => s.Ambiguous))
            confirmed = spans.Where(s => !s.Ambiguous).Select(s => s.Canonical).ToHashSet(StringComparer.Ordinal);
        var mentions = new GroupMention[spans.Count];
        for (var k = 0; k < mentions.Length; k++)
        {
            var s = spans[k];
            var start = words.Start(s.Start);
            var length = words.Start(s.Start + s.Length - 1) + words.Length(s.Start + s.Length - 1) - start;
            mentions[k] = new GroupMention(s.Canonical, start, length, text.Substring(start, length))
            {
                Unconfirmed = confirmed is not null && s.Ambiguous && !confirmed.Contains(s.Canonical),
            };
        }
        return mentions;
    }

    /// <summary>
    /// Finds the group spans in a sequence of words as a tokenizer produced them (original case).
    /// Shared by <see cref="FindMentions(string)"/> and the analyzer so that both agree on every rule.
    /// </summary>
    internal IReadOnlyList<GroupSpan> Match(IReadOnlyList<string> tokens, bool trustAmbiguous = false, Tolerance tolerance = Tolerance.Exact)
    {
        var spans = new List<GroupSpan>();
        var ambiguous = new List<GroupSpan>();
        for (var i = 0; i < tokens.Count;)
        {
            // Most words start no name: skip them before building a look-ahead over the tokens.
            // A text's words are read as spans here, so that words starting nothing are never copied out.
            var word = tokens is TextWords text ? text.Span(i) : tokens[i];
            if (!MayStartName(word) && !MaySlipIntoFirstWord(word, tolerance))
            {
                i++;
                continue;
            }
            if (MatchAt(tokens, i, includeAmbiguous: true, tolerance) is { } m)
            {
                var span = new GroupSpan(m.Terminal.Canonical, i, m.Length, m.Terminal.CaseSensitive, m.Terminal.Ambiguous);
                (m.Terminal.Ambiguous && !trustAmbiguous ? ambiguous : spans).Add(span);
                i += m.Length;
            }
            else
            {
                i++;
            }
        }
        if (ambiguous.Count == 0)
            return spans;
        var confirmed = spans.Select(s => s.Canonical).ToHashSet(StringComparer.Ordinal);
        return spans.Concat(ambiguous.Where(a => confirmed.Contains(a.Canonical))).OrderBy(s => s.Start).ToArray();
    }

    /// <summary>
    /// The group that <paramref name="text"/> names as a whole (a query word or phrase), if any; a
    /// long name may have one letter wrong in any case ("lashkar-e-tayba"), since the whole text is the name.
    /// </summary>
    internal GroupSpan? MatchWhole(string text)
    {
        var words = Words(text).Select(w => w.Text).ToArray();
        return words.Length > 0 && MatchAt(words, 0, includeAmbiguous: true, Tolerance.AnyCase) is { } m && m.Length == words.Length
            ? new GroupSpan(m.Terminal.Canonical, 0, m.Length, m.Terminal.CaseSensitive, m.Terminal.Ambiguous)
            : null;
    }

    private (Terminal Terminal, int Length)? MatchAt(IReadOnlyList<string> tokens, int start, bool includeAmbiguous, Tolerance tolerance = Tolerance.Exact) =>
        MatchAt(i => start + i < tokens.Count ? tokens[start + i] : null, includeAmbiguous, tolerance);

    /// <summary>
    /// The longest alias starting at the first token; <paramref name="tokenAt"/> gives the i-th token
    /// from there, or <c>null</c> past the end, so a token stream need only read as far as a name goes.
    /// </summary>
    internal (Terminal Terminal, int Length)? MatchAt(Func<int, string?> tokenAt, bool includeAmbiguous, Tolerance tolerance = Tolerance.Exact)
    {
        var exact = MatchExactlyAt(tokenAt, includeAmbiguous);
        if (tolerance == Tolerance.Exact)
            return exact;
        var near = MatchWithOneEdit(tokenAt, tolerance == Tolerance.CapitalizedWords);
        return near is { } n && (exact is null || n.Length > exact.Value.Length) ? near : exact;
    }

    private (Terminal Terminal, int Length)? MatchExactlyAt(Func<int, string?> tokenAt, bool includeAmbiguous)
    {
        (Terminal, int)? best = null;
        var node = _root;
        for (var i = 0; tokenAt(i) is { } token; i++)
        {
            if (node.Find(token) is not { } next)
                break;
            node = next;
            foreach (var terminal in node.Terminals)
            {
                if (terminal.Ambiguous && !includeAmbiguous)
                    continue;
                if (terminal.CaseSensitive && !MatchesExactly(terminal.Words, tokenAt))
                    continue;
                best = (terminal, i + 1);
                break;
            }
        }
        return best;
    }

    /// <summary>
    /// The longest name that the tokens spell with exactly one word one edit away (a letter wrong,
    /// missing, extra, or two neighbours swapped) and every other word exact. Only names of
    /// <see cref="MinTolerantNameLetters"/> letters or more count, never acronyms or ambiguous aliases.
    /// </summary>
    private (Terminal Terminal, int Length)? MatchWithOneEdit(Func<int, string?> tokenAt, bool capitalizedOnly)
    {
        (Terminal Terminal, int Length)? best = null;
        var node = _root;
        for (var k = 0; tokenAt(k) is { } token; k++)
        {
            if (token.Length >= MinTolerantWordLetters - 1 && (!capitalizedOnly || char.IsUpper(token[0])))
            {
                var word = IsPlainAscii(token) ? token : Fold(token);
                if (node == _root)
                {
                    if (word.Length > 0 && _firstWordsByInitial.TryGetValue(char.ToLowerInvariant(word[0]), out var sameInitial))
                    {
                        foreach (var (key, child) in sameInitial)
                            best = Longer(best, ThroughSlip(word, key, child, tokenAt, k + 1));
                    }
                }
                else
                {
                    foreach (var (key, child) in node.Children)
                        best = Longer(best, ThroughSlip(word, key, child, tokenAt, k + 1));
                }
            }
            if (node.Find(token) is not { } next)
                break;
            node = next;
        }
        return best;
    }

    private bool MaySlipIntoFirstWord(ReadOnlySpan<char> token, Tolerance tolerance) =>
        tolerance != Tolerance.Exact
        && token.Length >= MinTolerantWordLetters - 1
        && (tolerance == Tolerance.AnyCase || char.IsUpper(token[0]))
        && _firstWordsByInitial.ContainsKey(char.ToLowerInvariant(token[0]));

    /// <summary>The name reached by reading <paramref name="word"/> as <paramref name="key"/>, when they are one edit apart.</summary>
    private static (Terminal Terminal, int Length)? ThroughSlip(string word, string key, TrieNode child, Func<int, string?> tokenAt, int next) =>
        Math.Max(key.Length, word.Length) >= MinTolerantWordLetters && IsOneEditAway(word, key) ? FollowExactly(child, tokenAt, next) : null;

    private static (Terminal Terminal, int Length)? Longer((Terminal Terminal, int Length)? a, (Terminal Terminal, int Length)? b) =>
        b is { } found && (a is null || found.Length > a.Value.Length) ? b : a;

    /// <summary>The longest tolerant-eligible name ending at or after <paramref name="node"/>, reached by exact words from <paramref name="next"/> on.</summary>
    private static (Terminal Terminal, int Length)? FollowExactly(TrieNode node, Func<int, string?> tokenAt, int next)
    {
        (Terminal Terminal, int Length)? best = null;
        for (var i = next; ; i++)
        {
            foreach (var terminal in node.Terminals)
            {
                if (!terminal.CaseSensitive && !terminal.Ambiguous && terminal.Letters >= MinTolerantNameLetters)
                {
                    best = (terminal, i);
                    break;
                }
            }
            if (tokenAt(i) is not { } token || node.Find(token) is not { } child)
                return best;
            node = child;
        }
    }

    /// <summary>Whether <paramref name="word"/> differs from the folded <paramref name="key"/> by exactly one edit, ignoring case.</summary>
    internal static bool IsOneEditAway(ReadOnlySpan<char> word, ReadOnlySpan<char> key)
    {
        if (Math.Abs(word.Length - key.Length) > 1)
            return false;
        var i = 0;
        while (i < word.Length && i < key.Length && char.ToLowerInvariant(word[i]) == key[i])
            i++;
        if (i == word.Length && i == key.Length)
            return false;
        if (word.Length == key.Length)
        {
            // A swap of two neighbours ("Haqqnai") is one slip of the hand, as is one wrong letter.
            if (i + 1 < word.Length && char.ToLowerInvariant(word[i]) == key[i + 1] && char.ToLowerInvariant(word[i + 1]) == key[i]
                && EqualIgnoringCase(word[(i + 2)..], key[(i + 2)..]))
                return true;
            return EqualIgnoringCase(word[(i + 1)..], key[(i + 1)..]);
        }
        return word.Length > key.Length
            ? EqualIgnoringCase(word[(i + 1)..], key[i..])
            : EqualIgnoringCase(word[i..], key[(i + 1)..]);
    }

    private static bool EqualIgnoringCase(ReadOnlySpan<char> word, ReadOnlySpan<char> key)
    {
        if (word.Length != key.Length)
            return false;
        for (var i = 0; i < word.Length; i++)
        {
            if (char.ToLowerInvariant(word[i]) != key[i])
                return false;
        }
        return true;
    }

    /// <summary>The trie's node for a name's first word read as this word, if any; most words are turned away by their first two letters alone.</summary>
    private TrieNode? FirstWordNode(ReadOnlySpan<char> word) =>
        _asciiStarts is null || AsciiStart(word) is not { } start || _asciiStarts[start] ? _root.Find(word) : null;

    /// <summary>Whether the trie has a first word this word may be read as.</summary>
    private bool MayStartName(ReadOnlySpan<char> word) => FirstWordNode(word) is not null;

    /// <summary>Whether some alias starts with this word; allocation-free for plain ASCII words, the common case.</summary>
    internal bool StartsAlias(ReadOnlySpan<char> word) =>
        FirstWordNode(word) is { } node && (node.StartsCaseInsensitive || node.ExactFirstWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(WithoutPossessive(word)));

    private static bool MatchesExactly(string[] words, Func<int, string?> tokenAt)
    {
        for (var k = 0; k < words.Length; k++)
        {
            if (tokenAt(k) is not { } token || !string.Equals(words[k], WithoutPossessive(token), StringComparison.Ordinal))
                return false;
        }
        return true;
    }

    internal static bool IsAcronym(string text) => IsAcronym(Words(text).Select(w => w.Text).ToArray());

    /// <summary>An acronym has a capital after its first letter in some word (LeT, TTP, ISIS-K).</summary>
    private static bool IsAcronym(string[] words) =>
        words.Any(w => w.Length <= 6 && w.Skip(1).Any(char.IsUpper));

    /// <summary>
    /// Lower-cases, strips a possessive "'s" and then accents and apostrophes: the key words are
    /// compared by. "TTP's" is TTP; "Haqqani's" is Haqqani, never the plural "Haqqanis".
    /// </summary>
    internal static string Fold(string word)
    {
        var decomposed = WithoutPossessive(word).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019')
                continue;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static string WithoutPossessive(string word) =>
        word.Length > 2 && word[^1] is 's' or 'S' && word[^2] is '\'' or '\u2019' ? word[..^2] : word;

    private static ReadOnlySpan<char> WithoutPossessive(ReadOnlySpan<char> word) =>
        word.Length > 2 && word[^1] is 's' or 'S' && word[^2] is '\'' or '\u2019' ? word[..^2] : word;

    /// <summary>
    /// The words of <paramref name="text"/> with their offsets: runs of letters, combining marks and
    /// digits, joined by inner apostrophes as the standard tokenizer does (al-Qa'ida). A hand-written
    /// scan rather than a regular expression because every sentence of every article passes here.
    /// </summary>
    private static List<(string Text, int Index)> Words(string text)
    {
        var found = new TextWords(text);
        var words = new List<(string Text, int Index)>(found.Count);
        for (var i = 0; i < found.Count; i++)
            words.Add((found[i], found.Start(i)));
        return words;
    }

    /// <summary>
    /// The words of a text with their offsets (see <see cref="Words"/>), kept as offsets: a word becomes
    /// a string only when a name may start at or run through it, which most words of running text never do.
    /// </summary>
    private sealed class TextWords : IReadOnlyList<string>
    {
        private readonly string _text;
        private readonly List<(int Start, int Length)> _ranges;
        private readonly string?[] _strings;

        public TextWords(string text)
        {
            _text = text;
            // Running text has a word every five or six characters; numbers and initials make it more.
            _ranges = new List<(int Start, int Length)>(text.Length / 4 + 4);
            var i = 0;
            while (i < text.Length)
            {
                if (!IsWordChar(text[i]))
                {
                    i++;
                    continue;
                }
                var start = i;
                while (true)
                {
                    while (i < text.Length && IsWordChar(text[i]))
                        i++;
                    if (i + 1 < text.Length && text[i] is '\'' or '\u2019' && IsWordChar(text[i + 1]))
                        i++;
                    else
                        break;
                }
                _ranges.Add((start, i - start));
            }
            _strings = new string?[_ranges.Count];
        }

        public int Count => _ranges.Count;

        public string this[int index] => _strings[index] ??= _text.Substring(_ranges[index].Start, _ranges[index].Length);

        public ReadOnlySpan<char> Span(int index) => _text.AsSpan(_ranges[index].Start, _ranges[index].Length);

        public int Start(int index) => _ranges[index].Start;

        public int Length(int index) => _ranges[index].Length;

        public IEnumerator<string> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
                yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    // Every character of every article passes here. Inlined, the ASCII test costs a comparison; the
    // Unicode tests, which made the method too large to inline, are a call only non-ASCII text makes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) => c < 0x80 ? char.IsAsciiLetterOrDigit(c) : IsNonAsciiWordChar(c);

    private static bool IsNonAsciiWordChar(char c) =>
        char.IsLetter(c) || char.IsNumber(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    private static GroupAliasTable LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Search.Core.group-aliases.txt")
            ?? throw new InvalidOperationException("The shipped group alias table is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader, "group-aliases.txt");
    }

    private sealed class TrieNode
    {
        // Keys are folded; comparing them ignoring case lets a plain ASCII word be looked up as it
        // stands, without folding (and allocating) every token of every article.
        private readonly Dictionary<string, TrieNode> _children = new(StringComparer.OrdinalIgnoreCase);

        public List<Terminal> Terminals { get; } = [];

        /// <summary>The next words, by folded key.</summary>
        public Dictionary<string, TrieNode> Children => _children;

        /// <summary>For a first word: whether some name starting with it matches in any case.</summary>
        public bool StartsCaseInsensitive { get; set; }

        /// <summary>For a first word: the exact forms it starts acronyms with.</summary>
        public HashSet<string> ExactFirstWords { get; } = new(StringComparer.Ordinal);

        public TrieNode Child(string foldedKey)
        {
            if (!_children.TryGetValue(foldedKey, out var child))
                _children[foldedKey] = child = new TrieNode();
            return child;
        }

        public TrieNode? Find(ReadOnlySpan<char> word)
        {
            if (_children.Count == 0)
                return null;
            if (IsPlainAscii(word))
                return _children.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var child) ? child : null;
            return _children.TryGetValue(Fold(word.ToString()), out var folded) ? folded : null;
        }
    }

    private static bool IsPlainAscii(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c > 0x7F || c == '\'')
                return false;
        }
        return true;
    }

    /// <summary>The end of one name in the trie.</summary>
    /// <param name="Canonical">The group the name belongs to.</param>
    /// <param name="Words">The name's words as listed.</param>
    /// <param name="CaseSensitive">Whether the name is an acronym, matched only as written.</param>
    /// <param name="Ambiguous">Whether the name counts only beside another name of the group.</param>
    /// <param name="Letters">The letters of the folded name, which decide whether it may be matched with a slip.</param>
    internal sealed record Terminal(string Canonical, string[] Words, bool CaseSensitive, bool Ambiguous, int Letters);
}

/// <summary>How far a text may stray from the listed spelling of a name.</summary>
internal enum Tolerance
{
    /// <summary>Only the listed spellings (the analyzer's token stream).</summary>
    Exact,

    /// <summary>Also one edit in one capitalised word of a long name (running text, where names are capitalised).</summary>
    CapitalizedWords,

    /// <summary>Also one edit in one word of a long name, in any case (a query or facet value that is the name as a whole).</summary>
    AnyCase,
}

/// <summary>A group with its aliases.</summary>
/// <param name="Canonical">The one name the group is filed under.</param>
/// <param name="Aliases">The other names it goes by.</param>
public sealed record GroupEntry(string Canonical, IReadOnlyList<GroupAlias> Aliases);

/// <summary>One alias of a group.</summary>
/// <param name="Text">The alias as written.</param>
/// <param name="Ambiguous">Whether it counts only in a text that names the group another way.</param>
public sealed record GroupAlias(string Text, bool Ambiguous)
{
    /// <summary>Whether the alias is an acronym (a capital after the first letter of a short word: LeT, TTP), which matches only as written.</summary>
    public bool MatchesCase => GroupAliasTable.IsAcronym(Text);
}

/// <summary>A place where a text names a group.</summary>
/// <param name="Group">The canonical group name.</param>
/// <param name="Start">Offset of the first character in the text.</param>
/// <param name="Length">Length of the mention in characters.</param>
/// <param name="Text">The mention as written.</param>
public sealed record GroupMention(string Group, int Start, int Length, string Text)
{
    /// <summary>
    /// An ambiguous alias ("HM") that nothing else in the text confirms as the group; only
    /// <see cref="GroupAliasTable.FindMentions(string, bool)"/> asked to keep such mentions returns one.
    /// </summary>
    public bool Unconfirmed { get; init; }
}

/// <summary>A run of tokens that names a group.</summary>
internal readonly record struct GroupSpan(string Canonical, int Start, int Length, bool Acronym, bool Ambiguous);
