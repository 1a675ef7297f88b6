using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;

namespace Search.Core.Analysis;

/// <summary>
/// The English analysis used for titles and bodies: standard tokenizer, group aliases, possessives,
/// lower case, ASCII folding, English stop words and the Porter stemmer. The same chain runs when
/// indexing, parsing queries and highlighting, so all three agree on what a word is.
/// </summary>
internal sealed class NewsAnalyzer : Analyzer
{
    private readonly GroupAliasTable _aliases;
    private readonly bool _forQuery;

    public NewsAnalyzer(GroupAliasTable aliases, bool forQuery)
    {
        _aliases = aliases;
        _forQuery = forQuery;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(SearchSchema.Version, reader);
        TokenStream stream = new GroupAliasFilter(source, _aliases, _forQuery);
        // Possessives, lower case, ASCII folding, English stop words and the Porter stemmer, as Lucene's filters give them.
        stream = new EnglishTermFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}

/// <summary>Folds case and accents of names (speakers) without stemming or stop words.</summary>
internal sealed class NameAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(SearchSchema.Version, reader);
        TokenStream stream = new LowerCaseFilter(SearchSchema.Version, source);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}
