namespace Search.Core.Tests;

/// <summary>A facet is data: a schema with facets the library has never heard of works like the default one.</summary>
public sealed class FacetSchemaTests
{
    private static readonly FacetDefinition Pages = new() { Name = "pages", Label = "Length", Kind = FacetKind.Integer, MultiValued = false, MinValue = 1, MaxValue = 500 };
    private static readonly FacetDefinition Desk = new() { Name = "desk", Label = "Desks", MatchesWords = true };
    private static readonly FacetSchema Schema = new([Desk, Pages]);

    private static Article Make(string id, string body, string pages, params string[] desks) => new()
    {
        Id = id,
        Title = id,
        Body = body,
        Facets = new Dictionary<string, IReadOnlyList<string>> { ["desk"] = desks, ["pages"] = [pages] },
    };

    private static TestIndex Build() => new(
        [
            Make("a", "sanctions were discussed", "9", "South Asia Desk"),
            Make("b", "sanctions were lifted", "10", "South Asia Desk", "Economics Desk"),
            Make("c", "talks were held", "120", "Economics Desk"),
        ],
        new SearchIndexOptions { Facets = Schema });

    [Fact]
    public void CustomSchema_CountsFiltersAndReturnsItsFacets()
    {
        using var index = Build();

        var response = index.Search("sanctions", r => r with { Filters = Facets.Filter("desk", "economics desk") });

        Assert.Equal(["b"], response.Hits.Select(h => h.Id));
        Assert.Equal(["desk", "pages"], response.Facets.Select(f => f.Name));
        Assert.Equal(["Desks", "Length"], response.Facets.Select(f => f.Label));
        Assert.Equal("South Asia Desk=2, Economics Desk=1*", string.Join(", ", response.Facets[0].Values.Select(v => $"{v.Value}={v.Count}{(v.Selected ? "*" : "")}")));
        Assert.Equal(["South Asia Desk", "Economics Desk"], response.Hits[0].Facets["desk"]);
        Assert.Equal(["10"], response.Hits[0].Facets["pages"]);
    }

    [Fact]
    public void IntegerFacet_TakesRangesInRequestsAndQueriesAndOrdersByNumber()
    {
        using var index = Build();

        var ranged = index.Search("", r => r with { Ranges = new Dictionary<string, FacetRange> { ["pages"] = new(10, null) } });
        var queried = index.Search("pages:[1 TO 10]");
        var ordered = index.Search("", r => r with { Facets = new FacetOptions { OrderedByValue = ["pages"] } });

        Assert.Equal(["b", "c"], ranged.Hits.Select(h => h.Id).Order());
        Assert.Equal(["a", "b"], queried.Hits.Select(h => h.Id).Order());
        Assert.Equal(["9", "10", "120"], ordered.Facets.Single(f => f.Name == "pages").Values.Select(v => v.Value));
    }

    [Fact]
    public void KeywordFacet_ThatMatchesWords_FindsAValueByOneOfItsWords()
    {
        using var index = Build();

        Assert.Equal(["b", "c"], index.Search("desk:economics").Hits.Select(h => h.Id).Order());
        Assert.Equal(["a", "b"], index.Search("desk:\"South Asia Desk\"").Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public void UnknownFacets_AreRejectedWithTheSchemasNames()
    {
        using var index = Build();

        var error = Assert.Throws<InvalidSearchRequestException>(() => index.Search("", r => r with { Filters = Facets.Filter("group", "LeT") }));
        Assert.Equal("Unknown facet 'group'. Known facets: desk, pages.", error.Message);
        Assert.Contains("Search fields are title, body, desk and pages; searched the words instead.", index.Search("group:LeT").Warnings.Single());
    }

    [Fact]
    public void Writer_RejectsAValueTheSchemaDoesNotAccept()
    {
        using var index = Build();
        using var writer = index.Index.OpenWriter();

        var twoValues = Assert.Throws<ArgumentException>(() => writer.Upsert(Make("d", "text", "9") with
        {
            Facets = new Dictionary<string, IReadOnlyList<string>> { ["pages"] = ["9", "12"] },
        }));
        var notANumber = Assert.Throws<ArgumentException>(() => writer.Upsert(Make("e", "text", "many")));
        Assert.StartsWith("The facet 'pages' takes one value; the article 'd' has 2 (9, 12).", twoValues.Message);
        Assert.StartsWith("The article 'e' has 'many' for the facet 'pages', which takes a whole number from 1 to 500.", notANumber.Message);
    }

    [Theory]
    [InlineData("Group")]
    [InlineData("title")]
    [InlineData("a b")]
    public void Schema_RejectsNamesThatCannotBeFields(string name)
    {
        Assert.Throws<ArgumentException>(() => new FacetSchema([new FacetDefinition { Name = name }]));
    }

    [Fact]
    public void Schema_RejectsAFacetDefinedTwice()
    {
        var error = Assert.Throws<ArgumentException>(() => new FacetSchema([Desk, Desk]));
        Assert.StartsWith("The facet 'desk' is defined twice.", error.Message);
    }

    [Theory]
    [InlineData("LeT", "Lashkar-e-Taiba")]
    [InlineData(" jem ", "Jaish-e-Mohammed")]
    [InlineData("Unknown Group", "Unknown Group")]
    public void GroupDefinition_ResolvesAliasesThroughTheTable(string typed, string stored)
    {
        Assert.Equal(stored, FacetSchema.Group.Resolve(typed, GroupAliasTable.Default));
    }
}
