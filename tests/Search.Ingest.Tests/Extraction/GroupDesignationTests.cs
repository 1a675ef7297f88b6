using Search.Core;
using Search.Ingest.Extraction;

namespace Search.Ingest.Tests.Extraction;

public sealed class GroupDesignationTests
{
    private static readonly GroupExtractor Extractor = new(GroupAliasTable.Default);

    private static string[] Groups(string body) => Extractor.Extract(null, body).Select(v => v.Value).ToArray();

    [Fact]
    public void FrontsOfLashkar_StayTheirOwnGroups_NamedBesideIt() =>
        Assert.Equal(
            ["Milli Muslim League", "Lashkar-e-Taiba", "Jamaat-ud-Dawa", "Falah-e-Insaniat Foundation"],
            Groups("Washington listed the Milli Muslim League as an alias of Lashkar-e-Tayyiba. Jamaat-ud-Dawah and the Falah-e-Insaniyat Foundation were listed earlier."));

    [Fact]
    public void RenamedOutfit_IsTheGroup() =>
        Assert.Equal(["Sipah-e-Sahaba Pakistan"], Groups("Leaders of the Ahle Sunnat Wal Jamaat, formerly Sipah-e-Sahaba, addressed the rally."));

    [Fact]
    public void TtpSplinters_AreTheirOwnGroups() =>
        Assert.Equal(["Jamaat-ul-Ahrar", "Hizb-ul-Ahrar", "Tehrik-i-Taliban Pakistan"],
            Groups("Jamaat-ul-Ahrar and its offshoot Hizbul Ahrar split from the Tehreek-e-Taliban Pakistan."));

    [Fact]
    public void Charities_OnTheLists_AreTheirOwnEntities() =>
        Assert.Equal(["Al-Rashid Trust", "Al-Akhtar Trust", "Rabita Trust"],
            Groups("The Al-Rasheed Trust, the Al Akhtar Trust and the Rabita Trust were put on the list of banned outfits."));

    [Fact]
    public void MisspeltLongName_IsTheGroup() =>
        Assert.Equal(["Lashkar-e-Taiba", "Haqqani Network"], Groups("Police blamed Lashkar-e-Tayba, and the Haqani Network denied any role."));

    [Fact]
    public void MajeedBrigade_IsTheBla() =>
        Assert.Equal(["Balochistan Liberation Army"], Groups("The Majeed Brigade claimed the attack on the port."));
}
