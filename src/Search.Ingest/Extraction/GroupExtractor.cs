using Search.Core;

namespace Search.Ingest.Extraction;

/// <summary>
/// Finds the militant groups an article names, through <see cref="GroupAliasTable"/> so that
/// extraction and search share one set of names and one set of matching rules.
/// </summary>
public sealed class GroupExtractor
{
    private readonly GroupAliasTable _table;

    /// <summary>Creates an extractor over <paramref name="table"/>.</summary>
    public GroupExtractor(GroupAliasTable table) => _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <summary>The canonical names of the groups named in title or body, in order of first mention, each once.</summary>
    public IReadOnlyList<ExtractedValue> Extract(string? title, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = string.IsNullOrEmpty(title) ? body : title + "\n\n" + body;
        // Ambiguous aliases ("HM") depend on the whole text, so mentions are found once over all of it.
        var mentions = _table.FindMentions(text);
        var sentences = SentenceSplitter.Split(text);
        var values = new List<ExtractedValue>();
        foreach (var mention in mentions)
        {
            if (values.Any(v => v.Value == mention.Group))
                continue;
            var sentence = sentences.FirstOrDefault(s => _table.FindMentions(s.Text).Any(m => m.Group == mention.Group))
                ?? sentences.FirstOrDefault(s => s.Text.Contains(mention.Text, StringComparison.Ordinal));
            values.Add(new ExtractedValue(mention.Group, sentence?.Text ?? mention.Text));
        }
        return values;
    }
}
