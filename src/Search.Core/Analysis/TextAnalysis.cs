using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core;

/// <summary>
/// The library's English analysis, exposed for measurement and diagnostics: what the index would
/// store for a text. Searching and indexing do not go through this type.
/// </summary>
public static class TextAnalysis
{
    private static readonly Lazy<Lucene.Net.Analysis.Analyzer> DefaultAnalyzer = new(() => SearchSchema.IndexAnalyzer(GroupAliasTable.Default, FacetSchema.Default));

    /// <summary>The number of tokens the index analyzer produces for <paramref name="text"/> in <paramref name="field"/> (title or body).</summary>
    public static int CountTokens(string field, string text)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        using var stream = DefaultAnalyzer.Value.GetTokenStream(field, text);
        stream.Reset();
        while (stream.IncrementToken())
            count++;
        stream.End();
        return count;
    }

    /// <summary>The indexed terms for <paramref name="text"/> in <paramref name="field"/>, in order; group tokens included.</summary>
    public static IReadOnlyList<string> Terms(string field, string text)
    {
        var terms = new List<string>();
        Analyze(field, text, terms.Add);
        return terms;
    }

    private static void Analyze(string field, string text, Action<string> onTerm)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(text);
        using var stream = DefaultAnalyzer.Value.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            onTerm(term.ToString());
        stream.End();
    }
}
