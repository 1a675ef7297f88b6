using Search.Ingest.Cleaning;
using Search.Ingest.Extraction;

namespace Search.Ingest.Tests.Extraction;

public sealed class YearExtractorTests
{
    private static int? Year(string raw, string? url = null) => YearExtractor.Extract(TextCleaner.Clean(raw), url)?.Year;

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
    [InlineData("Envoy rejects the charge\n\n2021-03-03\n\nThe envoy rejected the charge on Tuesday.", 2021)]
    [InlineData("Envoy rejects the charge\n\nBy Sara Qadir\n\n3rd March 2021\n\nThe envoy rejected the charge on Tuesday.", 2021)]
    [InlineData("Envoy rejects the charge\n\nAsad Malik\n\nMar 3, 2021, 10:14 IST\n\nThe envoy rejected the charge on Tuesday.", 2021)]
    [InlineData("Envoy rejects the charge\n\nBy Sara Qadir | March 3, 2021\n\nThe envoy rejected the charge on Tuesday.", 2021)]
    [InlineData("Envoy rejects the charge\n\nPTI | Mar 3, 2021, 10:14 IST\n\nThe envoy rejected the charge on Tuesday.", 2021)]
    [InlineData("Envoy rejects the charge\n\nOmar Wani, DHNS, Srinagar, Jun 04 2021, 06:33 ist\n\nThe envoy rejected the charge on Tuesday.", 2021)]
    [InlineData("Envoy rejects the charge\n\nWeb Desk | Wed 17th July 2019 | 03:52 PM\n\nThe envoy rejected the charge on Tuesday.", 2019)]
    [InlineData("Envoy rejects the charge\n\nPublished: 20th November 2021 02:08 PM | Last Updated: 21st November 2022 11:03 PM\n\nThe envoy rejected the charge.", 2021)]
    [InlineData("Envoy rejects the charge\n\nThe envoy rejected the charge on Tuesday.\n\nStory first published: Monday, June 25, 2018, 8:11 [IST]", 2018)]
    [InlineData("Envoy rejects the charge\n\nLast updated on Nov 01, 2020, 07:11 pm\n\nThe envoy rejected the charge on Tuesday.", 2020)]
    [InlineData("Envoy rejects the charge\n\nKARACHI (Wirenews / Agency - 17th July, 2019) The envoy rejected the charge.", 2019)]
    [InlineData("Envoy rejects the charge\n\n20.11.2021\n\nThe envoy rejected the charge on Tuesday.", 2021)]
    [InlineData("Envoy rejects the charge\n\nPosted: 9:40 a.m. Tuesday, Sept. 7, 2010\n\nThe envoy rejected the charge.", 2010)]
    [InlineData("Envoy rejects the charge\n\nPUBLISHED: 18:05 GMT, 17 September 2016 | UPDATED: 09:10 GMT, 18 September 2016\n\nThe envoy rejected the charge.", 2016)]
    [InlineData("PUBLISHED ON 05 MAY 2023 \u25CF 11:20 AM\n\nEnvoy rejects the charge\n\nThe envoy rejected the charge.", 2023)]
    [InlineData("Dated: 21-08-2017\n\nEnvoy rejects the charge\n\nThe envoy rejected the charge.", 2017)]
    [InlineData(" date 2019-04-30\n\nEnvoy rejects the charge\n\nThe envoy rejected the charge.", 2019)]
    [InlineData("Envoy rejects the charge\n\nThe envoy rejected the charge.\n\nThis article was originally published on August 24, 2023.", 2023)]
    [InlineData("Embassy of the Republic\n\nFor Immediate Release | June 8, 2014\n\nThe envoy rejected the charge.", 2014)]
    [InlineData("Briefings and Releases|\n\nTranscript of the Weekly Press Briefing by the Spokesperson on Thursday, 10 June 2021\n\nGood afternoon.", 2021)]
    [InlineData("Source: https://news.example.com/06-Mar-2019/envoy-rejects-charge\n\nEnvoy rejects the charge\n\nThe envoy rejected the charge.", 2019)]
    [InlineData("Lahore, November 21, 2011 \u2014 The envoy rejected the charge on Monday.", 2011)]
    [InlineData("June 14, 2018 / 7:02 AM / Updated 3 hours ago\n\nEnvoy rejects the charge\n\nThe envoy rejected the charge.", 2018)]
    public void Year_WhenBylineOrMarkerStatesIt_FindsIt(string raw, int expected) => Assert.Equal(expected, Year(raw));

    [Theory]
    // The day the page was saved, above the headline, loses to the byline's date…
    [InlineData("Monday, November 30, 2026\n\nEnvoy rejects the charge\n\nBy Sara Qadir | March 3, 2021\n\nThe envoy rejected the charge.", 2021)]
    [InlineData("Mon, Nov 30, 2026\n\nEnvoy rejects the charge\n\nPTI | Mar 3, 2021\n\nThe envoy rejected the charge.", 2021)]
    // …and to a second, older date line: a page is never saved before it is published.
    [InlineData("Monday, November 30, 2026\n\nEnvoy rejects the charge\n\nBy Sara Qadir\n\nMarch 3, 2021\n\nThe envoy rejected the charge.", 2021)]
    // "Published" wins over "Updated", whichever comes first.
    [InlineData("Updated: 4 January 2022\n\nPublished: 30 December 2021\n\nEnvoy rejects the charge\n\nThe envoy rejected the charge.", 2021)]
    public void Year_WhenHeaderDateAndPublicationDate_PrefersPublication(string raw, int expected) => Assert.Equal(expected, Year(raw));

    [Theory]
    [InlineData("https://news.example.com/world/2021/03/03/envoy-rejects-charge", 2021)]
    [InlineData("https://news.example.com/nation/2021/nov/20/envoy-rejects-charge-2385995.html", 2021)]
    [InlineData("https://news.example.com/30-Apr-2015/envoy-rejects-charge", 2015)]
    [InlineData("https://news.example.com/envoy-rejects-charge-2019-07-17.html", 2019)]
    [InlineData("https://news.example.com/2019/08/envoy-rejects-charge/", 2019)]
    [InlineData("https://news.example.com/world/2008/0317/p99s01-envoy.html", 2008)]
    public void Year_WhenUrlHasDatePath_FindsIt(string url, int expected) =>
        Assert.Equal(expected, Year("Envoy rejects the charge\n\nThe envoy rejected the charge on Tuesday.", url));

    [Theory]
    [InlineData("https://news.example.com/world/envoy-rejects-charge-2105597.html")]
    [InlineData("https://news.example.com/topics/2008/envoy-rejects-charge")]
    [InlineData("https://news.example.com/budget-2010-11-explained")]
    public void Year_WhenUrlHasNoDatePath_IsUnknown(string url) =>
        Assert.Null(Year("Envoy rejects the charge\n\nThe envoy rejected the charge on Tuesday.", url));

    [Fact]
    public void Year_WhenUrlAndHeaderDateDisagree_TakesUrl() =>
        Assert.Equal(2021, Year("Monday, November 30, 2026\n\nEnvoy rejects the charge\n\nThe envoy rejected the charge.", "https://news.example.com/2021/03/03/envoy"));

    [Theory]
    [InlineData("ISLAMABAD, June 27 (Reuters) - Pakistan rejected the remarks.")]
    [InlineData("Islamabad, Aug 29: Pakistan has banned the outfit, an official said.")]
    [InlineData("Headline for the story\n\nThe envoy recalled the 2008 Mumbai attacks.")]
    [InlineData("Headline for the story\n\nThe talks continue what was discussed at the March 2023 CT Dialogue.")]
    [InlineData("Headline for the story\n\nThe attack took place on 26 November 2008 in Mumbai.")]
    [InlineData("Headline for the story\n\nPompeo on Monday, 26 November 2018, called upon Pakistan to act before the 2019 review.")]
    [InlineData("Headline for the story\n\nPublished: undefined\n\nBody text here.")]
    [InlineData("Headline for the story\n\nThe report was published on March 3, 2019, and the envoy rejected it.")]
    [InlineData("Headline for the story\n\nThe blast on March 3, 2019 killed four people, PTI reported.")]
    [InlineData("Headline for the story\n\nOn March 3, 2019, the army said it had cleared the area.")]
    [InlineData("Headline for the story\n\nThe rate is fixed until the reset date starting June 15, 2019 for holders.")]
    [InlineData("NEW YORK, March 3 - The bank will pay the coupon on\nMarch 1, 1997 and 75 mln dlrs on\nJune 28, 1996, will be redeemed.")]
    public void Year_WhenOnlyEventYears_IsUnknown(string raw) => Assert.Null(Year(raw));

    [Theory]
    // A hard-wrapped wire story: the maturity date falls on a line of its own.
    [InlineData("NEW YORK, March 3 - The company said it sold 100 mln dlrs of notes\ndue December 1, 1998.\nThe notes were priced at par.")]
    [InlineData("NEW YORK, March 3 - The company said it sold 100 mln dlrs of notes\nDue December 1, 1998\nThe notes were priced at par.")]
    [InlineData("NEW YORK, March 3 - The notes pay interest twice a year and mature on\nOct 15, 1992.\nThey were priced at par.")]
    [InlineData("Headline for the story\n\nUntil June 30, 2024\n\nThe offer was extended.")]
    [InlineData("Headline for the story\n\nBy March 3, 2024 the plan must be in place\n\nThe offer was extended.")]
    [InlineData("Headline for the story\n\nBy Friday, March 3, 2024 the plan must be in place\n\nThe offer was extended.")]
    public void Year_WhenDeadlineOrMaturityStandsAlone_IsUnknown(string raw) => Assert.Null(Year(raw));

    [Fact]
    public void Year_WhenFullDate_GivesDateAndEvidence()
    {
        var found = YearExtractor.Extract(TextCleaner.Clean("Friday, December 9, 2022\n\nHeadline for the story\n\nBody."));

        Assert.Equal(new ExtractedYear(2022, new DateOnly(2022, 12, 9), "Friday, December 9, 2022"), found);
    }

    [Fact]
    public void Year_WhenByline_GivesTheBylineAsEvidence()
    {
        var found = YearExtractor.Extract(TextCleaner.Clean("Envoy rejects the charge\n\nBy Sara Qadir | March 3, 2021\n\nThe envoy rejected the charge."));

        Assert.Equal(new ExtractedYear(2021, new DateOnly(2021, 3, 3), "By Sara Qadir | March 3, 2021"), found);
    }
}
