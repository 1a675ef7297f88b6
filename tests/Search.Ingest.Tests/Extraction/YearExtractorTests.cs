using Search.Ingest.Cleaning;
using Search.Ingest.Extraction;

namespace Search.Ingest.Tests.Extraction;

public sealed class YearExtractorTests
{
    private static int? Year(string raw) => YearExtractor.Extract(TextCleaner.Clean(raw))?.Year;

    [Theory]
    [InlineData("5.1 C\nFriday, December 9, 2022\n\nHeadline for the story\n\nBody text here.", 2022)]
    [InlineData("Headline for the story\n\nPublished: 26 November 2018\n\nBody text here.", 2018)]
    [InlineData("June 27, 2023\n\nHeadline for the story\n\nBody text here.", 2023)]
    [InlineData("Updated: 2023-06-27\n\nHeadline for the story\n\nBody text here.", 2023)]
    [InlineData("Posted on March 3, 2020\n\nHeadline for the story\n\nBody text here.", 2020)]
    [InlineData("ISLAMABAD, June 27, 2023 (Reuters) - Pakistan rejected the remarks.", 2023)]
    [InlineData("Headline for the story\n\nPompeo on Monday, 26 November 2018, called upon Pakistan to act over the 2008 attacks.", 2018)]
    public void Year_WhenDatelineStatesIt_FindsIt(string raw, int expected) => Assert.Equal(expected, Year(raw));

    [Theory]
    [InlineData("ISLAMABAD, June 27 (Reuters) - Pakistan rejected the remarks.")]
    [InlineData("Headline for the story\n\nThe envoy recalled the 2008 Mumbai attacks.")]
    [InlineData("Headline for the story\n\nThe talks continue what was discussed at the March 2023 CT Dialogue.")]
    [InlineData("Headline for the story\n\nThe attack took place on 26 November 2008 in Mumbai.")]
    [InlineData("Headline for the story\n\nPompeo on Monday, 26 November 2018, called upon Pakistan to act before the 2019 review.")]
    [InlineData("Headline for the story\n\nPublished: undefined\n\nBody text here.")]
    public void Year_WhenOnlyEventYears_IsUnknown(string raw) => Assert.Null(Year(raw));

    [Fact]
    public void Year_WhenFullDate_GivesDateAndEvidence()
    {
        var found = YearExtractor.Extract(TextCleaner.Clean("Friday, December 9, 2022\n\nHeadline for the story\n\nBody."));

        Assert.Equal(new ExtractedYear(2022, new DateOnly(2022, 12, 9), "Friday, December 9, 2022"), found);
    }
}
