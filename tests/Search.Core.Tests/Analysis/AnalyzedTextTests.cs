using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
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
        var expected = Tokens(analyzer.GetTokenStream(SearchSchema.Body, text));

        var replay = new AnalyzedTextStream();
        replay.Replay(AnalyzedText.Of(analyzer, SearchSchema.Body, text));

        Assert.Equal(expected, Tokens(replay));
    }

    [Fact]
    public void Replayed_Twice_GivesTheSameTokensEachTime()
    {
        using var analyzer = SearchSchema.IndexAnalyzer(GroupAliasTable.Default, FacetSchema.Default);
        var analyzed = AnalyzedText.Of(analyzer, SearchSchema.Title, "US urges Pakistan to act against LeT");
        var replay = new AnalyzedTextStream();

        replay.Replay(analyzed);
        var first = Tokens(replay);
        replay.Replay(analyzed);

        Assert.Equal(first, Tokens(replay));
        Assert.Contains(first, t => t.StartsWith("grp", StringComparison.Ordinal) || t.Contains("lashkar", StringComparison.Ordinal));
    }

    /// <summary>Each token as term, position increment and offsets, and the stream's end state, as Lucene's indexer reads them.</summary>
    private static List<string> Tokens(TokenStream stream)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var tokens = new List<string>();
        stream.Reset();
        while (stream.IncrementToken())
            tokens.Add($"{term} +{increment.PositionIncrement} {offset.StartOffset}-{offset.EndOffset}");
        stream.End();
        tokens.Add($"end +{increment.PositionIncrement} {offset.StartOffset}-{offset.EndOffset}");
        stream.Dispose();
        return tokens;
    }
}
