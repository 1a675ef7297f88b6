using Search.Core;
using Search.Ingest.Extraction;

namespace Search.Ingest.Tests.Extraction;

public sealed class GroupRuleTests
{
    private static readonly GroupExtractor Extractor = new(GroupAliasTable.Default);

    private static string[] Groups(string body) => Extractor.Extract(null, body).Select(v => v.Value).ToArray();

    [Fact]
    public void PossessiveOfAPersonNamedHaqqani_IsNoGroup() =>
        Assert.Empty(Groups("Haqqani's supporters say he is the victim of a campaign."));

    [Fact]
    public void PluralHaqqanis_IsTheNetwork() =>
        Assert.Equal(["Haqqani Network"], Groups("Officials blamed the Haqqanis for the attack."));

    [Fact]
    public void PluralPossessiveHaqqanis_IsTheNetwork() =>
        Assert.Equal(["Haqqani Network"], Groups("The Haqqanis' fighters crossed the border."));

    [Fact]
    public void BareTaliban_InPakistaniTalibanArticle_MeansThem() =>
        Assert.Equal(["Tehrik-i-Taliban Pakistan"], Groups(
            "Gunmen from the Pakistani Taliban attacked a school. The minister said there were no good or bad Taliban."));

    [Fact]
    public void BareTaliban_AboutAfghanistan_IsStillTheTaliban() =>
        Assert.Equal(["Tehrik-i-Taliban Pakistan", "Taliban"], Groups(
            "Talks with the Tehreek-e-Taliban Pakistan stalled. The Taliban took power in Kabul weeks earlier."));

    [Fact]
    public void BareTaliban_WithoutPakistaniTaliban_IsTheTaliban() =>
        Assert.Equal(["Taliban"], Groups("The Taliban rejected the offer."));
}
