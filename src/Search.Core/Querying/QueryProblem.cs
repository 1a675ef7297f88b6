using System.Text.RegularExpressions;
using Lucene.Net.QueryParsers.Classic;

namespace Search.Core.Querying;

/// <summary>
/// Says in plain words what is wrong with a query that does not parse. Lucene's own messages
/// ("Cannot parse …: Lexical error at line 1, column 21. Encountered: &lt;EOF&gt;") describe its
/// grammar, not the query, so they never reach a user: the query text itself is checked for the
/// usual slips, and only the messages our parser writes (an unknown field, a bad year) are passed on.
/// </summary>
internal static partial class QueryProblem
{
    /// <summary>One sentence without a final full stop, e.g. "A quote is not closed".</summary>
    public static string Describe(string query, Exception error)
    {
        if (OwnMessage(error) is { } own)
            return own;
        var text = Unescaped().Replace(query, "");
        if (text.Count(c => c == '"') % 2 == 1)
            return "A quote is not closed";
        if (text.Count(c => c == '(') > text.Count(c => c == ')'))
            return "A bracket is not closed";
        if (text.Count(c => c == ')') > text.Count(c => c == '('))
            return "A closing bracket has no opening one";
        if (text.Count(c => c is '[' or '{') != text.Count(c => c is ']' or '}'))
            return "A range in square or curly brackets is not closed";
        if (text.Count(c => c == '/') % 2 == 1)
            return "A regular expression between slashes is not closed";
        if (error is ArgumentException && text.Contains('/'))
            return "The regular expression between slashes is not valid";
        if (DanglingOperator().IsMatch(text))
            return "AND, OR and NOT need words on both sides";
        return "The query's search syntax is not valid (check quotes, brackets, operators and field names)";
    }

    /// <summary>A message our own parser code wrote, without the wrapping Lucene adds; <c>null</c> for Lucene's grammar errors.</summary>
    private static string? OwnMessage(Exception error)
    {
        if (error is not ParseException)
            return null;
        var message = error.Message;
        if (WrappedMessage().Match(message) is { Success: true } wrapped)
            message = wrapped.Groups[1].Value;
        message = message.Split('\n', 2)[0].Trim();
        if (message.Length == 0 || LuceneGrammarMessage().IsMatch(message))
            return null;
        return message.TrimEnd('.');
    }

    [GeneratedRegex(@"\\.")]
    private static partial Regex Unescaped();

    [GeneratedRegex(@"(^\s*(AND|OR)\b)|(\b(AND|OR|NOT)\s*$)")]
    private static partial Regex DanglingOperator();

    [GeneratedRegex(@"^Cannot parse '.*?': (.*)$", RegexOptions.Singleline)]
    private static partial Regex WrappedMessage();

    [GeneratedRegex(@"Lexical error|Encountered|Was expecting|Cannot parse|TokenMgrError", RegexOptions.IgnoreCase)]
    private static partial Regex LuceneGrammarMessage();
}
