namespace Search.Core;

/// <summary>
/// Splits article text into sentences. Lines are always boundaries. Within a line a sentence ends
/// at '.', '!' or '?' (plus any closing quote or bracket) followed by white space and a capital,
/// digit or opening quote, unless the dot ends an initial or a common abbreviation ("Nathan A.
/// Sales", "Adm. Mullen", "the U.S. State Department"), or stands inside a quotation. The highlighter
/// and the extractors share it, so passages and evidence cut text the same way.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Stands in for quoted characters in <see cref="MaskQuotes"/>; never found in real text.</summary>
    public const char QuoteMark = '\uE000';

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "gen", "adm", "lt", "col", "maj", "capt", "sen", "rep", "gov", "st", "jr", "sr",
        "no", "vs", "etc", "inc", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "prof", "sgt", "cmdr", "brig", "hon", "amb", "u.s", "u.k", "u.n", "e.g", "i.e",
    };

    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create(".!?\"\u201D");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The sentences of <paramref name="text"/> as ranges: in order, non-overlapping, trimmed of white space.</summary>
    public static IReadOnlyList<TextRange> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Hard-wrapped text (Reuters) ends a sentence at every short line: sized for that, the list rarely grows.
        var sentences = new List<TextRange>(text.Length / 48 + 4);
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
                lineEnd = text.Length;
            SplitLine(text, lineStart, lineEnd, sentences);
            lineStart = lineEnd + 1;
        }
        return sentences;
    }

    /// <summary>
    /// The line with the inside of each double-quoted passage replaced by <see cref="QuoteMark"/>,
    /// keeping its length, so callers can tell a speaker's words from the article's own.
    /// </summary>
    public static string MaskQuotes(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var chars = line.ToCharArray();
        var open = -1;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = line[i];
            if (open < 0 && (c == '\u201C' || (c == '"' && line.IndexOf('"', i + 1) > 0)))
            {
                open = i;
            }
            else if (open >= 0 && (c == '\u201D' || (c == '"' && line[open] == '"')))
            {
                for (var k = open + 1; k < i; k++)
                    chars[k] = QuoteMark;
                open = -1;
            }
        }
        return new string(chars);
    }

    private static void SplitLine(string text, int lineStart, int lineEnd, List<TextRange> sentences)
    {
        var line = text.AsSpan(lineStart, lineEnd - lineStart);
        if (line.IsWhiteSpace())
            return;
        // Most lines quote nobody; only those that do need a masked copy.
        ReadOnlySpan<char> masked = line.IndexOfAny('"', '\u201C') >= 0 ? MaskQuotes(line.ToString()) : line;
        var start = 0;
        for (var i = 0; i < masked.Length; i++)
        {
            // Only a stop or a closing quote can end a sentence: jump from one to the next.
            var skip = masked[i..].IndexOfAny(SentenceEnds);
            if (skip < 0)
                break;
            i += skip;
            var endsQuote = masked[i] is '\u201D' or '"' && i > 0 && line[i - 1] is '.' or '!' or '?';
            if (!(masked[i] is '.' or '!' or '?' || endsQuote) || !IsBoundary(masked, i))
                continue;
            var end = i + 1;
            while (end < masked.Length && masked[end] is '"' or '\u201D' or '\u2019' or '\'' or ')')
                end++;
            Add(sentences, line, lineStart, start, end);
            start = end;
        }
        Add(sentences, line, lineStart, start, masked.Length);
    }

    private static void Add(List<TextRange> sentences, ReadOnlySpan<char> line, int offset, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(line[start]))
            start++;
        while (end > start && char.IsWhiteSpace(line[end - 1]))
            end--;
        if (end > start)
            sentences.Add(new TextRange(offset + start, end - start));
    }

    private static bool IsBoundary(ReadOnlySpan<char> masked, int i)
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
        if (!(char.IsUpper(following) || char.IsDigit(following) || following is '"' or '\u201C' or '\u2018' or '(' or QuoteMark))
            return false;
        if (masked[i] != '.')
            return true;
        var word = WordBefore(masked, i);
        return !IsInitials(word) && !AbbreviationLookup.Contains(word);
    }

    /// <summary>"A", "P.J", "U.S": capitals standing alone, dotted together, as in a name's initials.</summary>
    private static bool IsInitials(ReadOnlySpan<char> word)
    {
        for (var k = 0; k < word.Length; k++)
        {
            var expectLetter = k % 2 == 0;
            if (expectLetter ? !char.IsUpper(word[k]) : word[k] != '.')
                return false;
        }
        return word.Length % 2 == 1;
    }

    private static ReadOnlySpan<char> WordBefore(ReadOnlySpan<char> text, int period)
    {
        var start = period;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
            start--;
        return text[start..period];
    }
}
