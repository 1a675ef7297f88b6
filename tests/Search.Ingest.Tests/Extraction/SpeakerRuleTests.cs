using Search.Core;
using Search.Ingest.Extraction;

namespace Search.Ingest.Tests.Extraction;

/// <summary>One positive and one negative case per attribution rule, each on short made-up sentences.</summary>
public sealed class SpeakerRuleTests
{
    private static readonly SpeakerExtractor Extractor = new(GroupAliasTable.Default);

    private static string[] Speakers(string body) => Extractor.Extract(null, body).Select(v => v.Value).ToArray();

    [Theory]
    [InlineData("Deputy press secretary Jane Holloway said the visit was useful.", "Jane Holloway")]
    [InlineData("The external affairs ministry spokesperson Arvind Menon said talks were off.", "Arvind Menon")]
    [InlineData("Finance Minister Omar Qureshi told parliament the aid would resume.", "Omar Qureshi")]
    [InlineData("The Pentagon's press secretary Carla Dunn said the base was safe.", "Carla Dunn")]
    public void RolePhrase_BeforeName_CreditsName(string body, string expected) =>
        Assert.Equal([expected], Speakers(body));

    [Fact]
    public void OfficeWords_InRole_AreNeverAName() =>
        Assert.Equal(["Ray Fontaine"], Speakers("Ray Fontaine, the chairman of the Joint Chiefs of Staff, told senators the group was a threat."));

    [Fact]
    public void PossessorBeforeTitle_CreditsTheNameAfter() =>
        Assert.Equal(["Paul Ostrander"], Speakers("Fontaine's spokesman Paul Ostrander said the letter was never acted on."));

    [Fact]
    public void PossessiveNameInRelativeClause_DoesNotStopTheSubject() =>
        Assert.Equal(["Paul Ostrander"], Speakers("Paul Ostrander, who served as Fontaine's spokesman, has said the letter was ignored."));

    [Theory]
    [InlineData("Spokesman K.L. Dorsey said the list would grow.", "K.L. Dorsey")]
    [InlineData("Chairman R. Venkat Rao told reporters the review was over.", "R. Venkat Rao")]
    public void LeadingInitials_StayInTheName(string body, string expected) =>
        Assert.Equal([expected], Speakers(body));

    [Fact]
    public void DottedPlaceAbbreviation_DoesNotJoinSentences() =>
        Assert.Equal(["Jane Holloway"], Speakers("The envoy flew to Washington, D.C. Jane Holloway said the trip went well."));

    [Fact]
    public void BareSurname_TakesTheFullNameMentionedNearestBefore() =>
        Assert.Equal(["Omar Qureshi"], Speakers(
            "Prime Minister Omar Qureshi faced a vote. Qureshi said a cable had threatened him. The cable was written by the envoy, Bilal Ahmed Qureshi."));

    [Fact]
    public void BareSurname_WithTitleElsewhere_IsAPerson() =>
        Assert.Equal(["Maulana Rahim"], Speakers("The bounty on Maulana Rahim stands. Rahim told a rally he would not hide."));

    [Fact]
    public void BareCapitalisedWord_WithoutFullNameOrTitle_IsNotAPerson() =>
        Assert.Empty(Speakers("Critics told reporters the deal was weak."));

    [Fact]
    public void RelativeWhich_OpensASubject() =>
        Assert.Equal(["Jane Holloway"], Speakers("It followed a post in which President Jane Holloway said aid would stop."));

    [Fact]
    public void Pronoun_AfterMainSubject_CreditsThatPerson() =>
        Assert.Equal(["Farid Akhtar"], Speakers("Farid Akhtar appeared before reporters in Lahore. He said he had nothing to hide."));

    [Fact]
    public void Pronoun_AfterSubordinateSubjectOnly_CreditsNobody() =>
        Assert.Empty(Speakers("The hall emptied before Farid Akhtar arrived. He said nothing."));

    [Fact]
    public void Pronoun_SkipsASubjectThatIsNoPerson() =>
        Assert.Equal(["Farid Akhtar"], Speakers(
            "Maulana Farid Akhtar leads the group. Hours later, Akhtar, who lives openly, met reporters. He said he would face any court."));

    [Fact]
    public void QuotedAsSaying_CreditsThePassiveSubject() =>
        Assert.Equal(["Nadia Rahman"], Speakers("Nadia Rahman was quoted as saying the talks had failed."));

    [Fact]
    public void PassiveWithoutSaying_CreditsNobody() =>
        Assert.Empty(Speakers("Nadia Rahman was called a traitor by the crowd."));

    [Theory]
    [InlineData("Colonel Iqbal Shah accused the neighbours of sheltering the attackers.")]
    [InlineData("Iqbal Shah warned that the border would close.")]
    public void AccusedOrWarned_CreditsItsSubject(string body) =>
        Assert.Equal(["Iqbal Shah"], Speakers(body));

    [Fact]
    public void ParticipleOf_InAppositive_CreditsNobody() =>
        Assert.Empty(Speakers("Iqbal Shah, the commander accused of planning the raid, walked out of jail on Friday."));

    [Fact]
    public void UnnamedSourcesReportingThat_NameInsideIsHearsay() =>
        Assert.Empty(Speakers("Officials have said that the only gunman caught, Ravi Kant, has told interrogators he was trained abroad."));

    [Fact]
    public void NamedReporterSayingThat_NameInsideStillSpeaks() =>
        Assert.Equal(["Jane Holloway", "Omar Qureshi"], Speakers("Jane Holloway said that Omar Qureshi told her the deal was done."));

    [Fact]
    public void AppositiveOfPrepositionalObject_IsNotASubject() =>
        Assert.Empty(Speakers("The move follows the listing of the group's chief, Ravi Kant, as a terrorist, announced in June."));

    [Fact]
    public void AppositiveAfterPlace_StillASubject() =>
        Assert.Equal(["Bilal Ahmed"], Speakers("Pakistan's ambassador in Washington, Bilal Ahmed, said the claim was false."));

    [Fact]
    public void CoordinatedObjects_AreNotSubjects() =>
        Assert.Empty(Speakers("The statement, issued after talks between Tom Reed and Ann Ward and their counterparts, Ravi Kant and Omar Qureshi, asked for action."));

    [Fact]
    public void CoordinatedSubjects_AreBothCredited() =>
        Assert.Equal(["Tom Reed", "Ann Ward"], Speakers("Tom Reed and Ann Ward said the talks went well."));

    [Fact]
    public void TimeClauseWithAct_CreditsNobody() =>
        Assert.Empty(Speakers("He flew in two months after President Jane Holloway announced her new strategy."));

    [Fact]
    public void TimeClauseWithSaying_CreditsTheName() =>
        Assert.Equal(["Jane Holloway"], Speakers("The markets fell after Jane Holloway said aid would stop."));

    [Fact]
    public void AuxiliaryWithOtherVerb_EndsTheSubjectsReach() =>
        Assert.Equal(["Carla Dunn"], Speakers(
            "Spokesperson Carla Dunn said that, as President Jane Holloway had made clear, the country stood with its ally and condemned the attack."));

    [Fact]
    public void AuxiliaryBeforeReportingVerb_KeepsTheSubject() =>
        Assert.Equal(["Carla Dunn"], Speakers("Carla Dunn has also said the base was safe."));

    [Fact]
    public void CommaThenVerb_IsNotAnAppositive() =>
        Assert.Equal(["Arvind Menon"], Speakers("The ministry's spokesperson, Arvind Menon, said the decision showed a lack of seriousness, and that talks were off."));
}
