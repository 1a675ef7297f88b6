namespace Search.Core.Tests;

public sealed class AliasSearchTests : IClassFixture<AliasSearchTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public TestIndex Index { get; } = new([
            Articles.Make("acronym", "", "Officials said LeT remains active."),
            Articles.Make("full", "", "Officials said Lashkar-e-Taiba remains active."),
            Articles.Make("variant", "", "Officials said Lashkar-e-Tayyiba remains active."),
            Articles.Make("verb", "", "Officials said they would let the talks continue. Let us wait."),
            Articles.Make("jem", "", "The attack was blamed on JeM."),
            Articles.Make("jaish", "", "The attack was blamed on Jaish-e-Mohammad."),
            Articles.Make("isis", "", "ISIS claimed the attack."),
            Articles.Make("isil", "", "ISIL claimed the attack."),
            Articles.Make("daesh", "", "Daesh claimed the attack."),
            Articles.Make("islamic-state", "", "The Islamic State claimed the attack."),
            Articles.Make("khorasan", "", "Islamic State Khorasan claimed the attack."),
            Articles.Make("ttp", "", "The Pakistani Taliban claimed the attack."),
            Articles.Make("haqqani-person", "", "Husain Haqqani said the talks were useful."),
            Articles.Make("home-minister", "", "The HM said police would investigate."),
            Articles.Make("hizbul", "", "Hizbul Mujahideen (HM) was named in the statement."),
            Articles.Make("possessive", "", "The TTP's leaders met. Jaish-e-Mohammed's chief spoke."),
            Articles.Make("hm-first", "", "HM cadres crossed the border, police said. Hizbul Mujahideen denied it."),
        ]);

        public void Dispose() => Index.Dispose();
    }

    private readonly TestIndex _index;

    public AliasSearchTests(Fixture fixture) => _index = fixture.Index;

    private string[] Ids(string query) => _index.Search(query, r => r with { Size = 100 }).Hits.Select(h => h.Id).Order().ToArray();

    [Theory]
    [InlineData("LeT")]
    [InlineData("Lashkar-e-Taiba")]
    [InlineData("lashkar-e-taiba")]
    [InlineData("Lashkar-e-Tayyiba")]
    [InlineData("\"Lashkar-e-Taiba\"")]
    [InlineData("Lashkar-e-Tayba")]
    [InlineData("lashker-e-taiba")]
    public void Search_WhenAnyLashkarAlias_FindsEveryForm(string query)
    {
        Assert.Equal(["acronym", "full", "variant"], Ids(query));
    }

    [Fact]
    public void Search_WhenVerbLet_DoesNotMatchTheGroupOnly()
    {
        Assert.DoesNotContain("verb", Ids("LeT"));
        Assert.Contains("verb", Ids("let"));
        Assert.DoesNotContain("full", Ids("let"));
    }

    [Theory]
    [InlineData("JeM")]
    [InlineData("Jaish-e-Mohammed")]
    public void Search_WhenJaishAlias_FindsEveryForm(string query)
    {
        Assert.Equal(["jaish", "jem", "possessive"], Ids(query));
    }

    [Theory]
    [InlineData("ISIS")]
    [InlineData("ISIL")]
    [InlineData("Daesh")]
    public void Search_WhenIslamicStateAlias_FindsEveryFormButNotKhorasan(string query)
    {
        Assert.Equal(["daesh", "isil", "isis", "islamic-state"], Ids(query));
    }

    [Theory]
    [InlineData("Islamic State")]
    [InlineData("\"Islamic State\"")]
    public void Search_WhenIslamicStateByName_FindsEveryFormAndTheLiteralWords(string query)
    {
        // "Islamic State Khorasan" contains the words "Islamic State", so a search for the name finds it too.
        Assert.Equal(["daesh", "isil", "isis", "islamic-state", "khorasan"], Ids(query));
    }

    [Fact]
    public void Search_WhenKhorasanBranch_IsItsOwnGroup()
    {
        Assert.Equal(["khorasan"], Ids("ISIS-K"));
        Assert.Equal(["khorasan"], Ids("Islamic State Khorasan"));
    }

    [Fact]
    public void Search_WhenTalibanWord_AlsoFindsPakistaniTalibanText()
    {
        Assert.Equal(["possessive", "ttp"], Ids("TTP"));
        Assert.Equal(["ttp"], Ids("Taliban"));
    }

    [Fact]
    public void Search_WhenGroupNameIsPossessive_StillFindsTheGroup()
    {
        Assert.Contains("possessive", Ids("\"Tehrik-i-Taliban Pakistan\""));
        Assert.Contains("possessive", Ids("JeM"));
    }

    [Fact]
    public void Search_WhenPersonNamedHaqqaniIsPossessive_IsNotTheNetwork()
    {
        Assert.Empty(GroupAliasTable.Default.FindMentions("Husain Haqqani's resignation was accepted."));
        Assert.Equal("Haqqani Network", Assert.Single(GroupAliasTable.Default.FindMentions("The Haqqanis attacked.")).Group);
    }

    [Fact]
    public void Search_WhenPersonNamedHaqqani_IsNotTheNetwork()
    {
        Assert.Empty(Ids("\"Haqqani Network\""));
        Assert.Equal(["haqqani-person"], Ids("Haqqani"));
    }

    [Fact]
    public void Search_WhenAmbiguousAcronym_CountsOnlyWhereTheGroupIsNamed()
    {
        Assert.Equal(["hizbul", "hm-first"], Ids("HM"));
        Assert.Equal(["hizbul", "hm-first"], Ids("\"Hizbul Mujahideen\""));
    }

    [Fact]
    public void Search_WhenPhraseHoldsAnAcronym_MatchesTheSameWordsAroundIt()
    {
        Assert.Equal(["acronym"], Ids("\"said LeT remains\""));
        Assert.Equal(["hm-first"], Ids("\"HM cadres\""));
    }
}
