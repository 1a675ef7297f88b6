using Search.Ingest.Extraction;

namespace Search.Ingest.Tests.Extraction;

public sealed class DateParserTests
{
    [Theory]
    [InlineData("1987-02-26", 1987, 2, 26)]
    [InlineData("26-FEB-1987 15:01:01.79", 1987, 2, 26)]
    [InlineData("Thu, 26 Feb 1987 15:01:01 GMT", 1987, 2, 26)]
    [InlineData("1875-06-01", 1875, 6, 1)]
    [InlineData("2023-06-27T10:14:00+05:00", 2023, 6, 27)]
    [InlineData("3rd March 2021", 2021, 3, 3)]
    public void ParseMetadata_KeepsAnyYearTheSourceGives(string value, int year, int month, int day)
    {
        var parsed = DateParser.ParseMetadata(value);

        Assert.NotNull(parsed);
        Assert.Equal((year, month, day), (parsed.Value.Year, parsed.Value.Month, parsed.Value.Day));
    }

    [Theory]
    [InlineData("")]
    [InlineData("undefined")]
    [InlineData("soon")]
    public void ParseMetadata_WhenNotADate_IsNull(string value) => Assert.Null(DateParser.ParseMetadata(value));

    [Theory]
    [InlineData("Mar 3, 2021, 10:14 IST", 2021, "2021-03-03")]
    [InlineData("Jun 04 2022, 06:33 ist", 2022, "2022-06-04")]
    [InlineData("Wed 17th July 2019 | 03:52 PM", 2019, "2019-07-17")]
    [InlineData("20th of November 2021", 2021, "2021-11-20")]
    [InlineData("20.11.2021", 2021, "2021-11-20")]
    [InlineData("11/20/2021", 2021, "2021-11-20")]
    [InlineData("03/04/2021", 2021, null)]
    public void FindDates_ReadsTheCommonShapes(string text, int year, string? date)
    {
        var found = Assert.Single(DateParser.FindDates(text));

        Assert.Equal(year, found.Year);
        Assert.Equal(date, found.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("The revolt of 12 May 1857 spread north.")]
    [InlineData("Version 3.1.5.2021 of the tool.")]
    public void FindDates_InTextIgnoresImplausibleYears(string text) => Assert.DoesNotContain(DateParser.FindDates(text), d => d.Year is not null);
}
