using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Search.Core.Querying;

/// <summary>
/// Turns the user's query string into a Lucene query. A query that does not parse never fails the
/// search: it is searched again as plain words, with a warning saying what was wrong and what was
/// searched instead.
/// </summary>
internal sealed partial class QueryCompiler
{
    private readonly Analyzer _queryAnalyzer;
    private readonly Analyzer _nameAnalyzer;
    private readonly GroupAliasTable _aliases;
    private readonly FacetSchema _facets;
    private readonly float _titleBoost;

    public QueryCompiler(Analyzer queryAnalyzer, Analyzer nameAnalyzer, GroupAliasTable aliases, FacetSchema facets, float titleBoost)
    {
        _facets = facets;
        _queryAnalyzer = queryAnalyzer;
        _nameAnalyzer = nameAnalyzer;
        _aliases = aliases;
        _titleBoost = titleBoost;
    }

    /// <summary>The parsed query, or <c>null</c> for an empty one (browse everything).</summary>
    public (Query? Query, string? Warning) Compile(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (null, null);
        var (query, error) = ParseChecked(text);
        if (error is null)
            return (query, null);
        var words = Words(text);
        var reason = QueryProblem.Describe(text, error);
        if (words.Length == 0)
            return (new BooleanQuery(), $"{reason}, and the query has no words to search for instead.");
        var fallback = QueryClauseLimit.Check(Parse(string.Join(' ', words.Select(QueryParserBase.Escape))))!;
        return (fallback, $"{reason}; searched the words instead.");
    }

    /// <summary>
    /// The parsed query without the fallback to plain words: a query that does not parse gives the
    /// sentence saying why instead (for batch entries, where a count of other words would mislead).
    /// </summary>
    /// <exception cref="QueryLimitException">The query would cost more than a limit allows.</exception>
    public (Query? Query, string? Problem) CompileExactly(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (null, null);
        var (query, error) = ParseChecked(text);
        return error is null ? (query, null) : (null, QueryProblem.Describe(text, error) + ".");
    }

    /// <summary>The query, or the parser's error for text that does not parse; limit errors are thrown.</summary>
    private (Query? Query, Exception? Error) ParseChecked(string text)
    {
        try
        {
            return (QueryClauseLimit.Check(Parse(QuoteGroupNames(text))), null);
        }
        catch (Exception e) when (e is ParseException or ArgumentException or InvalidOperationException)
        {
            return (null, e);
        }
    }

    private Query Parse(string text)
    {
        var parser = new NewsQueryParser(_queryAnalyzer, _nameAnalyzer, _aliases, _facets, _titleBoost);
        // Most queries are a few plain words. The classic parser's generated scanner costs more
        // than the rest of a small search (it even signals the end of input with an exception), so
        // plain words are combined here exactly as it would combine them.
        return PlainWordsPattern().IsMatch(text) && !text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(IsOperator)
            ? parser.ParseWords(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            : parser.Parse(text);
    }

    /// <summary>
    /// The classic parser splits on spaces before analysis, so an unquoted multi-word group name
    /// ("Islamic State Khorasan") would be searched as unrelated words. Quoting such names (outside
    /// existing quotes and field prefixes) lets the alias table see them whole.
    /// </summary>
    internal string QuoteGroupNames(string text)
    {
        var mentions = _aliases.FindMentions(text).Where(m => m.Text.Any(char.IsWhiteSpace)).ToArray();
        if (mentions.Length == 0)
            return text;
        var protectedRanges = ProtectedRanges(text);
        var builder = new StringBuilder(text.Length + 4 * mentions.Length);
        var at = 0;
        foreach (var mention in mentions)
        {
            var end = mention.Start + mention.Length;
            if (protectedRanges.Any(r => mention.Start < r.End && r.Start < end))
                continue;
            builder.Append(text, at, mention.Start - at).Append('"').Append(text, mention.Start, mention.Length).Append('"');
            at = end;
        }
        return builder.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Quoted phrases, field-prefixed terms and a word just before an operator-like character are left alone.</summary>
    private static List<TextRange> ProtectedRanges(string text)
    {
        var ranges = new List<TextRange>();
        foreach (Match m in ProtectedPattern().Matches(text))
            ranges.Add(new TextRange(m.Index, m.Length));
        return ranges;
    }

    internal static string[] Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value).Where(w => !IsOperator(w)).ToArray();

    private static bool IsOperator(string word) => word is "AND" or "OR" or "NOT" or "TO";

    [GeneratedRegex(@"^[\p{L}\p{N} ]+$")]
    private static partial Regex PlainWordsPattern();

    [GeneratedRegex(@"""[^""]*""?|\S+:\S*|\S+[~^]\S*|\S*[*?]\S*")]
    private static partial Regex ProtectedPattern();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();
}
