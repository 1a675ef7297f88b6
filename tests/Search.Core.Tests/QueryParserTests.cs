using Search.Core.Analysis;
using Search.Core.Querying;

namespace Search.Core.Tests;

public sealed class QueryParserTests
{
    private static NewsQueryParser Parser() =>
        new(new NewsAnalyzer(GroupAliasTable.Default, forQuery: true), new NameAnalyzer(), GroupAliasTable.Default, FacetSchema.Default, 2f);

    [Theory]
    [InlineData("pakistan")]
    [InlineData("pakistan sanctions")]
    [InlineData("the pakistan of sanctions")]
    [InlineData("LeT militants")]
    [InlineData("Daesh 2019 attack")]
    [InlineData("the")]
    public void ParseWords_GivesTheSameQueryAsTheClassicParser(string text)
    {
        var words = text.Split(' ');
        Assert.Equal(Parser().Parse(text).ToString(), Parser().ParseWords(words).ToString());
    }

    [Fact]
    public void Compile_WhenPlainWords_SearchesTitleWithItsBoostAndBody()
    {
        var compiler = new QueryCompiler(new NewsAnalyzer(GroupAliasTable.Default, forQuery: true), new NameAnalyzer(), GroupAliasTable.Default, FacetSchema.Default, 2f);
        Assert.Equal("(title:pakistan^2.0 body:pakistan) (title:sanction^2.0 body:sanction)", compiler.Compile("pakistan sanctions").Query!.ToString());
    }
}
