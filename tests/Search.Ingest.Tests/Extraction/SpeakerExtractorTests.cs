using Search.Core;
using Search.Ingest.Extraction;

namespace Search.Ingest.Tests.Extraction;

public sealed class SpeakerExtractorTests
{
    private static readonly SpeakerExtractor Extractor = new(GroupAliasTable.Default);

    private static string[] Speakers(string body) => Extractor.Extract(null, body).Select(v => v.Value).ToArray();

    [Theory]
    [InlineData("Mark Toner said the steps were positive.", "Mark Toner")]
    [InlineData("\"We want action,\" said Mark Toner.", "Mark Toner")]
    [InlineData("\"We want action,\" said U.S. State Department spokesman Mark Toner.", "Mark Toner")]
    [InlineData("Donald Lu told lawmakers the groups remain.", "Donald Lu")]
    [InlineData("According to Donald Lu, the groups remain.", "Donald Lu")]
    [InlineData("Matthew Miller, the State Department spokesperson, said the talks went well.", "Matthew Miller")]
    [InlineData("Spokesperson Matthew Miller urged restraint.", "Matthew Miller")]
    [InlineData("Spokesperson of the US State Department, Matthew Miller, once again called for action.", "Matthew Miller")]
    [InlineData("Assistant Secretary of State for South and Central Asia Donald Lu testified on Wednesday.", "Donald Lu")]
    [InlineData("US Secretary of State Mike Pompeo warned Pakistan.", "Mike Pompeo")]
    [InlineData("Adm. Mike Mullen stressed the point.", "Mike Mullen")]
    [InlineData("Ambassador Donald Blome tweeted his thanks.", "Donald Blome")]
    [InlineData("Pompeo on Monday, 26 November 2018, called upon Pakistan to act. Mike Pompeo spoke earlier.", "Mike Pompeo")]
    [InlineData("Sirajuddin Haqqani said the talks would go on.", "Sirajuddin Haqqani")]
    public void Speakers_WhenAttributed_FindsPerson(string body, string expected) =>
        Assert.Equal([expected], Speakers(body));

    [Theory]
    [InlineData("The United States said Pakistan must act.")]
    [InlineData("The statement said both sides agreed.")]
    [InlineData("Officials said the talks went well.")]
    [InlineData("The spokesman said the talks went well.")]
    [InlineData("A senior US official told PTI the focus had shifted.")]
    [InlineData("Pakistan said it had arrested suspects, PTI reported.")]
    [InlineData("The Foreign Office said it rejected the remarks.")]
    [InlineData("Arrest and punish Sajid Mir.")]
    [InlineData("Police arrested Zakiur Rehman Lakhvi, but the trial stalled.")]
    [InlineData("He said he had raised it \"with President Biden in a meeting.\"")]
    [InlineData("Miller’s comments came a day later.")]
    [InlineData("Hafiz Saeed was called a terrorist by officials.")]
    [InlineData("Fox News reported the remarks.")]
    public void Speakers_WhenNoNamedSpeaker_FindsNone(string body) => Assert.Empty(Speakers(body));

    [Fact]
    public void Speakers_WhenNicknameAndSurnameVariants_MergesUnderFullestForm()
    {
        var values = Speakers("Spokesperson Matt Miller spoke first. \"We agree,\" Matthew Miller said. Miller added that talks would go on.");

        Assert.Equal(["Matthew Miller"], values);
    }

    [Fact]
    public void Speakers_WhenMiddleInitial_DropsIt() =>
        Assert.Equal(["Nathan Sales"], Speakers("Nathan A Sales said cooperation was strong."));

    [Fact]
    public void Speakers_WhenPronounFollowsQuote_AddsNoOne()
    {
        var values = Extractor.Extract(null, "Donald Lu told senators the groups remain. \"We continue to press them,\" he said.");

        Assert.Equal([new ExtractedValue("Donald Lu", "Donald Lu told senators the groups remain.") { Rule = "speaker: a person named with a reporting verb" }], values);
    }

    [Fact]
    public void Speakers_WhenBareSurnameNeverNamedInFull_IgnoresIt() =>
        Assert.Empty(Speakers("Toner said the steps were positive."));

    [Fact]
    public void Speakers_WhenLongGapToReportedVerb_FindsSubject() =>
        Assert.Equal(["Donald Trump"], Speakers("US President Donald Trump in an interview to Fox News, on Twitter and in interaction with White House reporters accused Pakistan of doing nothing."));

    [Fact]
    public void Speakers_WhenCoordinatedSubjects_CreditsBoth() =>
        Assert.Equal(["Mahaveer Singhvi", "Nathan Sales"], Speakers("Mahaveer Singhvi, an Indian diplomat, and Nathan A Sales, the US coordinator, said the talks were useful."));
}
