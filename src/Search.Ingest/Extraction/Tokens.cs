using System.Runtime.CompilerServices;

namespace Search.Ingest.Extraction;

internal enum TokenKind { Word, Acronym, Number, Punct, Quote }

internal readonly record struct Token(string Text, int Start, TokenKind Kind)
{
    public bool IsLowerWord => Kind == TokenKind.Word && char.IsLower(Text[0]);

    /// <summary>Capitalised with lower-case letters after ("Toner", "McCain"), not all-caps ("PTI", "WASHINGTON").</summary>
    public bool IsCapitalisedWord => Kind == TokenKind.Word && char.IsUpper(Text[0]) && HasLowerAfterFirst(Text);

    private static bool HasLowerAfterFirst(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsLower(text[i]))
                return true;
        }
        return false;
    }

    public bool Is(string text) => string.Equals(Text, text, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Splits a masked sentence into words, acronyms ("U.S."), numbers, punctuation and runs of quote
/// marks, in one pass over the characters; anything else (spaces, symbols) separates tokens.
/// </summary>
internal static class Tokenizer
{
    // A list, not a read-only interface: extraction reads tokens by index in its inner loops, and
    // through the interface every read was a dispatched call that could not be inlined.
    public static List<Token> Tokenize(string masked)
    {
        var tokens = new List<Token>(masked.Length / 5 + 4);
        var i = 0;
        while (i < masked.Length)
        {
            var c = masked[i];
            if (c == Sentence.QuoteMark)
            {
                var end = i + 1;
                while (end < masked.Length && masked[end] == Sentence.QuoteMark)
                    end++;
                tokens.Add(new Token(masked[i..end], i, TokenKind.Quote));
                i = end;
            }
            else if (AcronymEnd(masked, i) is var acronymEnd && acronymEnd > i)
            {
                tokens.Add(new Token(masked[i..acronymEnd], i, TokenKind.Acronym));
                i = acronymEnd;
            }
            else if (IsLetter(c))
            {
                var end = WordEnd(masked, i);
                var text = masked[i..end];
                tokens.Add(new Token(text, i, text.Length > 1 && IsAllUpper(text) ? TokenKind.Acronym : TokenKind.Word));
                i = end;
            }
            else if (char.IsDigit(c))
            {
                var end = NumberEnd(masked, i);
                tokens.Add(new Token(masked[i..end], i, TokenKind.Number));
                i = end;
            }
            else
            {
                if (IsPunctuation(c))
                    tokens.Add(new Token(c.ToString(), i, TokenKind.Punct));
                i++;
            }
        }
        return tokens;
    }

    /// <summary>The end of "U.S." or "P.J" (capitals joined by dots, a final dot kept) at <paramref name="i"/>; <paramref name="i"/> when there is none.</summary>
    private static int AcronymEnd(string text, int i)
    {
        if (!char.IsUpper(text[i]))
            return i;
        var end = i + 1;
        while (end + 1 < text.Length && text[end] == '.' && char.IsUpper(text[end + 1]))
            end += 2;
        if (end == i + 1)
            return i;
        return end < text.Length && text[end] == '.' ? end + 1 : end;
    }

    /// <summary>The end of a word: letters and combining marks, joined by apostrophes or hyphens ("Lashkar-e-Taiba", "Pakistan's").</summary>
    private static int WordEnd(string text, int i)
    {
        var end = i;
        while (true)
        {
            while (end < text.Length && IsLetter(text[end]))
                end++;
            if (end + 1 < text.Length && text[end] is '\'' or '\u2019' or '-' && IsLetter(text[end + 1]))
                end++;
            else
                return end;
        }
    }

    /// <summary>The end of a number: digit runs joined by ".", ",", ":", "/" or "-" ("1,200", "2023-11-30").</summary>
    private static int NumberEnd(string text, int i)
    {
        var end = i;
        while (true)
        {
            while (end < text.Length && char.IsDigit(text[end]))
                end++;
            if (end + 1 < text.Length && text[end] is '.' or ',' or ':' or '/' or '-' && char.IsDigit(text[end + 1]))
                end++;
            else
                return end;
        }
    }

    // Inlined, the ASCII test costs a comparison; the Unicode tests, which made the method too large
    // to inline, are a call only non-ASCII text makes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLetter(char c) => c < 0x80 ? char.IsAsciiLetter(c) : IsNonAsciiLetter(c);

    private static bool IsNonAsciiLetter(char c) =>
        char.IsLetter(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;

    private static bool IsAllUpper(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
                return false;
        }
        return true;
    }

    private static bool IsPunctuation(char c) =>
        c is '.' or ',' or ';' or ':' or '!' or '?' or '(' or ')' or '[' or ']' or '"' or '\u201C' or '\u201D' or '\u2014' or '\u2013';
}
