using System.Text.Json;
using Search.Core;
using Search.Elastic.Mapping;

namespace Search.Elastic.Tests.Mapping;

public sealed class IndexDefinitionTests
{
    private static readonly GroupAliasTable SmallTable = GroupAliasTable.Parse(new StringReader(
        """
        Lashkar-e-Taiba | LeT | Lashkar-e-Tayyiba | Army of the Pure
        Hizbul Mujahideen | HM? | Hizb-ul-Mujahideen
        The Resistance Front | TRF
        """), "test");

    [Fact]
    public void Articles_ForDefaultSchemaAndAliases_MatchesGoldenJson() =>
        Querying.Golden.AssertMatches("settings-and-mappings",
            DefinitionJson.Serialize(IndexDefinition.Articles("news", FacetSchema.Default, GroupAliasTable.Default)));

    [Fact]
    public void Statements_ForDefaultAliases_MatchesGoldenJson() =>
        Querying.Golden.AssertMatches("statements-settings-and-mappings",
            DefinitionJson.Serialize(IndexDefinition.Statements("news", GroupAliasTable.Default)));

    [Fact]
    public void Articles_MapsEachFacetByKind()
    {
        using var json = JsonDocument.Parse(DefinitionJson.Serialize(IndexDefinition.Articles("news", FacetSchema.Default, SmallTable)));
        var properties = json.RootElement.GetProperty("mappings").GetProperty("properties");

        Assert.Equal("keyword", properties.GetProperty("group").GetProperty("type").GetString());
        Assert.Equal("keyword", properties.GetProperty("month").GetProperty("type").GetString());
        Assert.Equal("integer", properties.GetProperty("year").GetProperty("type").GetString());
        Assert.Equal("date", properties.GetProperty("published").GetProperty("type").GetString());
        Assert.Equal("names", properties.GetProperty("speaker").GetProperty("fields").GetProperty("words").GetProperty("analyzer").GetString());
        Assert.Equal("with_positions_offsets", properties.GetProperty("body").GetProperty("term_vector").GetString());
        Assert.Equal("news_search", properties.GetProperty("title").GetProperty("search_analyzer").GetString());
        Assert.False(properties.GetProperty("url").GetProperty("index").GetBoolean());
        Assert.Equal("strict", json.RootElement.GetProperty("mappings").GetProperty("dynamic").GetString());
    }

    [Fact]
    public void Articles_AnalyzersRunAcronymsBeforeLowerCaseAndKeepGroupTokensFromTheStemmer()
    {
        using var json = JsonDocument.Parse(DefinitionJson.Serialize(IndexDefinition.Articles("news", FacetSchema.Default, SmallTable)));
        var analyzers = json.RootElement.GetProperty("settings").GetProperty("analysis").GetProperty("analyzer");

        Assert.Equal(
            "news_possessive news_group_acronyms lowercase asciifolding news_group_names news_stop news_group_keywords porter_stem",
            string.Join(' ', analyzers.GetProperty("news").GetProperty("filter").EnumerateArray().Select(f => f.GetString())));
        Assert.Equal(
            "news_possessive news_group_acronyms_search lowercase asciifolding news_group_names_search news_stop news_group_keywords porter_stem",
            string.Join(' ', analyzers.GetProperty("news_search").GetProperty("filter").EnumerateArray().Select(f => f.GetString())));
    }

    [Fact]
    public void GroupSynonyms_SplitAcronymsFromNames_AndLeaveAmbiguousAliasesOut()
    {
        Assert.Equal(["LeT => LeT, grp_lashkar_e_taiba", "TRF => TRF, grp_the_resistance_front"], GroupSynonyms.AcronymRules(SmallTable, forQuery: false));
        Assert.Equal(["LeT => grp_lashkar_e_taiba", "TRF => grp_the_resistance_front"], GroupSynonyms.AcronymRules(SmallTable, forQuery: true));
        Assert.Equal(
            [
                "Lashkar-e-Taiba => Lashkar-e-Taiba, grp_lashkar_e_taiba",
                "Lashkar-e-Tayyiba => Lashkar-e-Tayyiba, grp_lashkar_e_taiba",
                "Army of the Pure => Army of the Pure, grp_lashkar_e_taiba",
                "Hizbul Mujahideen => Hizbul Mujahideen, grp_hizbul_mujahideen",
                "Hizb-ul-Mujahideen => Hizb-ul-Mujahideen, grp_hizbul_mujahideen",
                "Resistance Front => Resistance Front, grp_the_resistance_front",
            ],
            GroupSynonyms.NameRules(SmallTable));
    }

    [Theory]
    [InlineData("Lashkar-e-Taiba", "grp_lashkar_e_taiba")]
    [InlineData("Tehrik-i-Taliban Pakistan", "grp_tehrik_i_taliban_pakistan")]
    [InlineData("Ansar al-Shari'a", "grp_ansar_al_sharia")]
    [InlineData("Jaish-e-Muhammad (JeM)", "grp_jaish_e_muhammad_jem")]
    [InlineData("Ḥarakat", "grp_harakat")]
    public void GroupToken_IsOneLowerCaseAsciiWord(string canonical, string token) =>
        Assert.Equal(token, GroupSynonyms.Token(canonical));

    [Fact]
    public void Statements_IsNamedAfterTheArticleIndex() =>
        Assert.Equal("archive-statements", IndexDefinition.StatementsIndex("archive"));

    [Theory]
    [InlineData("news", true)]
    [InlineData("news-2024.v2", true)]
    [InlineData("News", false)]
    [InlineData("_news", false)]
    [InlineData("my news", false)]
    [InlineData("..", false)]
    [InlineData("", false)]
    public void IsValidName_FollowsTheEnginesIndexNameRules(string name, bool valid) =>
        Assert.Equal(valid, IndexDefinition.IsValidName(name));
}
