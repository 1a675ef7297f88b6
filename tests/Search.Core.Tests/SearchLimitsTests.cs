namespace Search.Core.Tests;

public sealed class SearchLimitsTests
{
    [Theory]
    [InlineData("2019", 2019)]
    [InlineData(" 2019 ", 2019)]
    [InlineData("9999", 9999)]
    public void YearFacet_WhenANumberInRange_ReadsTheYear(string text, int expected)
    {
        Assert.True(FacetSchema.Year.TryParseInteger(text, out var year));
        Assert.Equal(expected, year);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("10000")]
    [InlineData("-5")]
    [InlineData("20x9")]
    [InlineData("2019.0")]
    [InlineData("twenty")]
    public void YearFacet_WhenNotANumberInRange_Refuses(string? text) =>
        Assert.False(FacetSchema.Year.TryParseInteger(text, out _));

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData("relevance", SortOrder.Relevance)]
    [InlineData("Newest", SortOrder.Newest)]
    [InlineData(" OLDEST ", SortOrder.Oldest)]
    public void TryParseSort_WhenKnownOrBlank_ReadsTheOrder(string? text, SortOrder? expected)
    {
        Assert.True(SearchLimits.TryParseSort(text, out var sort));
        Assert.Equal(expected, sort);
    }

    [Theory]
    [InlineData("sideways")]
    [InlineData("1")]
    [InlineData("date")]
    public void TryParseSort_WhenUnknown_Refuses(string text) =>
        Assert.False(SearchLimits.TryParseSort(text, out _));

    [Fact]
    public void Messages_NameTheValueAndWhereItCameFrom()
    {
        Assert.Equal("'20x9' is not a year; use four digits, such as 2019.", FacetSchema.Year.InvalidValueMessage("20x9"));
        Assert.Equal("Unknown sort 'sideways'; use relevance, newest or oldest.", SearchLimits.UnknownSort("sideways"));
    }
}
