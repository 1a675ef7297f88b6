using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

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

    private readonly TrieNode _root = new();
    private readonly Dictionary<string, string> _canonicalByFoldedName = new(StringComparer.Ordinal);

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
                node.Terminals.Add(new Terminal(group.Canonical, words, IsAcronym(words), alias.Ambiguous));
                _canonicalByFoldedName.TryAdd(string.Join(' ', words.Select(Fold)), group.Canonical);
            }
        }
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
    /// </summary>
    public IReadOnlyList<GroupMention> FindMentions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text).ToArray();
        var tokens = words.Select(w => w.Text).ToArray();
        var spans = Match(tokens);
        return spans
            .Select(s => new GroupMention(
                s.Canonical,
                words[s.Start].Index,
                words[s.Start + s.Length - 1].Index + words[s.Start + s.Length - 1].Text.Length - words[s.Start].Index,
                text.Substring(words[s.Start].Index, words[s.Start + s.Length - 1].Index + words[s.Start + s.Length - 1].Text.Length - words[s.Start].Index)))
            .ToArray();
    }

    /// <summary>
    /// Finds the group spans in a sequence of words as a tokenizer produced them (original case).
    /// Shared by <see cref="FindMentions"/> and the analyzer so that both agree on every rule.
    /// </summary>
    internal IReadOnlyList<GroupSpan> Match(IReadOnlyList<string> tokens, bool trustAmbiguous = false)
    {
        var spans = new List<GroupSpan>();
        var ambiguous = new List<GroupSpan>();
        for (var i = 0; i < tokens.Count;)
        {
            if (MatchAt(tokens, i, includeAmbiguous: true) is { } m)
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

    /// <summary>The group that <paramref name="text"/> names as a whole (a query word or phrase), if any.</summary>
    internal GroupSpan? MatchWhole(string text)
    {
        var words = Words(text).Select(w => w.Text).ToArray();
        return words.Length > 0 && MatchAt(words, 0, includeAmbiguous: true) is { } m && m.Length == words.Length
            ? new GroupSpan(m.Terminal.Canonical, 0, m.Length, m.Terminal.CaseSensitive, m.Terminal.Ambiguous)
            : null;
    }

    private (Terminal Terminal, int Length)? MatchAt(IReadOnlyList<string> tokens, int start, bool includeAmbiguous) =>
        MatchAt(i => start + i < tokens.Count ? tokens[start + i] : null, includeAmbiguous);

    /// <summary>
    /// The longest alias starting at the first token; <paramref name="tokenAt"/> gives the i-th token
    /// from there, or <c>null</c> past the end, so a token stream need only read as far as a name goes.
    /// </summary>
    internal (Terminal Terminal, int Length)? MatchAt(Func<int, string?> tokenAt, bool includeAmbiguous)
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

    /// <summary>Whether some alias starts with this word; allocation-free for plain ASCII words, the common case.</summary>
    internal bool StartsAlias(ReadOnlySpan<char> word) =>
        _root.Find(word) is { } node && (node.StartsCaseInsensitive || node.ExactFirstWords.Contains(WithoutPossessive(word.ToString())));

    private static bool MatchesExactly(string[] words, Func<int, string?> tokenAt)
    {
        for (var k = 0; k < words.Length; k++)
        {
            if (tokenAt(k) is not { } token || !string.Equals(words[k], WithoutPossessive(token), StringComparison.Ordinal))
                return false;
        }
        return true;
    }

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

    private static IEnumerable<(string Text, int Index)> Words(string text)
    {
        foreach (System.Text.RegularExpressions.Match m in WordPattern().Matches(text))
            yield return (m.Value, m.Index);
    }

    // Letters and digits, keeping inner apostrophes as the standard tokenizer does (al-Qa'ida).
    [GeneratedRegex(@"[\p{L}\p{Mn}\p{N}]+(?:['\u2019][\p{L}\p{Mn}\p{N}]+)*")]
    private static partial Regex WordPattern();

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

        private static bool IsPlainAscii(ReadOnlySpan<char> word)
        {
            foreach (var c in word)
            {
                if (c > 0x7F || c == '\'')
                    return false;
            }
            return true;
        }
    }

    internal sealed record Terminal(string Canonical, string[] Words, bool CaseSensitive, bool Ambiguous);
}

/// <summary>A group with its aliases.</summary>
/// <param name="Canonical">The one name the group is filed under.</param>
/// <param name="Aliases">The other names it goes by.</param>
public sealed record GroupEntry(string Canonical, IReadOnlyList<GroupAlias> Aliases);

/// <summary>One alias of a group.</summary>
/// <param name="Text">The alias as written.</param>
/// <param name="Ambiguous">Whether it counts only in a text that names the group another way.</param>
public sealed record GroupAlias(string Text, bool Ambiguous);

/// <summary>A place where a text names a group.</summary>
/// <param name="Group">The canonical group name.</param>
/// <param name="Start">Offset of the first character in the text.</param>
/// <param name="Length">Length of the mention in characters.</param>
/// <param name="Text">The mention as written.</param>
public sealed record GroupMention(string Group, int Start, int Length, string Text);

/// <summary>A run of tokens that names a group.</summary>
internal readonly record struct GroupSpan(string Canonical, int Start, int Length, bool Acronym, bool Ambiguous);
