using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Tests.Quotes;

/// <summary>
/// Statements share the index with articles, and an article search leaves out the exclusion of
/// statements only for queries that cannot match one. These pin both sides of that rule and that
/// it rests on every statement field being recognisable as one.
/// </summary>
public sealed class StatementExclusionTests
{
    private static readonly Article Briefing = Articles.Make("price", "Briefing on the TTP", "Price said the TTP must stop its attacks.", 2022, speakers: ["Ned Price"]) with
    {
        Statements = [new Statement("Ned Price", "the TTP must stop its attacks", "Price said the TTP must stop its attacks.", 0)],
    };

    [Fact]
    public void Every_field_a_statement_is_written_with_is_known_as_a_statement_field()
    {
        var documents = new StatementDocument(GroupAliasTable.Default).For(Briefing).Select(d => d.Fields.Select(f => f.Name).ToArray()).ToArray();

        var fields = Assert.Single(documents);
        Assert.All(fields, field => Assert.True(SearchSchema.IsStatementField(field), field));
    }

    public static TheoryData<string, Query> ArticleOnlyQueries() => new()
    {
        { "a word", new TermQuery(new Term(SearchSchema.Body, "ttp")) },
        { "a phrase", Phrase(SearchSchema.Body, "stop", "attack") },
        { "a prefix", new PrefixQuery(new Term(SearchSchema.Title, "brief")) },
        { "words in either field", Any(new TermQuery(new Term(SearchSchema.Title, "ttp")), new TermQuery(new Term(SearchSchema.Body, "ttp"))) },
        { "a word and a negation", new BooleanQuery { { new MatchAllDocsQuery(), Occur.SHOULD }, { new TermQuery(new Term(SearchSchema.Body, "ttp")), Occur.MUST }, { new TermQuery(new Term(SearchSchema.Body, "x")), Occur.MUST_NOT } } },
        { "a filtered word", new FilteredQuery(new TermQuery(new Term(SearchSchema.Body, "ttp")), new QueryWrapperFilter(new MatchAllDocsQuery())) },
    };

    public static TheoryData<string, Query> QueriesThatMayMatchStatements() => new()
    {
        { "everything", new MatchAllDocsQuery() },
        { "a statement field", new TermQuery(new Term(SearchSchema.StatementWords, "ttp")) },
        { "a word or everything", Any(new TermQuery(new Term(SearchSchema.Body, "ttp")), new MatchAllDocsQuery()) },
        { "only a negation", new BooleanQuery { { new TermQuery(new Term(SearchSchema.Body, "x")), Occur.MUST_NOT } } },
        { "a filter", new ConstantScoreQuery(new QueryWrapperFilter(new TermQuery(new Term(SearchSchema.Body, "ttp")))) },
    };

    [Theory]
    [MemberData(nameof(ArticleOnlyQueries))]
    public void A_query_that_only_article_fields_can_match_is_searched_as_it_is(string what, Query query)
    {
        Assert.True(ReferenceEquals(query, SearchSchema.NotStatements(query)), $"{what}: wrapped in an exclusion it does not need");
    }

    [Theory]
    [MemberData(nameof(QueriesThatMayMatchStatements))]
    public void A_query_that_may_match_a_statement_excludes_statements(string what, Query query)
    {
        var restricted = Assert.IsType<BooleanQuery>(SearchSchema.NotStatements(query));

        Assert.True(
            restricted.Clauses.Any(c => c.Occur == Occur.MUST_NOT && c.Query is TermQuery { Term: var term } && term.Equals(SearchSchema.StatementTerm)),
            $"{what}: searched without excluding statements");
    }

    // As before the exclusion was left out: a query of only a negation matches nothing, and a field
    // the parser does not search is read as words.
    [Theory]
    [InlineData("TTP", 1)]
    [InlineData("\"stop its attacks\"", 1)]
    [InlineData("NOT zebra", 0)]
    [InlineData("", 1)]
    [InlineData("statement_words:ttp", 1)]
    public void Article_search_finds_the_article_and_never_its_statement(string query, int articles)
    {
        using var test = new TestIndex([Briefing]);

        var response = test.Search(query);

        Assert.Equal(articles, response.Total);
        Assert.All(response.Hits, hit => Assert.Equal("price", hit.Id));
    }

    private static PhraseQuery Phrase(string field, params string[] words)
    {
        var phrase = new PhraseQuery();
        foreach (var word in words)
            phrase.Add(new Term(field, word));
        return phrase;
    }

    private static BooleanQuery Any(params Query[] queries)
    {
        var any = new BooleanQuery();
        foreach (var query in queries)
            any.Add(query, Occur.SHOULD);
        return any;
    }
}
