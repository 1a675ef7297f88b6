using CoreSplitter = Search.Core.SentenceSplitter;

namespace Search.Ingest.Extraction;

/// <summary>
/// A sentence of an article. <see cref="Masked"/> has the same length as <see cref="Text"/> with
/// quoted passages replaced by <see cref="QuoteMark"/>, so that names and verbs inside someone's
/// quote are not read as the article's own attribution. <see cref="Start"/> is its offset in the
/// text it was split from, once that text's line endings are all "\n" (see <see cref="SentenceSplitter.Normalize"/>).
/// </summary>
internal sealed record Sentence(string Text, string Masked, int Start)
{
    public const char QuoteMark = CoreSplitter.QuoteMark;
}

/// <summary>Core's sentence splitting, with each sentence's quotes masked for the extractors.</summary>
internal static class SentenceSplitter
{
    // The group, speaker and statement extractors each split the same title and body in turn on one
    // thread; the last split is kept so the text is cut and masked once per article, not three times.
    [ThreadStatic]
    private static LastSplit? t_last;

    private sealed record LastSplit(string Text, Sentence[] Sentences);

    public static IReadOnlyList<Sentence> Split(string text)
    {
        if (t_last is { } last && string.Equals(last.Text, text, StringComparison.Ordinal))
            return last.Sentences;
        var normalized = Normalize(text);
        var ranges = CoreSplitter.Split(normalized);
        var sentences = new Sentence[ranges.Count];
        for (var i = 0; i < sentences.Length; i++)
        {
            var sentence = normalized.Substring(ranges[i].Start, ranges[i].Length);
            sentences[i] = new Sentence(sentence, MaskQuotes(sentence), ranges[i].Start);
        }
        t_last = new LastSplit(text, sentences);
        return sentences;
    }

    /// <summary>The text as it is split: every line ending "\n", so offsets agree between the extractors.</summary>
    public static string Normalize(string text) => text.ReplaceLineEndings("\n");

    /// <summary>The text with each double-quoted passage masked; the text itself when it quotes nothing.</summary>
    public static string MaskQuotes(string text) => text.AsSpan().IndexOfAny('"', '\u201C') < 0 ? text : CoreSplitter.MaskQuotes(text);
}
