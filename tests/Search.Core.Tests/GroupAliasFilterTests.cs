using Lucene.Net.Analysis.Standard;
using Search.Core.Analysis;

namespace Search.Core.Tests;

public sealed class GroupAliasFilterTests
{
    /// <summary>Each token as text+position increment@start-end, the group term's control character shown as ^.</summary>
    private static string Tokens(string text, bool forQuery) =>
        string.Join(" ", TokenDump.Of(new GroupAliasFilter(new StandardTokenizer(SearchSchema.Version, new StringReader(text)), GroupAliasTable.Default, forQuery)));

    [Theory]
    [InlineData("they let it go", false, "they+1@0-4 let+1@5-8 it+1@9-11 go+1@12-14")]
    [InlineData("LeT and JeM", false, "LeT+1@0-3 ^group:lashkar-e-taiba+0@0-3 and+1@4-7 JeM+1@8-11 ^group:jaish-e-mohammed+0@8-11")]
    [InlineData("LeT and JeM", true, "^group:lashkar-e-taiba+1@0-3 and+1@4-7 ^group:jaish-e-mohammed+1@8-11")]
    [InlineData("Lashkar-e-Taiba said", true, "Lashkar+1@0-7 ^group:lashkar-e-taiba+0@0-15 e+1@8-9 Taiba+1@10-15 said+1@16-20")]
    [InlineData("HM attacked", false, "HM+1@0-2 attacked+1@3-11")]
    [InlineData("Hizbul Mujahideen and HM", false, "Hizbul+1@0-6 ^group:hizbul mujahideen+0@0-17 Mujahideen+1@7-17 and+1@18-21 HM+1@22-24 ^group:hizbul mujahideen+0@22-24")]
    public void Filter_AddsOneGroupTokenPerNameAndDropsAcronymsAtQueryTime(string text, bool forQuery, string expected) =>
        Assert.Equal(expected, Tokens(text, forQuery));
}
