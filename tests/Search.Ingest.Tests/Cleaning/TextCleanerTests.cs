using Search.Ingest.Cleaning;

namespace Search.Ingest.Tests.Cleaning;

public sealed class TextCleanerTests
{
    [Theory]
    [InlineData("5.1 C")]
    [InlineData("23°C Islamabad")]
    [InlineData("Latest news")]
    [InlineData("Related news")]
    [InlineData("Leave a Comment")]
    [InlineData("ADVERTISEMENT")]
    [InlineData("advertisement")]
    [InlineData("SCROLL FOR NEXT")]
    [InlineData("SCROLL FOR MORE")]
    [InlineData("Also read: Kabul airport reopens for domestic flights")]
    [InlineData("Please email your videos, stories and opinions to the desk and we will publish them.")]
    [InlineData("(At The Quint, we question everything. Play an active role by becoming a member today.)")]
    [InlineData("Subscribe to our newsletter")]
    [InlineData("Sign up for our daily newsletter")]
    [InlineData("Support independent journalism by becoming a member today.")]
    [InlineData("Please support our journalism.")]
    [InlineData("By")]
    [InlineData("Web Desk")]
    [InlineData("PTI")]
    [InlineData("World")]
    [InlineData("(Photo: PTI)")]
    [InlineData("i")]
    [InlineData(".")]
    public void Cleaner_WhenBoilerplateLine_DropsIt(string line) => Assert.True(TextCleaner.IsBoilerplate(line));

    [Theory]
    [InlineData("Lu said the groups still remain.")]
    [InlineData("By the end of the year, Pakistan had arrested 12 suspects.")]
    [InlineData("The weather in Islamabad was 23 degrees when the minister spoke.")]
    [InlineData("Pakistan has taken positive steps to address cross-border militancy.")]
    [InlineData("Pakistan hopes to become a member of the Nuclear Suppliers Group, the Foreign Office said.")]
    [InlineData("Afghanistan is on its way to becoming a member of the regional grouping.")]
    [InlineData("The minister said the province would support independent journalism.")]
    [InlineData("\"We subscribe to our allies' view of the threat,\" he said.")]
    public void Cleaner_WhenRealSentence_KeepsIt(string line) => Assert.False(TextCleaner.IsBoilerplate(line));

    [Fact]
    public void Cleaner_WhenWholeStoryIsOneLineOpeningWithAPlug_KeepsTheStory()
    {
        // Scraped text often arrives as one line, site clutter first.
        var story = "Sign up for our newsletter. ISLAMABAD: The Foreign Office said on Tuesday that Pakistan had asked to become a member of the "
            + string.Concat(Enumerable.Repeat("regional grouping, and officials said talks would continue through the year. ", 6));

        var cleaned = TextCleaner.Clean(story);

        Assert.Equal(story.Trim(), cleaned.Body);
    }

    [Theory]
    [InlineData("    The dry period means the temporao will be late.", "The dry period means the temporao will be late.")]
    [InlineData("a\tb\u00A0\u00A0c  d \u200Be", "a b c d e")]
    [InlineData("one two <b>three</b>", "one two three")]
    [InlineData("Tom &amp;  Jerry\u2009", "Tom & Jerry")]
    public void Cleaner_WhenSpacesRunTogether_LeavesOnePlainSpace(string line, string expected) =>
        Assert.Equal(expected, TextCleaner.Clean("Headline words here\n" + line + "\nEnd.").Body.Split("\n\n")[0]);

    [Theory]
    [InlineData("the <Nichols National Bank> said", "the <Nichols National Bank> said")]
    [InlineData("General Motors Corp <GM> said", "General Motors Corp <GM> said")]
    [InlineData("include the <emscripten.h> header", "include the <emscripten.h> header")]
    [InlineData("<p class=\"lead\">Talks resumed</p>", "Talks resumed")]
    [InlineData("Talks <br/> resumed", "Talks resumed")]
    [InlineData("<b>Talks</B> resumed", "Talks resumed")]
    [InlineData("Du Pont Co <DD> and U.S. Air Group Inc <U> said", "Du Pont Co <DD> and U.S. Air Group Inc <U> said")]
    [InlineData("oil producer <Ina-Naftaplin> said", "oil producer <Ina-Naftaplin> said")]
    [InlineData("Talks resumed<o:p></o:p>", "Talks resumed")]
    [InlineData("<amp-img src=\"a.jpg\" layout=\"fill\"></amp-img>Talks resumed", "Talks resumed")]
    [InlineData("&lt;span&gt;Talks resumed", "Talks resumed")]
    public void Cleaner_WhenAngleBrackets_StripsTagsAndKeepsOtherText(string line, string expected) =>
        Assert.Equal(expected, TextCleaner.Clean("Headline words here\n" + line + "\nEnd.").Body.Split("\n\n")[0]);

    [Theory]
    [InlineData("Updated 3 hours ago")]
    [InlineData("Posted by Ali at 11:24 PM")]
    [InlineData("Published:")]
    [InlineData("Last updated on June 27th, 2017")]
    [InlineData("PUBLISHED ON 06 MAY 2023 \u25CF 10:40 AM")]
    [InlineData("Updated - November 21, 2019 09:14 pm IST - New Delhi")]
    public void Cleaner_WhenPublicationStampLine_TakesItAsDateline(string line)
    {
        var cleaned = TextCleaner.Clean("Headline words here\nThe talks resumed.\n" + line + "\nEnd.");

        Assert.Equal([line], cleaned.Datelines);
        Assert.Equal("The talks resumed.\n\nEnd.", cleaned.Body);
    }

    [Theory]
    [InlineData("Published reports put the value of the order at 12 mln dlrs.")]
    [InlineData("Posted prices for naphtha were unchanged.")]
    [InlineData("Updated guidance will follow, the ministry said.")]
    [InlineData("published in more than 100 newspapers.")]
    public void Cleaner_WhenSentenceOpensWithAStampWord_KeepsItInTheBody(string line)
    {
        var cleaned = TextCleaner.Clean("Headline words here\nThe talks resumed.\n" + line + "\nEnd.");

        Assert.Empty(cleaned.Datelines);
        Assert.Equal("The talks resumed.\n\n" + line + "\n\nEnd.", cleaned.Body);
    }

    [Fact]
    public void Cleaner_WhenHardWrappedSentenceEndsInADebrisWord_KeepsTheLine()
    {
        var cleaned = TextCleaner.Clean("PROFIT UP AT MILL\nThe mill earned 12 cts a\nshare.\nIts chairman declined to\ncomment.\nShare\n");

        Assert.Equal("The mill earned 12 cts a\n\nshare.\n\nIts chairman declined to\n\ncomment.", cleaned.Body);
    }

    [Fact]
    public void Cleaner_WhenWeatherAndDateLead_TakesTitleAndDateline()
    {
        var cleaned = TextCleaner.Clean("5.1 C\nFriday, December 9, 2022\n\nUS hails progress against militants\n\nThe US hailed Pakistan.\n");

        Assert.Equal("US hails progress against militants", cleaned.Title);
        Assert.Equal("The US hailed Pakistan.", cleaned.Body);
        Assert.Equal(["Friday, December 9, 2022"], cleaned.Datelines);
    }

    [Fact]
    public void Cleaner_WhenTextStartsWithSentence_HasNoTitle()
    {
        var cleaned = TextCleaner.Clean("India and the United States called on Pakistan to act.\nThe two sides met in September.");

        Assert.Null(cleaned.Title);
        Assert.Equal("India and the United States called on Pakistan to act.\n\nThe two sides met in September.", cleaned.Body);
    }

    [Fact]
    public void Cleaner_WhenHeadlineRepeatedAfterByline_DropsRepeatAndByline()
    {
        var cleaned = TextCleaner.Clean("Pakistan going after militant groups 'selectively': U.S.\n\nBy\nWeb Desk\nPakistan going after militant groups 'selectively': U.S.\n\nWASHINGTON: The spokesman spoke.");

        Assert.Equal("Pakistan going after militant groups 'selectively': U.S.", cleaned.Title);
        Assert.Equal("WASHINGTON: The spokesman spoke.", cleaned.Body);
    }

    [Fact]
    public void Cleaner_WhenCaptionParagraphRepeated_KeepsOneCopy()
    {
        var cleaned = TextCleaner.Clean("Headline about the reward offer\n\nIn a statement, the minister condemned the attack.\ni\nIn a statement, the minister condemned the attack.\n(Photo: PTI)\n\nadvertisement\n\nHe spoke again later.");

        Assert.Equal("In a statement, the minister condemned the attack.\n\nHe spoke again later.", cleaned.Body);
    }

    [Fact]
    public void Cleaner_WhenStrayHtmlTag_KeepsItsText()
    {
        var cleaned = TextCleaner.Clean("Headline about an agency report\n\nThe official told <i>PTI</i>");

        Assert.Equal("The official told PTI", cleaned.Body);
    }

    [Fact]
    public void Cleaner_WhenPublishedLines_MovesThemToDatelines()
    {
        var cleaned = TextCleaner.Clean("Some headline for the story\n\nPublished:\nThe envoy spoke.\n\nPublished: undefined");

        Assert.Equal("The envoy spoke.", cleaned.Body);
        Assert.Equal(["Published:", "Published: undefined"], cleaned.Datelines);
    }

    [Fact]
    public void Cleaner_WhenDateInBodySentence_LeavesItInBody()
    {
        var cleaned = TextCleaner.Clean("Envoy statement headline here\n\nThe attack on 26 November 2008 killed 166 people.");

        Assert.Equal("The attack on 26 November 2008 killed 166 people.", cleaned.Body);
        Assert.Empty(cleaned.Datelines);
    }

    [Fact]
    public void Cleaner_WhenKnownTitleGiven_UsesItAndDropsItsCopy()
    {
        var cleaned = TextCleaner.Clean("Envoy warns militants\n\nThe envoy warned militants.", knownTitle: "Envoy warns militants");

        Assert.Equal("Envoy warns militants", cleaned.Title);
        Assert.Equal("The envoy warned militants.", cleaned.Body);
    }

    // A line is read for boilerplate once more decoded than it is kept: an entity that spells a tag
    // around "Advertisement" drops the line, while the public check decodes it once and keeps it.
    [Fact]
    public void Cleaner_WhenLineDecodesToATaggedBoilerplateWord_DropsIt()
    {
        var cleaned = TextCleaner.Clean("Some body line one.\n&amp;lt;b&amp;gt;Advertisement&amp;lt;/b&amp;gt;\n    Another   line,\tindented.\nAnother   line,\tindented.\nFishing &amp; farming.");

        Assert.Null(cleaned.Title);
        Assert.Equal("Some body line one.\n\nAnother line, indented.\n\nFishing & farming.", cleaned.Body);
        Assert.False(TextCleaner.IsBoilerplate("&amp;lt;b&amp;gt;Advertisement&amp;lt;/b&amp;gt;"));
        Assert.True(TextCleaner.IsBoilerplate("&lt;b&gt;Advertisement&lt;/b&gt;"));
    }
}
