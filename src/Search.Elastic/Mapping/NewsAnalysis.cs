using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Analysis;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Search.Core;

namespace Search.Elastic.Mapping;

/// <summary>
/// Our English analysis (<c>Search.Core/Analysis</c>) in the engine's terms: analyzers <c>news</c>
/// (indexing), <c>news_search</c> (queries) and <c>names</c> (speakers' names as words). The chain is
/// typographic apostrophes made plain, standard tokenizer, English possessive, group acronyms (case-sensitive), lower case, ASCII folding,
/// group names, English stop words, and the Porter stemmer with group tokens kept from it.
/// </summary>
/// <remarks>
/// Indexing uses <c>synonym</c> and queries <c>synonym_graph</c>: the engine indexes no token graphs
/// (a graph filter would need a lossy <c>flatten_graph</c>), while a query keeps the graph, so a
/// multi-word name and its group token are alternatives of one query rather than stacked words.
/// </remarks>
public static class NewsAnalysis
{
    /// <summary>The analyzer titles, bodies and statement words are indexed with.</summary>
    public const string Analyzer = "news";

    /// <summary>The analyzer queries on those fields go through (acronyms replaced by their group token).</summary>
    public const string SearchAnalyzer = "news_search";

    /// <summary>The analyzer of a speaker's name as words: lower case and ASCII folding, no stemming or stop words.</summary>
    public const string NamesAnalyzer = "names";

    private const string Possessive = "news_possessive";
    private const string Acronyms = "news_group_acronyms";
    private const string AcronymsSearch = "news_group_acronyms_search";
    private const string Names = "news_group_names";
    private const string NamesSearch = "news_group_names_search";
    private const string Stop = "news_stop";
    private const string GroupKeywords = "news_group_keywords";
    private const string Apostrophes = "news_apostrophes";

    /// <summary>The analysis settings (analyzers and token filters) built from the alias table.</summary>
    public static IndexSettingsAnalysis Settings(GroupAliasTable aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        return new IndexSettingsAnalysis
        {
            Analyzers = new Analyzers
            {
                { Analyzer, Chain(Acronyms, Names) },
                { SearchAnalyzer, Chain(AcronymsSearch, NamesSearch) },
                { NamesAnalyzer, new CustomAnalyzer { Tokenizer = "standard", Filter = ["lowercase", "asciifolding"] } },
            },
            // Our alias matching ignores the typographic apostrophe ("Da’esh" is "Da'esh"); the
            // synonym rules compare tokens as they are, so the text's apostrophes are made plain first.
            CharFilters = new CharFilters { { Apostrophes, new MappingCharFilter { Mappings = ["\u2019 => '"] } } },
            TokenFilters = new TokenFilters
            {
                { Possessive, new StemmerTokenFilter { Language = "possessive_english" } },
                { Acronyms, new SynonymTokenFilter { Synonyms = [.. GroupSynonyms.AcronymRules(aliases, forQuery: false)], Lenient = true } },
                { AcronymsSearch, new SynonymGraphTokenFilter { Synonyms = [.. GroupSynonyms.AcronymRules(aliases, forQuery: true)], Lenient = true } },
                { Names, new SynonymTokenFilter { Synonyms = [.. GroupSynonyms.NameRules(aliases)], Lenient = true } },
                { NamesSearch, new SynonymGraphTokenFilter { Synonyms = [.. GroupSynonyms.NameRules(aliases)], Lenient = true } },
                { Stop, new StopTokenFilter { Stopwords = new Union<StopWordLanguage, ICollection<string>>(StopWordLanguage.English) } },
                { GroupKeywords, new KeywordMarkerTokenFilter { KeywordsPattern = GroupSynonyms.TokenPattern } },
            },
        };
    }

    private static CustomAnalyzer Chain(string acronyms, string names) => new()
    {
        CharFilter = [Apostrophes],
        Tokenizer = "standard",
        Filter = [Possessive, acronyms, "lowercase", "asciifolding", names, Stop, GroupKeywords, "porter_stem"],
    };
}
