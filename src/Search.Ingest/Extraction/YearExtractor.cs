using System.Globalization;
using System.Text.RegularExpressions;
using Search.Ingest.Cleaning;

namespace Search.Ingest.Extraction;

/// <summary>
/// Finds the publication year. A wrong year is worse than none, so only three things count, in
/// this order: a dateline line the cleaner took from the top of the text or a "Published:/Updated:/
/// Posted on" line; a dateline opening the first paragraph ("ISLAMABAD, June 27, 2023 (Reuters) -");
/// and, in the body, a full date with its weekday in a sentence that reports speech ("Pompeo on
/// Monday, 26 November 2018, called upon…") when no later year appears anywhere in the text — a
/// report is never older than the events it mentions. Years of mentioned events ("the 2008 Mumbai
/// attacks", "the March 2023 CT Dialogue") never count.
/// </summary>
public static partial class YearExtractor
{
    /// <summary>The publication year stated by <paramref name="text"/>, or <c>null</c> when it states none.</summary>
    public static ExtractedYear? Extract(CleanedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in text.Datelines)
        {
            if (FirstDated(line) is { } date)
                return new ExtractedYear(date.Year!.Value, date.Date, line);
        }
        var firstParagraph = text.Body.Split('\n', 2)[0];
        if (InlineDateline().Match(firstParagraph) is { Success: true } opening && FirstDated(opening.Value) is { } inline)
            return new ExtractedYear(inline.Year!.Value, inline.Date, SentenceSplitter.Split(firstParagraph).FirstOrDefault()?.Text ?? opening.Value);
        return FromReportingSentence(text.Body);
    }

    private static DateMatch? FirstDated(string line) => DateParser.FindDates(line).FirstOrDefault(d => d.Year is not null);

    private static ExtractedYear? FromReportingSentence(string body)
    {
        var latestMentioned = YearMention().Matches(body)
            .Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture))
            .Where(y => y <= DateTime.UtcNow.Year + 1)
            .DefaultIfEmpty(0)
            .Max();
        foreach (var sentence in SentenceSplitter.Split(body))
        {
            var tokens = Tokenizer.Tokenize(sentence.Masked);
            if (!tokens.Any(t => t.IsLowerWord && NameLexicon.IsReportingVerb(t.Text)))
                continue;
            foreach (var date in DateParser.FindDates(sentence.Masked))
            {
                if (date is { HasWeekday: true, Date: { } full } && full.Year >= latestMentioned)
                    return new ExtractedYear(full.Year, full, sentence.Text);
            }
        }
        return null;
    }

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")]
    private static partial Regex YearMention();

    // An all-caps place (optionally ", Country") then the date, at the very start of the text.
    [GeneratedRegex(@"^[\p{Lu}][\p{Lu} .'\-]{2,40}(?:,\s*[\p{L} .'\-]{2,30})?[,:]?\s*(?:\([^)]{1,30}\)\s*)?[\p{L}\d ,.]{3,40}?\d{4}")]
    private static partial Regex InlineDateline();
}
