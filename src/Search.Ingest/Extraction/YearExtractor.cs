using System.Globalization;
using System.Text.RegularExpressions;
using Search.Ingest.Cleaning;

namespace Search.Ingest.Extraction;

/// <summary>
/// Finds the publication date. A wrong year is worse than none, so only dates in the places real
/// pages put their own date count, strongest first:
/// <list type="number">
/// <item>a "Published / Posted / First published" marker, on its own line or in a short line
/// anywhere ("Story first published: Monday, June 25, 2018, 8:11 IST");</item>
/// <item>a date on a byline or agency credit line near the top ("By Jane Roe | March 3, 2021",
/// "PTI | Mar 3, 2021, 10:14 IST", "Web Desk | Wed 17th July 2019");</item>
/// <item>a date path in the article's address ("/2021/03/03/", "/2021/nov/20/");</item>
/// <item>an "Updated / Last updated" marker;</item>
/// <item>a dateline with a year opening the first paragraph ("ISLAMABAD, June 27, 2023 (Reuters) -");</item>
/// <item>a line near the top that is only a date; when there are several, the oldest, because a
/// site's header shows the day the page was saved, never earlier than the day it was published;</item>
/// <item>in the body, a full date with its weekday in a sentence that reports speech ("Pompeo on
/// Monday, 26 November 2018, called upon…") when no later year appears anywhere in the text — a
/// report is never older than the events it mentions.</item>
/// </list>
/// Years of events, deadlines and maturities in the body ("the 2008 Mumbai attacks", "due December
/// 1, 1998") never count, and a dateline without a year ("ISLAMABAD, June 27 (Reuters)") gives none.
/// </summary>
public static partial class YearExtractor
{
    // Bylines and credits sit in the first few paragraphs; further down a date is the story's.
    private const int HeadParagraphs = 6;

    // A byline or credit line is short; a longer line with a date is a sentence about an event.
    private const int MaxCreditLineLength = 120;

    // A "Published" marker line may carry a byline and an "Updated" part too, but not a paragraph.
    private const int MaxMarkerLineLength = 160;

    private static readonly string[] MarkerWords = ["published", "posted", "updated", "modified"];

    /// <summary>
    /// The publication year stated by <paramref name="text"/> or by the date path of
    /// <paramref name="url"/>, or <c>null</c> when neither states one.
    /// </summary>
    public static ExtractedYear? Extract(CleanedText text, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var head = text.Body.Split("\n\n", HeadParagraphs + 1);
        var headCount = Math.Min(head.Length, HeadParagraphs);

        ExtractedYear? updated = null;
        foreach (var line in MarkerLines(text))
        {
            if (AfterMarker(line) is not { } marked)
                continue;
            if (!marked.IsUpdate)
                return marked.Found;
            updated ??= marked.Found;
        }

        foreach (var line in text.Datelines.Concat(head.Take(headCount)))
        {
            if (line.Length <= MaxCreditLineLength && IsCreditLine(line) && FirstDated(line) is { } credited)
                return Found(credited, line);
        }

        if (DateParser.FromUrl(url) is { Year: { } urlYear } fromUrl)
            return new ExtractedYear(urlYear, fromUrl.Date, url!);

        if (updated is not null)
            return updated;

        var firstParagraph = head.Length > 0 ? head[0] : "";
        if (InlineDateline().Match(firstParagraph) is { Success: true } opening && FirstDated(opening.Value) is { } inline)
            return Found(inline, SentenceSplitter.Split(firstParagraph).FirstOrDefault()?.Text ?? opening.Value);

        if (OldestHeaderDate(text.Datelines) is { } header)
            return header;

        return FromReportingSentence(text.Body);
    }

    private static ExtractedYear Found(DateMatch date, string evidence) => new(date.Year!.Value, date.Date, evidence);

    private static DateMatch? FirstDated(string line) => DateParser.FindDates(line).FirstOrDefault(d => d.Year is not null);

    /// <summary>Lines that may state a marker: the cleaner's datelines and short body paragraphs naming one.</summary>
    private static List<string> MarkerLines(CleanedText text)
    {
        var lines = new List<string>(text.Datelines);
        foreach (var range in text.Body.AsSpan().Split("\n\n"))
        {
            var paragraph = text.Body.AsSpan(range);
            if (paragraph.Length > MaxMarkerLineLength || !ContainsMarkerWord(paragraph))
                continue;
            var line = paragraph.ToString();
            if (!text.Datelines.Contains(line))
                lines.Add(line);
        }
        return lines;
    }

    private static bool ContainsMarkerWord(ReadOnlySpan<char> paragraph)
    {
        foreach (var word in MarkerWords)
        {
            if (paragraph.Contains(word, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The date right after a marker ("Published: …", "| Last Updated: …"). In a sentence
    /// ("The report was published on March 3, 2019.") the marker is a verb about something else,
    /// so a marker counts only at the start of the line, after a separator, or on a line that
    /// does not end as a sentence.
    /// </summary>
    private static (ExtractedYear Found, bool IsUpdate)? AfterMarker(string line)
    {
        var endsAsSentence = line.TrimEnd().EndsWith('.');
        foreach (Match marker in Marker().Matches(line))
        {
            var atStart = marker.Index == 0 || line.AsSpan(0, marker.Index).Trim().IsEmpty
                || line.AsSpan(0, marker.Index).TrimEnd() is [.., '|' or '\u2022' or '-' or '\u2013' or '\u2014' or ':' or ',' or ']' or ')'];
            if (!atStart && endsAsSentence)
                continue;
            var rest = line[(marker.Index + marker.Length)..];
            if (DateParser.FindDates(rest).FirstOrDefault() is not { Year: not null, Index: <= 12 } date)
                continue;
            var isUpdate = marker.Groups["kind"].Value.ToLowerInvariant() is "updated" or "modified";
            return (Found(date, line), isUpdate);
        }
        return null;
    }

    /// <summary>
    /// A byline or agency credit ("By Jane Roe", "PTI", "Web Desk", "Staff Reporter") on a line that
    /// is not a sentence: "The blast on March 3, 2019 killed 40, Reuters reported." is an event.
    /// </summary>
    private static bool IsCreditLine(string line) =>
        !line.TrimEnd().EndsWith('.') && (ByPrefix().IsMatch(line) || CreditWord().IsMatch(line));

    /// <summary>
    /// The oldest date among the lines near the top that are only a date. A line that reads as
    /// running text — starting in lower case or with a preposition, or ending a sentence ("due
    /// December 1, 1998", "Oct 15, 1992.": the tail of a hard-wrapped wire story) — is a deadline
    /// or an event, not a dateline.
    /// </summary>
    private static ExtractedYear? OldestHeaderDate(IReadOnlyList<string> datelines)
    {
        ExtractedYear? oldest = null;
        foreach (var line in datelines)
        {
            if (Marker().IsMatch(line) || ReadsAsRunningText(line) || FirstDated(line) is not { } date)
                continue;
            var found = Found(date, line);
            if (oldest is null || Earlier(found, oldest))
                oldest = found;
        }
        return oldest;
    }

    private static bool Earlier(ExtractedYear a, ExtractedYear b) =>
        a.Date is { } da && b.Date is { } db ? da < db : a.Year < b.Year;

    private static bool ReadsAsRunningText(string line)
    {
        var first = line.TrimStart('\u2022', '-', '|', ' ', '(', '[');
        return first.Length > 0 && (char.IsLower(first[0]) || EventPreposition().IsMatch(first) || EndsSentence().IsMatch(first));
    }

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

    // A year closing a sentence ("…1992.") rather than standing as a heading.
    [GeneratedRegex(@"\d{4}\s*\.$")]
    private static partial Regex EndsSentence();

    // "Published:", "First published on", "Posted at", "Last Updated:", "updated -".
    [GeneratedRegex(@"\b(?:story\s+)?(?:first\s+|last\s+)?(?<kind>published|posted|updated|modified)\b(?:\s+(?:on|at))?\s*[:\-\u2013]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();

    [GeneratedRegex(@"^By\s+(?:[\p{Lu}]|our\b|staff\b|special\b)")]
    private static partial Regex ByPrefix();

    // Agency and desk credits as the field's sites print them; acronyms only as written.
    [GeneratedRegex(@"(?:^|[\s|,(\u2022/-])(?:PTI|ANI|IANS|UNI|TNN|DHNS|AFP|AP|APP|NNI|INP|PPI|Reuters|Xinhua|Sputnik)(?=$|[\s|,)\u2022/:-])|(?i:\b(?:web desk|news desk|online desk|staff reporter|staff correspondent|our correspondents?|special correspondent|associated press|press trust of india|agence france-presse|agencies)\b)")]
    private static partial Regex CreditWord();

    [GeneratedRegex(@"^(?:due|by|until|till|before|after|since|from|on|in|at|through|to|between|maturing|matures|expiring|expires|effective|ending|ended|starting|dated)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EventPreposition();

    // An all-caps place (optionally ", Country") then the date, at the very start of the text;
    // or an agency credit in brackets that holds the date ("MOSCOW (Sputnik - 17th July, 2019)").
    [GeneratedRegex(@"^[\p{Lu}][\p{Lu} .'\-]{2,40}(?:,\s*[\p{L} .'\-]{2,30})?[,:]?\s*(?:(?:\([^)]{1,30}\)\s*)?[\p{L}\d ,.]{3,40}?\d{4}|\([^)]{0,60}?\d{4}\))")]
    private static partial Regex InlineDateline();
}
