namespace Search.Core.Tests;

/// <summary>Hyphenated and compound words are searched as phrases; misspelt group names still find the group.</summary>
public sealed class CompoundWordTests : IClassFixture<CompoundWordTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public TestIndex Index { get; } = new([
            Articles.Make("acronym", "", "Officials said LeT remains active."),
            Articles.Make("full", "", "Officials said Lashkar-e-Taiba remains active."),
            Articles.Make("variant", "", "Officials said Lashkar-e-Tayyiba remains active."),
            Articles.Make("jaish", "", "The attack was blamed on Jaish-e-Mohammad."),
            Articles.Make("compound", "", "The well-known envoy spoke first."),
            Articles.Make("apart", "", "The envoy was well, and known to all."),
            Articles.Make("letter", "", "Vitamin e tablets and vitamin x were sent."),
        ]);

        public void Dispose() => Index.Dispose();
    }

    private readonly TestIndex _index;

    public CompoundWordTests(Fixture fixture) => _index = fixture.Index;

    private string[] Ids(string query) => _index.Search(query, r => r with { Size = 100 }).Hits.Select(h => h.Id).Order().ToArray();

    [Fact]
    public void Search_WhenHyphenatedWord_MatchesItsPartsTogetherOnly()
    {
        Assert.Equal(["compound"], Ids("well-known"));
        Assert.Equal(["apart", "compound"], Ids("well known"));
    }

    [Theory]
    [InlineData("Lashkar-e-Tayba")]
    [InlineData("lashkar-e-tayba")]
    [InlineData("Lashkar-e-Tayba~")]
    [InlineData("Lashkar-e-Taiba~")]
    public void Search_WhenGroupNameMisspeltOrFuzzy_FindsEveryFormAndNothingElse(string query)
    {
        Assert.Equal(["acronym", "full", "variant"], Ids(query));
    }

    [Theory]
    [InlineData("x-e-y")]
    [InlineData("Vitamin-e")]
    public void Search_WhenSingleLetterPart_NeverMatchesAlone(string query)
    {
        // "e" appears in "jaish" (as Jaish-e-Mohammad) and "letter"; only the whole compound may match.
        Assert.Equal(query == "Vitamin-e" ? ["letter"] : [], Ids(query));
    }

    [Fact]
    public void Search_WhenFuzzyCompoundIsNotAGroup_RequiresEveryLongPart()
    {
        Assert.Equal(["apart", "compound"], Ids("wel-knwn~"));
        Assert.Empty(Ids("wel-zzzz~"));
    }
}
