using Lucene.Net.Index;
using Search.Core.Facets;

namespace Search.Core.Tests;

public sealed class FacetResultBuilderTests : IDisposable
{
    private readonly TestIndex _index = new(
    [
        Articles.Make("1", "", "x", 2019, speakers: ["Ann"]),
        Articles.Make("2", "", "x", 2020, speakers: ["Ann", "Bob"]),
        Articles.Make("3", "", "x", 2021, speakers: ["Bob"]),
        Articles.Make("4", "", "x", 2021, speakers: ["Cy"]),
    ]);

    private readonly DirectoryReader _reader;

    public FacetResultBuilderTests() => _reader = DirectoryReader.Open(SearchSchema.OpenDirectory(_index.Path));

    public void Dispose()
    {
        _reader.Dispose();
        _index.Dispose();
    }

    private static string Show(FacetResult result) =>
        $"{result.DistinctValues}: " + string.Join(", ", result.Values.Select(v => $"{v.Value} {v.Count}{(v.Selected ? "*" : "")}"));

    // Speaker ordinals follow value order: Ann 0, Bob 1, Cy 2.
    [Theory]
    [InlineData(new[] { 3, 2, 1 }, 2, new string[0], "3: Ann 3, Bob 2")]
    [InlineData(new[] { 3, 2, 1 }, 10, new string[0], "3: Ann 3, Bob 2, Cy 1")]
    [InlineData(new[] { 3, 2, 1 }, 0, new string[0], "3: ")]
    [InlineData(new[] { 2, 2, 2 }, 1, new string[0], "3: Ann 2")]
    [InlineData(new[] { 1, 2, 2 }, 2, new string[0], "3: Bob 2, Cy 2")]
    [InlineData(new[] { 3, 2, 1 }, 1, new[] { "Cy" }, "3: Ann 3, Cy 1*")]
    [InlineData(new[] { 3, 2, 1 }, 2, new[] { "Bob" }, "3: Ann 3, Bob 2*")]
    [InlineData(new[] { 3, 0, 1 }, 1, new[] { "Bob", "Zed" }, "2: Ann 3, Bob 0*, Zed 0*")]
    public void Build_ReturnsTheTopNByCountThenValuePlusEverySelectedValue(int[] counts, int topN, string[] selected, string expected)
    {
        var ordinals = FacetReaderState.For(_reader, FacetSchema.Default)[FacetNames.Speaker];
        var result = FacetResultBuilder.Build(FacetSchema.Speaker, counts, ordinals, selected, selected, new FacetOptions { TopN = topN });
        Assert.Equal(expected, Show(result));
    }

    [Theory]
    [InlineData(false, "3: 2019 1, 2020 1, 2021 2")]
    [InlineData(true, "3: 2019 1, 2020 1, 2021 2")]
    public void Build_ForYears_AlwaysListsThemChronologically(bool askedByValue, string expected)
    {
        var ordinals = FacetReaderState.For(_reader, FacetSchema.Default)[FacetNames.Year];
        var result = FacetResultBuilder.Build(FacetSchema.Year, [1, 1, 2], ordinals, [], [], new FacetOptions { TopN = 10, OrderedByValue = askedByValue ? [FacetNames.Year] : [] });
        Assert.Equal(expected, Show(result));
    }

    [Fact]
    public void Build_ForAYearFacetNotListedByValue_OrdersByCount()
    {
        var ordinals = FacetReaderState.For(_reader, FacetSchema.Default)[FacetNames.Year];
        var result = FacetResultBuilder.Build(FacetSchema.Year with { ListedByValue = false }, [1, 1, 2], ordinals, [], [], new FacetOptions { TopN = 10 });
        Assert.Equal("3: 2021 2, 2019 1, 2020 1", Show(result));
    }
}
