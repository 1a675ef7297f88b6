using CoreSplitter = Search.Core.SentenceSplitter;

namespace Search.Ingest.Extraction;

/// <summary>
/// A sentence of an article. <see cref="Masked"/> has the same length as <see cref="Text"/> with
/// quoted passages replaced by <see cref="QuoteMark"/>, so that names and verbs inside someone's
/// quote are not read as the article's own attribution.
/// </summary>
internal sealed record Sentence(string Text, string Masked)
{
    public const char QuoteMark = CoreSplitter.QuoteMark;
}

/// <summary>Core's sentence splitting, with each sentence's quotes masked for the extractors.</summary>
internal static class SentenceSplitter
{
    public static IReadOnlyList<Sentence> Split(string text)
    {
        var normalized = text.ReplaceLineEndings("\n");
        return CoreSplitter.Split(normalized)
            .Select(range => normalized.Substring(range.Start, range.Length))
            .Select(sentence => new Sentence(sentence, MaskQuotes(sentence)))
            .ToArray();
    }

    public static string MaskQuotes(string text) => CoreSplitter.MaskQuotes(text);
}
