namespace Search.Core.Tests;

public sealed class GroupAliasTableTests
{
    private static readonly GroupAliasTable Table = GroupAliasTable.Default;

    private static string[] Groups(string text) => Table.FindMentions(text).Select(m => m.Group).Distinct().ToArray();

    [Theory]
    // Renamed outfits are the group under a new name.
    [InlineData("Khuddam-ul-Islam", "Jaish-e-Mohammed")]
    [InlineData("Jamaat-ul-Furqan", "Jaish-e-Mohammed")]
    [InlineData("Harkat-ul-Ansar", "Harkat-ul-Mujahideen")]
    [InlineData("Ahle Sunnat Wal Jamaat", "Sipah-e-Sahaba Pakistan")]
    [InlineData("ASWJ", "Sipah-e-Sahaba Pakistan")]
    [InlineData("Millat-e-Islamia Pakistan", "Sipah-e-Sahaba Pakistan")]
    [InlineData("Markaz-ud-Dawa-wal-Irshad", "Jamaat-ud-Dawa")]
    [InlineData("Idara Khidmat-e-Khalq", "Falah-e-Insaniat Foundation")]
    // Names that exist only on a designation are the group it names.
    [InlineData("Tehreek-e-Tahafuz Qibla Awwal", "Lashkar-e-Taiba")]
    [InlineData("Al-Anfal Trust", "Lashkar-e-Taiba")]
    [InlineData("Majeed Brigade", "Balochistan Liberation Army")]
    [InlineData("Lashkar-e-Jhangvi al-Alami", "Lashkar-e-Jhangvi")]
    [InlineData("Wilayat Khorasan", "Islamic State Khorasan")]
    [InlineData("ISIL-K", "Islamic State Khorasan")]
    [InlineData("Baluchistan Liberation Army", "Balochistan Liberation Army")]
    // Fronts with leaders and deeds of their own are their own groups.
    [InlineData("Milli Muslim League", "Milli Muslim League")]
    [InlineData("The Resistance Front", "The Resistance Front")]
    [InlineData("Hizb-ul-Ahrar", "Hizb-ul-Ahrar")]
    [InlineData("Al-Rasheed Trust", "Al-Rashid Trust")]
    [InlineData("Al Akhtar Trust", "Al-Akhtar Trust")]
    [InlineData("Rabita Trust", "Rabita Trust")]
    [InlineData("Harkat-ul-Jihad-al-Islami", "Harkat-ul-Jihad al-Islami")]
    [InlineData("Tehreek-e-Labbaik Pakistan", "Tehreek-e-Labbaik Pakistan")]
    public void Canonicalize_FollowsTheDesignations(string name, string expected) => Assert.Equal(expected, Table.Canonicalize(name));

    [Theory]
    [InlineData("Officials blamed Lashkar-e-Tayba for the raid.", "Lashkar-e-Taiba")]
    [InlineData("Officials blamed Lashker-e-Toiba for the raid.", "Lashkar-e-Taiba")]
    [InlineData("Officials blamed Jaish-e-Mohamad for the raid.", "Jaish-e-Mohammed")]
    [InlineData("Officials blamed the Haqani Network for the raid.", "Haqqani Network")]
    [InlineData("Officials blamed the Haqqnai Network for the raid.", "Haqqani Network")]
    [InlineData("Officials blamed Tehreek-e-Taliban Pakistaan for the raid.", "Tehrik-i-Taliban Pakistan")]
    [InlineData("Officials blamed the Islamic State Khorasn for the raid.", "Islamic State Khorasan")]
    public void FindMentions_LongNameWithOneSlip_IsTheGroup(string text, string expected) => Assert.Equal([expected], Groups(text));

    [Theory]
    // Acronyms, short names and lower-case words never match loosely.
    [InlineData("Officials blamed LeJ and the Let for the raid.", new[] { "Lashkar-e-Jhangvi" })]
    [InlineData("Officials blamed Hamos for the raid.", new string[0])]
    [InlineData("Officials blamed the Talibn for the raid.", new string[0])]
    [InlineData("Officials blamed the haqani network for the raid.", new string[0])]
    [InlineData("Islamic states in the Gulf condemned the raid.", new string[0])]
    public void FindMentions_ShortOrLowerCaseSlip_IsNoGroup(string text, string[] expected) => Assert.Equal(expected, Groups(text));

    [Theory]
    [InlineData("lashkar-e-tayba", "Lashkar-e-Taiba")]
    [InlineData("Haqani network", "Haqqani Network")]
    [InlineData("jaish-e-mohamad", "Jaish-e-Mohammed")]
    public void Canonicalize_QueryWithOneSlip_IsTheGroup(string name, string expected) => Assert.Equal(expected, Table.Canonicalize(name));

    [Theory]
    [InlineData("Talibn")]
    [InlineData("Hamos")]
    [InlineData("LeX")]
    public void Canonicalize_ShortNameWithSlip_IsUnknown(string name) => Assert.Null(Table.Canonicalize(name));

    [Theory]
    [InlineData("tayba", "taiba", true)]
    [InlineData("mohamad", "mohammad", true)]
    [InlineData("haqqnai", "haqqani", true)]
    [InlineData("Pakistaan", "pakistan", true)]
    [InlineData("taiba", "taiba", false)]
    [InlineData("tayyba", "taiba", false)]
    [InlineData("taliban", "talibanis", false)]
    public void IsOneEditAway_CountsOneEdit(string word, string key, bool expected) => Assert.Equal(expected, GroupAliasTable.IsOneEditAway(word, key));

    [Fact]
    public void Jundallah_CountsOnlyBesideJaishAlAdl()
    {
        Assert.Empty(Groups("Jundallah claimed the Karachi attack."));
        Assert.Equal(["Jaish al-Adl"], Groups("Jaish al-Adl, formerly Jundallah, claimed the attack."));
    }

    [Fact]
    public void FindMentions_KeepingUnconfirmed_MarksAnAmbiguousAliasNothingConfirms()
    {
        var alone = Table.FindMentions("The HM said the inquiry would report soon.", keepUnconfirmed: true);
        Assert.Equal(["Hizbul Mujahideen"], alone.Select(m => m.Group));
        Assert.True(alone[0].Unconfirmed);
        Assert.Empty(Table.FindMentions("The HM said the inquiry would report soon."));

        var confirmed = Table.FindMentions("Hizbul Mujahideen claimed the attack. HM fighters fled.", keepUnconfirmed: true);
        Assert.Equal(2, confirmed.Count);
        Assert.All(confirmed, m => Assert.False(m.Unconfirmed));
    }

    [Theory]
    [InlineData("The HM said the inquiry would report soon; LeT denied it.")]
    [InlineData("Hizbul Mujahideen claimed the attack. HM fighters fled, the TTP said.")]
    [InlineData("No group is named here.")]
    public void FindMentions_KeepingUnconfirmed_LessTheUnconfirmed_IsTheConfirmedMentions(string text) =>
        Assert.Equal(Table.FindMentions(text), Table.FindMentions(text, keepUnconfirmed: true).Where(m => !m.Unconfirmed));
}
