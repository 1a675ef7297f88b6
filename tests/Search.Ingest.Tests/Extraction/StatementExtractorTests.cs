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
}
