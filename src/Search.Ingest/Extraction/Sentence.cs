namespace Search.Ingest.Extraction;

/// <summary>
/// A sentence of an article. <see cref="Masked"/> has the same length as <see cref="Text"/> with
/// quoted passages replaced by <see cref="QuoteMark"/>, so that names and verbs inside someone's
/// quote are not read as the article's own attribution.
/// </summary>
internal sealed record Sentence(string Text, string Masked)
{
    public const char QuoteMark = '\uE000';
}

/// <summary>Splits article text into sentences without breaking inside quotes or after abbreviations.</summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "gen", "adm", "lt", "col", "maj", "capt", "sen", "rep", "gov", "st", "jr", "sr",
        "no", "vs", "etc", "inc", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "prof", "sgt", "cmdr", "brig", "hon", "amb", "u.s", "u.k", "u.n", "e.g", "i.e",
    };

    public static IReadOnlyList<Sentence> Split(string text)
    {
        var sentences = new List<Sentence>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(paragraph))
                continue;
            var masked = MaskQuotes(paragraph);
            var start = 0;
            for (var i = 0; i < masked.Length; i++)
            {
                var endsQuote = masked[i] is '\u201D' or '"' && i > 0 && paragraph[i - 1] is '.' or '!' or '?';
                if (!(masked[i] is '.' or '!' or '?' || endsQuote) || !IsBoundary(masked, i))
                    continue;
                var end = i + 1;
                while (end < masked.Length && masked[end] is '"' or '\u201D' or '\u2019' or '\'' or ')')
                    end++;
                Add(sentences, paragraph, masked, start, end);
                start = end;
            }
            Add(sentences, paragraph, masked, start, masked.Length);
        }
        return sentences;
    }

    private static void Add(List<Sentence> sentences, string text, string masked, int start, int end)
    {
        var raw = text[start..end];
        var lead = raw.Length - raw.TrimStart().Length;
        var trimmed = raw.Trim();
        if (trimmed.Length > 0)
            sentences.Add(new Sentence(trimmed, masked.Substring(start + lead, trimmed.Length)));
    }

    private static bool IsBoundary(string masked, int i)
    {
        var next = i + 1;
        while (next < masked.Length && masked[next] is '"' or '\u201D' or '\u2019' or '\'' or ')')
            next++;
        if (next >= masked.Length)
            return true;
        if (!char.IsWhiteSpace(masked[next]))
            return false;
        while (next < masked.Length && char.IsWhiteSpace(masked[next]))
            next++;
        if (next >= masked.Length)
            return true;
        var following = masked[next];
        if (!(char.IsUpper(following) || char.IsDigit(following) || following is '"' or '\u201C' or '\u2018' or '(' or Sentence.QuoteMark))
            return false;
        if (masked[i] != '.')
            return true;
        var word = WordBefore(masked, i);
        // "Nathan A. Sales", "Adm. Mullen", "the U.S. State Department": the period ends a word, not a sentence.
        return !(word.Length == 1 && char.IsUpper(word[0])) && !Abbreviations.Contains(word);
    }

    private static string WordBefore(string text, int period)
    {
        var start = period;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
            start--;
        return text[start..period];
    }

    /// <summary>Replaces the content of double-quoted passages with <see cref="Sentence.QuoteMark"/>.</summary>
    public static string MaskQuotes(string paragraph)
    {
        var chars = paragraph.ToCharArray();
        var open = -1;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = paragraph[i];
            if (open < 0 && (c == '\u201C' || (c == '"' && paragraph.IndexOf('"', i + 1) > 0)))
            {
                open = i;
            }
            else if (open >= 0 && (c == '\u201D' || (c == '"' && paragraph[open] == '"')))
            {
                for (var k = open + 1; k < i; k++)
                    chars[k] = Sentence.QuoteMark;
                open = -1;
            }
        }
        return new string(chars);
    }
}
