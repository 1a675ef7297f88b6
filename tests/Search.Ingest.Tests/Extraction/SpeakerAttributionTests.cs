using Search.Core;
using Search.Ingest.Extraction;

namespace Search.Ingest.Tests.Extraction;

/// <summary>
/// Attribution patterns of real journalism, each on made-up sentences: verbs beyond "said", passive
/// and office attributions, role follow-ups, honorifics, and organisations that are not speakers.
/// </summary>
public sealed class SpeakerAttributionTests
{
    private static readonly SpeakerExtractor Extractor = new(GroupAliasTable.Default);

    private static string[] Speakers(string body) => Extractor.Extract(null, body).Select(v => v.Value).ToArray();

    [Theory]
    [InlineData("Senator Ruth Calloway praised the arrests as overdue.")]
    [InlineData("Ruth Calloway described the raid as a turning point.")]
    [InlineData("Ruth Calloway reiterated that the border would stay shut.")]
    [InlineData("Ruth Calloway posted on social media that the talks had collapsed.")]
    [InlineData("Ruth Calloway lamented the loss of life in the blast.")]
    [InlineData("Ruth Calloway, who chairs the panel, clarified that no deal was signed.")]
    public void VerbsBeyondSaid_CreditTheirSubject(string body) =>
        Assert.Equal(["Ruth Calloway"], Speakers(body));

    [Fact]
    public void Lexicon_HoldsAHundredReportingVerbs()
    {
        string[] sample = ["praised", "described", "insisted", "reiterated", "wrote", "posted", "lamented", "clarified", "vowed", "retorted"];

        Assert.All(sample, verb => Assert.True(NameLexicon.IsReportingVerb(verb), verb));
    }

    [Theory]
    [InlineData("In a post on X, Senator Ruth Calloway wrote that the aid must stop.")]
    [InlineData("Writing on social media, Ruth Calloway said the aid must stop.")]
    [InlineData("The senator, Ruth Calloway, insisted the aid must stop.")]
    [InlineData("\"The aid must stop,\" said Ruth Calloway, the senator who chairs the panel.")]
    [InlineData("\"The aid must stop,\" said the senator, Ruth Calloway.")]
    [InlineData("The aid must stop, according to Senator Ruth Calloway, who chairs the panel.")]
    [InlineData("Ruth Calloway, speaking to reporters in Kabul after a long day of meetings with officials, said the aid must stop.")]
    public void AppositionsAndPlatforms_StillCreditTheName(string body) =>
        Assert.Equal(["Ruth Calloway"], Speakers(body));

    [Fact]
    public void InvertedVerbBeyondSaid_CreditsTheNameAfter() =>
        Assert.Equal(["Ruth Calloway"], Speakers("\"We will not bend,\" insisted Ruth Calloway."));

    [Fact]
    public void PassiveAgentOfSaying_IsASpeaker() =>
        Assert.Equal(["Tariq Hameed"], Speakers("This was stated by Foreign Office spokesperson Tariq Hameed at the weekly briefing."));

    [Fact]
    public void PassiveAgentOfAnAct_IsNotASpeaker() =>
        Assert.Empty(Speakers("The convoy was stopped by Tariq Hameed at the gate."));

    [Fact]
    public void OfficeOfAPerson_SpeaksForThem() =>
        Assert.Equal(["Leila Farooqi"], Speakers("Prime Minister Leila Farooqi's office said in a statement that the attack was cowardly."));

    [Fact]
    public void ParticipleOfSaying_CreditsTheSubjectOfTheClause() =>
        Assert.Equal(["Idris Nawaz"], Speakers("Militant spokesman Idris Nawaz held a news conference, promising calm and saying the fighters would stand down."));

    [Fact]
    public void RoleFollowUp_GoesToTheLastPersonInThatRole()
    {
        var values = Extractor.Extract(null,
            "Foreign Office spokesperson Tariq Hameed held the weekly briefing on Thursday. Questions turned to the border. "
            + "The spokesperson said the crossing would reopen next week.");

        Assert.Equal([new ExtractedValue("Tariq Hameed", "The spokesperson said the crossing would reopen next week.")], values);
    }

    [Fact]
    public void RoleFollowUp_WithoutANamedHolder_CreditsNobody() =>
        Assert.Empty(Speakers("The briefing ran late. The spokesperson said the crossing would reopen."));

    [Fact]
    public void FirstNameAlone_JoinsTheFullNameOfTheArticle() =>
        Assert.Equal(["Nadia Karim Baloch"], Speakers("The briefing was led by Nadia Karim Baloch of the ministry. Later, Nadia clarified that the visit was off."));

    [Theory]
    [InlineData("Lt Gen Faisal Rana said the operation was over.", "Faisal Rana")]
    [InlineData("Lt. Gen. Faisal Rana said the operation was over.", "Faisal Rana")]
    [InlineData("Maulana Abdul Ghani told the gathering the ban was unjust.", "Abdul Ghani")]
    [InlineData("Syed Tahir Shah said the verdict would be appealed.", "Tahir Shah")]
    [InlineData("Mufti Noor Wali said the group would fight on.", "Noor Wali")]
    [InlineData("Rep. Dana Whitfield wrote that the aid must stop.", "Dana Whitfield")]
    [InlineData("Dr. Hina Baig said the wounded were stable.", "Hina Baig")]
    [InlineData("Ms Hina Baig said the wounded were stable.", "Hina Baig")]
    [InlineData("Ambassador Karl-Heinz Brandt said the embassy would stay open.", "Karl-Heinz Brandt")]
    [InlineData("Lucia Ortega-Diaz said the fund was exhausted.", "Lucia Ortega-Diaz")]
    public void RanksAndHonorifics_AreStrippedFromTheName(string body, string expected) =>
        Assert.Equal([expected], Speakers(body));

    [Fact]
    public void DatelineThenLongOfficeTitle_CreditsTheName() =>
        Assert.Equal(["Tariq Hameed"], Speakers("KARACHI: Chief of Naval Staff Admiral Syed Tariq Hameed on Monday warned that the navy would respond \"firmly\" to any intrusion."));

    [Fact]
    public void RoleAfterSaid_IsReportedNotInverted() =>
        Assert.Equal(["Ruth Calloway"], Speakers("Senator Ruth Calloway spoke. Admiral Dan Price sat. Ruth Calloway has said the admiral received the letter."));

    [Fact]
    public void PossessiveRolesOffice_IsNoPerson() =>
        Assert.Empty(Speakers("Prime Minister Leila Farooqi met the envoy. The prime minister's office said the visit was useful."));

    [Theory]
    [InlineData("Hafiz Rauf told the rally the ban was unjust.", "Hafiz Rauf")]
    [InlineData("Group chief Mullah Daud said the truce was over. Daud added that talks could resume.", "Mullah Daud")]
    public void HonorificBeforeAOneWordName_StaysInTheName(string body, string expected) =>
        Assert.Equal([expected], Speakers(body));

    [Fact]
    public void HonorificWithFirstName_JoinsTheFullName() =>
        Assert.Equal(["Rashid Qadri"], Speakers("Interior Minister Sheikh Rashid Qadri said the ban stood. \"It is final,\" Sheikh Rashid said."));

    [Fact]
    public void TranscriptTurn_CreditsTheFullNameOfTheHeader() =>
        Assert.Equal(["Dana Whitfield"], Speakers("Dana R. Whitfield\nDeputy Spokesperson\n\nMS. WHITFIELD: Good afternoon.\n\nQUESTION: Any news?\n\nMS. WHITFIELD: Nothing yet."));

    [Fact]
    public void TranscriptQuestion_CreditsNobody() =>
        Assert.Empty(Speakers("QUESTION: Any news on the talks?"));

    [Fact]
    public void QuotedAsSaying_ActiveVoice_CreditsTheOneQuoted() =>
        Assert.Equal(["Leila Farooqi"], Speakers("Prime Minister Leila Farooqi ordered an inquiry. A statement from her office quoted Farooqi as saying the attackers would be found."));

    [Fact]
    public void NamedOnceThenQuoted_CreditsTheNameAcrossParagraphs()
    {
        var values = Extractor.Extract(null,
            "Ruth Calloway arrived in Kabul on Monday for three days of meetings.\n\n\"We are here to listen,\" she said.\n\n\"Nobody should expect a deal this week,\" she added.");

        Assert.Equal([new ExtractedValue("Ruth Calloway", "\"We are here to listen,\" she said.")], values);
    }

    [Fact]
    public void PronounAfterInvertedAttribution_GoesToThatSpeaker() =>
        Assert.Equal(["Idris Nawaz"], Speakers(
            "\"The message is for both sides,\" tweeted Idris Nawaz, spokesman for the splinter group Jamaat Ahrar. \"We will strike again,\" he said."));

    [Fact]
    public void ArticleJoinedSurname_StaysInTheName() =>
        Assert.Equal(["Abu Bakr al-Qudsi"], Speakers("Group leader Abu Bakr al-Qudsi said the truce was over. Qudsi added that talks could resume."));

    [Fact]
    public void HonorificInsideAName_StaysInTheName() =>
        Assert.Equal(["Karim Sheikh Anwar"], Speakers("Karim Sheikh Anwar, the cell's planner, has claimed he chose the target."));

    [Theory]
    [InlineData("George W. Halvorsen said the vote was close.", "George Halvorsen")]
    [InlineData("A. B. Venkatesh said the vote was close.", "A. B. Venkatesh")]
    public void Initials_AreKeptWhereTheyLead(string body, string expected) =>
        Assert.Equal([expected], Speakers(body));

    [Theory]
    [InlineData("Halvard Mining Corp said profits fell.", "Halvard Mining Corp", "ends in 'Corp', a word of organisation names")]
    [InlineData("Profits fell, according to Halvard Bank.", "Halvard", "followed by 'Bank', a word of organisation names")]
    [InlineData("Merrill Lynch said the offer was fair.", "Merrill Lynch", "'merrill lynch' is a known organisation or place")]
    [InlineData("Drummond and Co said the offer was fair.", "Drummond", "followed by 'and Co', a firm's name")]
    [InlineData("Tanvak, the state news agency, said the talks were cordial.", "Tanvak", "its appositive calls it 'agency'")]
    public void Organisations_AreRefusedWithTheReason(string body, string name, string reason)
    {
        var result = Extractor.Analyse(null, body);

        Assert.Empty(result.Speakers);
        Assert.Equal((name, reason), (result.Refused[0].Name, result.Refused[0].Reason));
    }

    [Theory]
    [InlineData("Analysts at Hong Kong said the market would recover.")]
    [InlineData("Traders on Wall Street said the dollar was weak.")]
    [InlineData("The Stock Exchange said trading would resume.")]
    [InlineData("General Motors said sales fell.")]
    [InlineData("Moody's Investors Service said the rating was cut.")]
    [InlineData("The official news agency Tanvak said the talks were cordial.")]
    [InlineData("Chancellor of the Exchequer Nigel Lawson's budget said little.")]
    public void PlacesAndInstitutions_AreNeverSpeakers(string body) =>
        Assert.Empty(Speakers(body));

    [Fact]
    public void TitleOfOffice_IsNotPartOfTheName() =>
        Assert.Equal(["Nigel Lawson"], Speakers("Chancellor of the Exchequer Nigel Lawson told parliament that taxes would fall."));
}
