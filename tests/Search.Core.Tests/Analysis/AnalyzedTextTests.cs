using Search.Core.Analysis;

namespace Search.Core.Tests.Analysis;

public sealed class AnalyzedTextTests
{
    private static readonly string Long = string.Concat(Enumerable.Repeat("The State Department said LeT's leaders, the Lashkar-e-Tayyiba men, were named on Thursday. ", 1500));

    public static TheoryData<string> Texts() =>
    [
        "",
        "the of and",
        "Pakistan must act against LeT, the spokesman said; it was the Lashkar-e-Taiba's second warning",
        "Café owners in Peshawar — “TTP's” threats — were told to close at the",
        "HM was named; Hizbul Mujahideen later denied it",
        Long,
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Replayed_GivesTheAnalyzersOwnTokensAndEnd(string text)
    {
        using var analyzer = SearchSchema.IndexAnalyzer(GroupAliasTable.Default, FacetSchema.Default);
        var expected = TokenDump.Of(analyzer.GetTokenStream(SearchSchema.Body, text), withEnd: true);

        var replay = new AnalyzedTextStream();
        replay.Replay(AnalyzedText.Of(analyzer, SearchSchema.Body, text));

        Assert.Equal(expected, TokenDump.Of(replay, withEnd: true));
    }

    [Fact]
    public void Replayed_Twice_GivesTheSameTokensEachTime()
    {
        using var analyzer = SearchSchema.IndexAnalyzer(GroupAliasTable.Default, FacetSchema.Default);
        var analyzed = AnalyzedText.Of(analyzer, SearchSchema.Title, "US urges Pakistan to act against LeT");
        var replay = new AnalyzedTextStream();

        replay.Replay(analyzed);
        var first = TokenDump.Of(replay, withEnd: true);
        replay.Replay(analyzed);

        Assert.Equal(first, TokenDump.Of(replay, withEnd: true));
        Assert.Contains(first, t => t.StartsWith(SearchSchema.GroupTerm("Lashkar-e-Taiba").Replace('\u0001', '^') + "+", StringComparison.Ordinal));
    }
}
