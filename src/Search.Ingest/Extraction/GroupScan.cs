using Search.Core;

namespace Search.Ingest.Extraction;

/// <summary>
/// The group mentions of an article's text (title and body as the extractors join them), found in
/// one pass, ambiguous aliases nothing confirms included and marked: the group extractor keeps the
/// confirmed ones, and the speaker extractor reads all of them to learn which sentences need a closer
/// look. Offsets are in the text as <see cref="SentenceSplitter"/> splits it, so they meet the
/// sentences' own. Both extractors ask for the same text in turn on one thread, so the last answer
/// is kept: the pass over every word of the article was made twice before.
/// </summary>
internal static class GroupScan
{
    [ThreadStatic]
    private static LastScan? t_last;

    private sealed record LastScan(GroupAliasTable Table, string Text, IReadOnlyList<GroupMention> Mentions);

    public static IReadOnlyList<GroupMention> Of(GroupAliasTable table, string text)
    {
        if (t_last is { } last && ReferenceEquals(last.Table, table) && string.Equals(last.Text, text, StringComparison.Ordinal))
            return last.Mentions;
        var mentions = table.FindMentions(SentenceSplitter.Normalize(text), keepUnconfirmed: true);
        t_last = new LastScan(table, text, mentions);
        return mentions;
    }
}
