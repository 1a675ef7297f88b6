using System.Text.RegularExpressions;

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

internal static partial class Tokenizer
{
    public static IReadOnlyList<Token> Tokenize(string masked)
    {
        var tokens = new List<Token>();
        foreach (Match m in TokenPattern().Matches(masked))
        {
            var kind = m.Groups["quote"].Success ? TokenKind.Quote
                : m.Groups["acr"].Success ? TokenKind.Acronym
                : m.Groups["word"].Success ? (m.Value.Length > 1 && m.Value.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? TokenKind.Acronym : TokenKind.Word)
                : m.Groups["num"].Success ? TokenKind.Number
                : TokenKind.Punct;
            tokens.Add(new Token(m.Value, m.Index, kind));
        }
        return tokens;
    }

    [GeneratedRegex(@"(?<quote>\uE000+)|(?<acr>\p{Lu}(?:\.\p{Lu})+\.?)|(?<word>[\p{L}\p{M}]+(?:['\u2019\-][\p{L}\p{M}]+)*)|(?<num>\d+(?:[.,:/\-]\d+)*)|(?<punct>[.,;:!?()\[\]""\u201C\u201D\u2014\u2013])")]
    private static partial Regex TokenPattern();
}
