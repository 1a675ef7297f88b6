using Search.Core;
using Search.Ingest.Extraction;

namespace Search.Ingest.Tests.Extraction;

public sealed class GroupExtractorTests
{
    private static readonly GroupExtractor Extractor = new(GroupAliasTable.Default);

    private static string[] Groups(string body) => Extractor.Extract(null, body).Select(v => v.Value).ToArray();

    [Fact]
    public void Groups_WhenAcronyms_AreCanonical() =>
        Assert.Equal(["Lashkar-e-Taiba", "Jaish-e-Mohammed"], Groups("Groups like LeT and JeM remain active."));

    [Fact]
    public void Groups_WhenVerbLet_FindsNothing() =>
        Assert.Empty(Groups("The US will not let the planners escape. Let me be clear."));

    [Fact]
    public void Groups_WhenPersonNamedHaqqani_FindsNothing() =>
        Assert.Empty(Groups("Sirajuddin Haqqani said the talks would go on."));

    [Fact]
    public void Groups_WhenHaqqaniNetwork_FindsIt() =>
        Assert.Equal(["Haqqani Network"], Groups("Officials blamed the Haqqani network for the attack."));

    [Fact]
    public void Groups_WhenNamedTwice_ListsOnceWithFirstSentence()
    {
        var values = Extractor.Extract(null, "LeT was banned. Lashkar-e-Taiba regrouped.");

        Assert.Equal([new ExtractedValue("Lashkar-e-Taiba", "LeT was banned.")], values);
        // The evidence names the alias that matched, for "why this hit".
        Assert.Equal("alias \"LeT\"", values[0].Rule);
    }

    [Fact]
    public void Groups_WhenAmbiguousAcronymConfirmed_CountsIt() =>
        Assert.Equal(["Hizbul Mujahideen"], Groups("Hizbul Mujahideen (HM) was named."));

    [Fact]
    public void Groups_WhenAmbiguousAcronymAlone_FindsNothing() =>
        Assert.Empty(Groups("The HM visited the border."));
}
