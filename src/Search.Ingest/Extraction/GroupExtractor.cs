using Search.Core;

namespace Search.Ingest.Extraction;

/// <summary>
/// Finds the militant groups an article names, through <see cref="GroupAliasTable"/> so that
/// extraction and search share one set of names and one set of matching rules. Two readings are
/// refused on top of the table's: a possessive ("Haqqani's supporters") is a person's name, never a
/// plural alias ("Haqqanis"); and in an article that names the Pakistani Taliban, a bare "Taliban"
/// means them unless its sentence is about Afghanistan.
/// </summary>
public sealed class GroupExtractor
{
    private const string AfghanTaliban = "Taliban";
    private const string PakistaniTaliban = "Tehrik-i-Taliban Pakistan";

    private static readonly string[] AfghanContext = ["Afghan", "Afghanistan", "Afghans", "Kabul", "Kandahar"];

    private readonly GroupAliasTable _table;

    /// <summary>Creates an extractor over <paramref name="table"/>.</summary>
    public GroupExtractor(GroupAliasTable table) => _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <summary>The canonical names of the groups named in title or body, in order of first mention, each once.</summary>
    public IReadOnlyList<ExtractedValue> Extract(string? title, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = string.IsNullOrEmpty(title) ? body : title + "\n\n" + body;
        // Ambiguous aliases ("HM") depend on the whole text, so mentions are found once over all of it.
        var mentions = GroupScan.Of(_table, text).Where(m => !m.Unconfirmed && !IsPossessiveOfName(m)).ToList();
        if (mentions.Count == 0)
            return [];
        // Split only an article that names a group: most articles of a general news feed name none.
        var sentences = SentenceSplitter.Split(text);
        var namesPakistaniTaliban = mentions.Any(m => m.Group == PakistaniTaliban);
        var values = new List<ExtractedValue>();
        foreach (var mention in mentions)
        {
            if (values.Any(v => v.Value == mention.Group))
                continue;
            var sentence = SentenceAt(sentences, mention.Start);
            if (namesPakistaniTaliban && IsBareTaliban(mention) && !IsAboutAfghanistan(sentence))
                continue;
            values.Add(new ExtractedValue(mention.Group, sentence ?? mention.Text) { Rule = $"alias \"{mention.Text}\"" });
        }
        return values;
    }

    /// <summary>"Haqqani's" matches the alias "Haqqanis" once its apostrophe is ignored; it names one person unless the bare word is an alias too.</summary>
    private bool IsPossessiveOfName(GroupMention mention)
    {
        var possessive = mention.Text.EndsWith("'s", StringComparison.Ordinal) || mention.Text.EndsWith("\u2019s", StringComparison.Ordinal);
        return possessive && _table.FindMentions(mention.Text[..^2]).Count == 0;
    }

    private static bool IsBareTaliban(GroupMention mention) =>
        mention.Group == AfghanTaliban && mention.Text.Equals(AfghanTaliban, StringComparison.OrdinalIgnoreCase);

    private static bool IsAboutAfghanistan(string? sentence) =>
        sentence is not null && Tokenizer.Tokenize(sentence).Any(t => AfghanContext.Any(w => PersonNames.StripPossessive(t.Text).Equals(w, StringComparison.Ordinal)));

    /// <summary>The sentence holding offset <paramref name="start"/> of the split text (the next one when it falls between two).</summary>
    private static string? SentenceAt(IReadOnlyList<Sentence> sentences, int start)
    {
        foreach (var sentence in sentences)
        {
            if (start < sentence.Start + sentence.Text.Length)
                return sentence.Text;
        }
        return sentences.Count > 0 ? sentences[^1].Text : null;
    }
}
