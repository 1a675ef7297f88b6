using Search.Core;
using Search.Ingest.Extraction;

namespace Search.Ingest.Tests.Extraction;

/// <summary>One case per statement rule, on short made-up articles.</summary>
public sealed class StatementExtractorTests
{
    private static readonly StatementExtractor Extractor = new(new SpeakerExtractor(GroupAliasTable.Default));

    private static (string, string)[] Statements(string body) => Extractor.Extract(null, body).Select(s => (s.Speaker, s.Words)).ToArray();

    [Theory]
    [InlineData("\"We will keep raising it with Islamabad,\" spokesman Mark Toner said.", "Mark Toner", "We will keep raising it with Islamabad")]
    [InlineData("Jane Holloway said on Monday that the talks would resume in March.", "Jane Holloway", "the talks would resume in March")]
    [InlineData("Jane Holloway said the talks would resume in March.", "Jane Holloway", "the talks would resume in March")]
    [InlineData("Omar Qureshi denied any role in the attack on the convoy.", "Omar Qureshi", "any role in the attack on the convoy")]
    public void OneSentence_GivesTheQuotationOrTheReportedClause(string body, string speaker, string words) =>
        Assert.Equal([(speaker, words)], Statements(body));

    [Fact]
    public void Quotation_RunningOverSentences_IsOneStatement() =>
        Assert.Equal(
            [("Mark Toner", "Nothing has changed for us. It stays on the list")],
            Statements("\"Nothing has changed for us. It stays on the list,\" spokesman Mark Toner said."));

    [Fact]
    public void ReportedClause_BesideAQuotation_IsAStatementOfItsOwn() =>
        Assert.Equal(
            [("Mark Toner", "We will keep raising it with Islamabad"), ("Mark Toner", "the Haqqani network remained a threat")],
            Statements("\"We will keep raising it with Islamabad,\" spokesman Mark Toner said, adding that the Haqqani network remained a threat."));

    [Fact]
    public void WhereTheSpeakerSpoke_IsNotTheirWords() =>
        Assert.Equal([], Statements("Home Minister Arvind Menon told reporters in New Delhi."));

    [Fact]
    public void FollowUp_WithAPronounOrARole_GoesToTheLastSpeaker() =>
        Assert.Equal(
            [("Ray Fontaine", "the operation would go on"), ("Ray Fontaine", "most of the valley had been cleared"), ("Ray Fontaine", "supply routes had been cut")],
            Statements("General Ray Fontaine said the operation would go on. The general added that most of the valley had been cleared. He also said supply routes had been cut."));

    [Fact]
    public void TranscriptTurn_IsTheRestOfItsParagraph() =>
        Assert.Equal(
            [("Mark Toner", "That review is ongoing. I'm not going to get ahead of it.")],
            Extractor.Extract(null, "State Department spokesman Mark Toner took questions.\n\nQUESTION: Will you designate them?\n\nMR. TONER: That review is ongoing. I'm not going to get ahead of it.\n")
                .Where(s => s.Words.StartsWith("That", StringComparison.Ordinal)).Select(s => (s.Speaker, s.Words)).ToArray());

    [Fact]
    public void ClauseAfterABareSaid_BesideAQuotedDescription_IsAStatement() =>
        Assert.Equal(
            [("Laila Noori", "one-sided"), ("Laila Noori", "the border crossings would reopen on Friday")],
            Statements("Defence adviser Laila Noori, the envoy, called the report \"one-sided\" and said the border crossings would reopen on Friday."));

    [Fact]
    public void ReportingVerbInsideTheClause_DoesNotCutIt() =>
        Assert.Equal(
            [("Laila Noori", "the new order simply added three names to the old list")],
            Statements("Laila Noori said the new order simply added three names to the old list."));

    [Theory]
    [InlineData("Laila Noori said the raid was \"unlawful\".", "unlawful")]
    [InlineData("Laila Noori urged the council to take \"firm action\" without delay.", "firm action")]
    public void ShortQuotation_InACreditedSentence_IsTheSpeakersWords(string body, string words) =>
        Assert.Equal([("Laila Noori", words)], Statements(body));

    [Theory]
    [InlineData("Laila Noori said the unit kept to its \"hold and clear\" doctrine in the hills.", "the unit kept to its \"hold and clear\" doctrine in the hills")]
    [InlineData("Laila Noori said the so-called \"night wolves\" had left the district.", "the so-called \"night wolves\" had left the district")]
    [InlineData("Laila Noori said the faction now calls itself \"Jabhat al-Sumood\" to escape the ban.", "the faction now calls itself \"Jabhat al-Sumood\" to escape the ban")]
    public void QuotedTerm_IsPartOfTheClause_NotAStatement(string body, string words) =>
        Assert.Equal([("Laila Noori", words)], Statements(body));

    [Fact]
    public void Headline_GivesOnlyItsQuotations() =>
        Assert.Equal(
            [("Laila Noori", "We will not reopen the crossings"), ("Laila Noori", "the crossings would stay shut until the spring")],
            Extractor.Extract("'We will not reopen the crossings': Noori", "Defence adviser Laila Noori said the crossings would stay shut until the spring.")
                .Select(s => (s.Speaker, s.Words)).ToArray());

    [Fact]
    public void HeadlineParaphrase_IsNotAStatement() =>
        Assert.Equal(
            [("Laila Noori", "the crossings would stay shut until the spring")],
            Extractor.Extract("Noori says crossings to stay shut", "Defence adviser Laila Noori said the crossings would stay shut until the spring.")
                .Select(s => (s.Speaker, s.Words)).ToArray());

    [Fact]
    public void Dateline_IsNotATranscriptTurn() =>
        Assert.Equal(
            [("Laila Noori", "The crossings will stay shut until the spring")],
            Statements("KABUL: The crossings will stay shut until the spring, defence adviser Laila Noori said on Monday.\n\nShe spoke after a cabinet meeting.\n"));

    [Theory]
    [InlineData("According to Laila Noori, some 300 families had returned to the valley.", "some 300 families had returned to the valley")]
    [InlineData("Some 300 families had returned to the valley, according to defence adviser Laila Noori.", "Some 300 families had returned to the valley")]
    public void AccordingTo_GivesTheWordsOnTheOtherSideOfTheName(string body, string words) =>
        Assert.Equal([("Laila Noori", words)], Statements(body));

    [Fact]
    public void AttributionBetweenCommas_FollowsTheWords() =>
        Assert.Equal(
            [("Laila Noori", "the valley was calm"), ("Laila Noori", "Some roads were still closed")],
            Statements("Laila Noori said the valley was calm. Some roads were still closed, she said, while others had reopened."));

    [Fact]
    public void SpeechWithoutQuotationMarks_RunsToTheEndOfItsParagraph() =>
        Assert.Equal(
            [("Laila Noori", "It is too soon to tell. We are still counting the damage")],
            Statements("Asked about the losses, Laila Noori said, It is too soon to tell. We are still counting the damage.\n\nThe roads stayed shut.\n"));

    [Fact]
    public void AskedWhy_IsAReportedQuestion() =>
        Assert.Equal(
            [("Laila Noori", "the valley was calm"), ("Laila Noori", "why the aid convoy had been held back")],
            Statements("Laila Noori said the valley was calm. She asked why the aid convoy had been held back."));

    [Fact]
    public void QuotationOnlySentence_AfterACreditedOne_IsTheSameSpeakers() =>
        Assert.Equal(
            [("Laila Noori", "The crossings stay shut"), ("Laila Noori", "We will review it in the spring"), ("Omar Haidari", "the decision would hurt traders")],
            Statements("\"The crossings stay shut,\" Laila Noori said. \"We will review it in the spring.\"\n\nTraders protested in the town.\n\n\"Nobody asked us.\"\n\nOmar Haidari said the decision would hurt traders.\n"));

    [Fact]
    public void QuotationOnlyParagraph_InAnArticleWithOneSpeaker_IsTheirs() =>
        Assert.Equal(
            [("Laila Noori", "The crossings stay shut for now"), ("Laila Noori", "she would visit the border next week")],
            Statements("The envoy, Laila Noori, met reporters on Friday.\n\nOn the border:\n\n\"The crossings stay shut for now.\"\n\nNoori said she would visit the border next week.\n"));

    [Theory]
    [InlineData("Chief of Army Staff (COAS) General Tariq Durrani said the operation would go on.", "Tariq Durrani", "the operation would go on")]
    [InlineData("Punjab's caretaker Information Minister Sana Rind said the curfew would be lifted.", "Sana Rind", "the curfew would be lifted")]
    [InlineData("A local channel quoted provincial police chief Sana Rind as saying the curfew would be lifted.", "Sana Rind", "the curfew would be lifted")]
    [InlineData("The Task Force President Omar Haidari said on Friday, March 3, 2017, that the review was complete.", "Omar Haidari", "the review was complete")]
    [InlineData("\"We stand with the families,\" said British Ambassador to Nepal Omar Haidari.", "Omar Haidari", "We stand with the families")]
    public void RolesBeforeTheName_StillCreditThePerson(string body, string speaker, string words) =>
        Assert.Equal([(speaker, words)], Statements(body));

    [Theory]
    [InlineData("The border crossings will reopen on Friday, a Foreign Office spokesperson said.")]
    [InlineData("The top envoy for the region told lawmakers on Monday that the border crossings will reopen on Friday.")]
    public void LeadCreditedToARole_IsThePersonTheNextParagraphNames(string lead)
    {
        var statements = Statements(lead + "\n\n\"Traders have waited long enough,\" Foreign Office spokesperson Laila Noori told reporters.\n");

        Assert.Equal("Laila Noori", Assert.Single(statements, s => s.Item2.Contains("Friday", StringComparison.Ordinal)).Item1);
    }

    [Fact]
    public void LeadCreditedToARole_WithNoOneNamedAfter_IsNobodys() =>
        Assert.Equal([], Statements("The border crossings will reopen on Friday, a Foreign Office spokesperson said.\n\nTraders welcomed the news.\n"));

    [Fact]
    public void PronounBetweenCommas_CarriesOnTheLastSpeaker() =>
        Assert.Equal(
            [("Laila Noori", "the valley was calm"), ("Laila Noori", "a matter for the provinces")],
            Statements("Laila Noori said the valley was calm. The clean-up, she noted, was \"a matter for the provinces\"."));

    [Fact]
    public void ThatInsideTheClause_DoesNotOpenIt() =>
        Assert.Equal(
            [("Laila Noori", "the army should not fight groups that do not threaten it")],
            Statements("Laila Noori said the army should not fight groups that do not threaten it, remarks likely to anger its allies."));

    [Fact]
    public void ReportersGloss_IsNotTheSpeakersWords() =>
        Assert.Equal(
            [("Laila Noori", "listings should not be blocked without reason")],
            Statements("Laila Noori said listings should not be blocked without reason, a reference to holds placed on two requests."));

    [Fact]
    public void ParticipleOfAnAct_DoesNotCutTheClause() =>
        Assert.Equal(
            [("Laila Noori", "the ministry was banning the front, and adding it to the list of aliases of the old group")],
            Statements("Laila Noori announced that the ministry was banning the front, and adding it to the list of aliases of the old group."));
}
