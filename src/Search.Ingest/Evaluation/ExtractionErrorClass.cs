using Search.Core;
using Search.Ingest.Extraction;

namespace Search.Ingest.Evaluation;

/// <summary>
/// Sorts extraction errors into the kinds of rule that failed, so that an evaluation says what to fix
/// next rather than only how much is wrong. Judged from the article's evidence and the other errors
/// of the same file; each error gets exactly one class.
/// </summary>
public static class ExtractionErrorClass
{
    /// <summary>A labelled group was not found: the table lacks the alias or a spelling of it.</summary>
    public const string MissedGroupAlias = "missed group alias";

    /// <summary>A group was found that the label does not give: an alias matched a word meaning something else.</summary>
    public const string WrongGroupMatch = "group matched wrongly";

    /// <summary>A labelled speaker was credited under another form of the name (a bare surname, another first name) that did not join.</summary>
    public const string UnmergedName = "unmerged name";

    /// <summary>A labelled speaker was not credited at all: the verb, its position or the attribution form was not recognised.</summary>
    public const string MissedVerbPattern = "missed verb pattern";

    /// <summary>A company, ministry, agency, newspaper or place was credited as a speaker.</summary>
    public const string OrganisationAsSpeaker = "organisation as speaker";

    /// <summary>A person the article names but who said nothing in it was credited (mentioned, quoted about, a related story).</summary>
    public const string MentionedAsSpeaker = "person mentioned, not speaking";

    /// <summary>The year came from a short date line that is not the publication date (the page's saved-on header).</summary>
    public const string HeaderDate = "header date";

    /// <summary>The year came from a date in the body: an event, a deadline, a maturity.</summary>
    public const string EventDate = "event date";

    /// <summary>The text states the publication date and no rule found it.</summary>
    public const string MissedDatePattern = "missed date pattern";

    /// <summary>The year is missing and the text does not state it: the labeller knew it from elsewhere; no rule failed.</summary>
    public const string DateNotInText = "year not in the text";

    /// <summary>A labelled statement's words were credited to its speaker, but cut to a span that shares too little with the label (a clause for a quotation, half a quotation).</summary>
    public const string StatementBounds = "statement words cut differently";

    /// <summary>A labelled statement's words were found but credited to someone else.</summary>
    public const string StatementOtherSpeaker = "statement credited to another speaker";

    /// <summary>A labelled statement was not found, and its speaker is not named on its line: a role ("a senior official said"), a pronoun or a layout the rules do not tie to the person named elsewhere.</summary>
    public const string StatementSpeakerNamedElsewhere = "statement speaker named elsewhere";

    /// <summary>A labelled statement was not found though its line names the speaker: the verb, the name's form or the sentence's shape was not read.</summary>
    public const string StatementNotCredited = "statement sentence not credited";

    /// <summary>A statement was found that no label gives: narration, a headline or someone else's words credited as speech.</summary>
    public const string StatementExtra = "statement not said";

    // A dateline or header holds little besides the date; a longer evidence sentence is running text.
    private const int MaxDateLineLength = 80;

    /// <summary>The class of a missing or extra speaker, given the other unmatched names of the same file.</summary>
    /// <param name="name">The speaker that is missing (labelled) or extra (extracted).</param>
    /// <param name="missing">Whether <paramref name="name"/> is a labelled speaker that was not extracted.</param>
    /// <param name="others">The unmatched names on the other side: extra speakers for a missing one, missing ones for an extra one.</param>
    public static string Speaker(string name, bool missing, IReadOnlyList<string> others)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(others);
        if (others.Any(o => SharesAName(name, o)))
            return UnmergedName;
        if (missing)
            return MissedVerbPattern;
        return LooksLikeOrganisation(name) ? OrganisationAsSpeaker : MentionedAsSpeaker;
    }

    /// <summary>The class of a wrong or unlabelled year, from the evidence the extractor gave for it.</summary>
    /// <param name="article">The extracted article; its year evidence tells where the year came from.</param>
    public static string Year(Article? article)
    {
        var evidence = article?.Evidence.FirstOrDefault(e => e.Facet == FacetNames.Year)?.Sentence;
        return evidence is not null && evidence.Trim().Length <= MaxDateLineLength ? HeaderDate : EventDate;
    }

    /// <summary>
    /// "Majeed" and "Asad Majeed Khan", "Sheikh Rashid" and "Sheikh Rashid Ahmed": every word of one is
    /// a word of the other, so one is a form of the other. "Nawaz Sharif" and "Shahbaz Sharif" only
    /// share a surname: two people.
    /// </summary>
    private static bool SharesAName(string a, string b)
    {
        var x = PersonNames.Words(a);
        var y = PersonNames.Words(b);
        return x.Count > 0 && y.Count > 0 && (x.All(y.Contains) || y.All(x.Contains));
    }

    private static bool LooksLikeOrganisation(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return NameLexicon.IsNonPersonName(name.ToLowerInvariant())
            || words.Any(w => NameLexicon.IsOrganisationWord(w) || NameLexicon.IsNonPerson(w));
    }
}
