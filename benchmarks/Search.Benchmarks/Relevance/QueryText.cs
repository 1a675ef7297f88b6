using System.Text;

namespace Search.Benchmarks.Relevance;

/// <summary>Turns free text (a claim, a question) into query syntax that means "any of these words".</summary>
public static class QueryText
{
    private const string Special = "+-&|!(){}[]^\"~*?:\\/";

    /// <summary>
    /// Escapes every character the classic query syntax treats specially and lower-cases the words
    /// AND, OR, NOT and TO, so the parser sees only words (OR-ed by default) and the analyzer sees
    /// them exactly as it saw the indexed text.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
                builder.Append(' ');
            if (word is "AND" or "OR" or "NOT" or "TO")
            {
                builder.Append(word.ToLowerInvariant());
                continue;
            }
            foreach (var c in word)
            {
                if (Special.Contains(c))
                    builder.Append('\\');
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
