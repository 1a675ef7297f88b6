namespace Search.Core.Highlighting;

/// <summary>
/// Splits text into sentences: at a line break, or after '.', '!' or '?' (and any closing quote)
/// followed by white space, unless the word before the dot is a common abbreviation or initial.
/// </summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "adm", "sen", "rep", "gov", "prof", "jr", "sr",
        "no", "vs", "etc", "u.s", "u.k", "u.n", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    /// <summary>Sentence ranges covering the text's non-blank parts, in order.</summary>
    public static IReadOnlyList<TextRange> Split(string text)
    {
        var sentences = new List<TextRange>();
        var start = SkipSpace(text, 0);
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                Add(sentences, text, start, i);
                start = SkipSpace(text, i + 1);
                i = start - 1;
                continue;
            }
            if (c is not ('.' or '!' or '?'))
                continue;
            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '\'' or '\u201D' or '\u2019' or ')')
                end++;
            if (end < text.Length && !char.IsWhiteSpace(text[end]))
                continue;
            if (c == '.' && IsAbbreviation(text, i))
                continue;
            Add(sentences, text, start, end);
            start = SkipSpace(text, end);
            i = start - 1;
        }
        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
            wordStart--;
        var word = text[wordStart..dot];
        return word.Length == 1 && char.IsUpper(word[0]) || Abbreviations.Contains(word);
    }

    private static void Add(List<TextRange> sentences, string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        if (end > start)
            sentences.Add(new TextRange(start, end - start));
    }

    private static int SkipSpace(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
            at++;
        return at;
    }
}
