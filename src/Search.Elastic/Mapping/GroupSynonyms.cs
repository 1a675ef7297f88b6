using System.Globalization;
using System.Text;
using Search.Core;

namespace Search.Elastic.Mapping;

/// <summary>
/// The group alias table as synonym rules in the engine's Solr format. Every name of a group maps to
/// itself plus one group token (<see cref="Token"/>), so all aliases of a group share one indexed term,
/// as our <c>GroupAliasFilter</c> does. Acronyms (<see cref="GroupAlias.MatchesCase"/>) get rules of
/// their own, applied before lower-casing, so that "LeT" is the group and "let" stays a verb.
/// </summary>
public static class GroupSynonyms
{
    private const string TokenPrefix = "grp_";

    /// <summary>
    /// The single term every name of the group is indexed as: <c>grp_</c> and the canonical name in
    /// lower-case ASCII letters and digits joined by underscores (one word to the standard tokenizer).
    /// </summary>
    public static string Token(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var builder = new StringBuilder(TokenPrefix);
        foreach (var c in canonical.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019')
                continue;
            if (char.IsAsciiLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
            else if (builder[^1] != '_')
                builder.Append('_');
        }
        return builder.ToString().TrimEnd('_');
    }

    /// <summary>A Java regular expression matching every group token, for a <c>keyword_marker</c> that keeps them from the stemmer.</summary>
    public const string TokenPattern = TokenPrefix + ".+";

    /// <summary>
    /// Rules for the acronyms, matched as written. When indexing the acronym's own word is kept
    /// (<c>LeT =&gt; LeT, grp_lashkar_e_taiba</c>); in a query it is replaced by the group token
    /// (<c>LeT =&gt; grp_lashkar_e_taiba</c>), so a query for LeT never matches the verb "let".
    /// </summary>
    public static IReadOnlyList<string> AcronymRules(GroupAliasTable aliases, bool forQuery) =>
        Rules(aliases, acronyms: true, keepWords: !forQuery);

    /// <summary>
    /// Rules for every other name, matched after lower-casing and ASCII folding, keeping the words
    /// both when indexing and in queries (<c>lashkar-e-tayyiba =&gt; lashkar-e-tayyiba, grp_lashkar_e_taiba</c>),
    /// so a phrase on the name still matches its words.
    /// </summary>
    public static IReadOnlyList<string> NameRules(GroupAliasTable aliases) =>
        Rules(aliases, acronyms: false, keepWords: true);

    private static string[] Rules(GroupAliasTable aliases, bool acronyms, bool keepWords)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        var rules = new List<string>();
        foreach (var group in aliases.Groups)
        {
            var token = Token(group.Canonical);
            // Ambiguous aliases ("HM") count in our index only when the text names the group another
            // way; a synonym rule cannot look at the rest of the text, so they are left out.
            foreach (var alias in group.Aliases.Prepend(new GroupAlias(group.Canonical, false)).Where(a => !a.Ambiguous && a.MatchesCase == acronyms))
            {
                var name = Escape(WithoutLeadingThe(alias.Text));
                rules.Add(keepWords ? $"{name} => {name}, {token}" : $"{name} => {token}");
            }
        }
        return rules.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Our table matches "The Resistance Front" from "Resistance", so the rule starts there too.</summary>
    private static string WithoutLeadingThe(string name) =>
        name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && name.Length > 4 ? name[4..].TrimStart() : name;

    /// <summary>Commas, '=' and backslashes are syntax in a Solr synonym rule.</summary>
    private static string Escape(string name) =>
        name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal).Replace("=", "\\=", StringComparison.Ordinal);
}
