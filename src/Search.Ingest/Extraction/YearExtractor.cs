using System.Globalization;
using System.Text.RegularExpressions;
using Search.Ingest.Cleaning;

namespace Search.Ingest.Extraction;

/// <summary>
/// Finds the publication date. A wrong year is worse than none, so only dates in the places real
/// pages put their own date count, strongest first:
/// <list type="number">
/// <item>a "Published / Posted / First published / Date" marker, on its own line or in a short line
/// anywhere ("Story first published: Monday, June 25, 2018, 8:11 IST", "Posted: 10:52 a.m. Wednesday,
/// Sept. 8, 2010"), or a note about the page itself ("This article was originally published on…");</item>
/// <item>a date on a byline, agency credit or release heading near the top ("By Jane Roe | March 3,
/// 2021", "PTI | Mar 3, 2021, 10:14 IST", "For Immediate Release | June 9, 2014");</item>
/// <item>a date path in the article's address ("/2021/03/03/", "/2021/nov/20/"), or in an address
/// the scrape prints near the top ("Source: https://…/07-Mar-2019/…");</item>
/// <item>an "Updated / Last updated" marker;</item>
/// <item>a dateline with a year opening the first paragraph ("ISLAMABAD, June 27, 2023 (Reuters) -",
/// "Islamabad, November 22, 2011 —");</item>
/// <item>a header line near the top that is a date, alone or followed by a time or separator; when
/// there are several, the oldest, because a site's header shows the day the page was saved, never
/// earlier than the day it was published;</item>
/// <item>in the body, a full date with its weekday in a sentence that reports speech ("Pompeo on
/// Monday, 26 November 2018, called upon…") when no later year appears anywhere in the text — a
/// report is never older than the events it mentions.</item>
/// </list>
/// Years of events, deadlines and maturities in the body ("the 2008 Mumbai attacks", "due December
/// 1, 1998", "By March 3, 2024 the plan…") never count, and a dateline without a year ("ISLAMABAD,
/// June 27 (Reuters)") gives none.
/// </summary>
public static partial class YearExtractor
{
    // Bylines and credits sit in the first few paragraphs; further down a date is the story's.
    private const int HeadParagraphs = 6;

    // A byline or credit line is short; a longer line with a date is a sentence about an event.
    private const int MaxCreditLineLength = 120;

    // A header line that starts with the date and goes on with a time or a relative update.
    private const int MaxHeaderLineLength = 80;

    // A "Published" marker line may carry a byline and an "Updated" part too, but not a paragraph.
    private const int MaxMarkerLineLength = 160;

    private static readonly string[] MarkerWords = ["published", "posted", "updated", "modified", "date"];

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

        var headLines = text.Datelines.Concat(head.Take(headCount)).ToArray();
        foreach (var line in headLines)
        {
            if (line.Length <= MaxCreditLineLength && IsCreditLine(line) && FirstDated(line) is { } credited)
                return Found(credited, line);
        }

        if (DateParser.FromUrl(url) is { Year: { } urlYear } fromUrl)
            return new ExtractedYear(urlYear, fromUrl.Date, url!);
        // A scrape that names its page ("Source: https://…/07-Mar-2019/…") states the address in the text.
        foreach (var line in headLines)
        {
            if (AddressIn(line) is { } address && DateParser.FromUrl(address) is { Year: { } lineYear } fromLine)
                return new ExtractedYear(lineYear, fromLine.Date, line);
        }

        if (updated is not null)
            return updated;

        var firstParagraph = head.Length > 0 ? head[0] : "";
        var opening = InlineDateline().Match(firstParagraph) is { Success: true } caps ? caps.Value
            : PlaceDateline().Match(firstParagraph) is { Success: true } place ? place.Value
            : null;
        if (opening is not null && FirstDated(opening) is { } inline)
            return Found(inline, SentenceSplitter.Split(firstParagraph).FirstOrDefault()?.Text ?? opening);

        var headerLines = head.Take(headCount).Prepend(text.Title ?? "").Where(StartsWithDate);
        if (OldestHeaderDate(text.Datelines.Concat(headerLines)) is { } header)
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
        // "This story was originally published on August 25, 2023." is a sentence about the page itself.
        var endsAsSentence = line.TrimEnd().EndsWith('.') && !PublicationNote().IsMatch(line);
        foreach (Match marker in Marker().Matches(line))
        {
            var atStart = marker.Index == 0 || line.AsSpan(0, marker.Index).Trim().IsEmpty
                || line.AsSpan(0, marker.Index).TrimEnd() is [.., '|' or '\u2022' or '-' or '\u2013' or '\u2014' or ':' or ',' or ']' or ')'];
            if (!atStart && endsAsSentence)
                continue;
            // A bare "Date:" or "Dated" labels the line it starts, and nothing elsewhere.
            if (marker.Groups["kind"].Value.StartsWith("date", StringComparison.OrdinalIgnoreCase) && !line.AsSpan(0, marker.Index).Trim().IsEmpty)
                continue;
            var rest = line[(marker.Index + marker.Length)..];
            // The date follows the marker at once, or after a time ("Posted: 10:52 a.m. Wednesday,
            // Sept. 8, 2010"): "Date starting June 15" is a clause, not a label.
            var within = TimeOfDay().Match(rest).Length + 2;
            if (DateParser.FindDates(rest).FirstOrDefault() is not { Year: not null } date || date.Index > within)
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
        !line.TrimEnd().EndsWith('.') && (ByPrefix().IsMatch(line) || CreditWord().IsMatch(line) || ReleaseHeading().IsMatch(line));

    /// <summary>
    /// The oldest date among the lines near the top that are only a date. A line that reads as
    /// running text — starting in lower case or with a preposition, or ending a sentence ("due
    /// December 1, 1998", "Oct 15, 1992.": the tail of a hard-wrapped wire story) — is a deadline
    /// or an event, not a dateline.
    /// </summary>
    private static ExtractedYear? OldestHeaderDate(IEnumerable<string> datelines)
    {
        ExtractedYear? oldest = null;
        foreach (var line in datelines)
        {
            if (ReadsAsRunningText(line) || FirstDated(line) is not { } date)
                continue;
            var found = Found(date, line);
            if (oldest is null || Earlier(found, oldest))
                oldest = found;
        }
        return oldest;
    }

    /// <summary>
    /// A short line opening with a full date and going on with a separator or a time ("June 15,
    /// 2018 / 8:02 AM / Updated 2 hours ago"): a header the cleaner kept as text or took for the
    /// headline. A wrapped line of a story that starts with a date goes on with words ("March 1,
    /// 1997 and 75 mln dlrs…").
    /// </summary>
    private static bool StartsWithDate(string line) =>
        line.Length <= MaxHeaderLineLength
        && FirstDated(line) is { Index: 0 } date
        && HeaderTail().IsMatch(line.AsSpan(date.Length));

    private static string? AddressIn(string line)
    {
        var at = line.IndexOf("http", StringComparison.OrdinalIgnoreCase);
        if (at < 0 || line.Length > MaxCreditLineLength)
            return null;
        var end = line.IndexOfAny([' ', '\t', ')', ']', '"'], at);
        return end < 0 ? line[at..] : line[at..end];
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
        // Splitting and tokenising the whole body is the dearest step of extraction; most bodies
        // hold no full date with a weekday at all, and for them it is skipped.
        if (!DateParser.MayNameWeekday(body) || !DateParser.FindDates(body).Any(d => d is { HasWeekday: true, Date: not null }))
            return null;
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
    [GeneratedRegex(@"\b(?:story\s+)?(?:first\s+|last\s+|originally\s+)?(?<kind>published|posted|updated|modified|dated|date)\b(?:\s+(?:on|at))?\s*[:\-\u2013]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();

    [GeneratedRegex(@"^this\s+(?:story|article|report|post|piece)\s+(?:was\s+)?(?:first\s+|originally\s+)?(?:published|posted)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PublicationNote();

    // "By Jane Roe", "By our correspondent"; never "By March 3, 2021 the plan…", a deadline.
    [GeneratedRegex(@"^By\s+(?!(?i:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun|the|end)\b)(?:[\p{Lu}]|our\b|staff\b|special\b)")]
    private static partial Regex ByPrefix();

    // Agency and desk credits as the field's sites print them; acronyms only as written.
    [GeneratedRegex(@"(?:^|[\s|,(\u2022/-])(?:PTI|ANI|IANS|UNI|TNN|DHNS|AFP|AP|APP|NNI|INP|PPI|Reuters|Xinhua|Sputnik)(?=$|[\s|,)\u2022/:-])|(?i:\b(?:web desk|news desk|online desk|staff reporter|staff correspondent|our correspondents?|special correspondent|associated press|press trust of india|agence france-presse|agencies)\b)")]
    private static partial Regex CreditWord();

    [GeneratedRegex(@"^\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|[A-Z]{2,4})?\s*[,|]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOfDay();

    // After a header's date: nothing, or a separator or a time, never a word of running text.
    [GeneratedRegex(@"^\s*(?:$|[|/\u2022\u25CF\-\u2013\u2014]|,?\s*\d{1,2}:\d{2})")]
    private static partial Regex HeaderTail();

    // An official release or transcript heads its text with the day it was issued.
    [GeneratedRegex(@"(?i:\b(?:for immediate release|press release|transcript of|press briefing|media briefing|daily briefing|news briefing)\b)")]
    private static partial Regex ReleaseHeading();

    // "Islamabad, November 22, 2011 —": a place in ordinary case, the date with its year, then the dash
    // or colon that ends a dateline; without that separator it is a sentence about a day.
    [GeneratedRegex(@"^[\p{Lu}][\p{L}.'\-]+(?:[ /][\p{Lu}][\p{L}.'\-]+){0,3},\s+[^\u2014\u2013:()\n]{6,40}?\d{4}\s*(?:\([^)]{1,30}\)\s*)?(?:[\u2014\u2013:]|-\s)")]
    private static partial Regex PlaceDateline();

    [GeneratedRegex(@"^(?:due|by|until|till|before|after|since|from|on|in|at|through|to|between|maturing|matures|expiring|expires|effective|ending|ended|starting|dated)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EventPreposition();

    // An all-caps place (optionally ", Country") then the date, at the very start of the text;
    // or an agency credit in brackets that holds the date ("MOSCOW (Sputnik - 17th July, 2019)").
    [GeneratedRegex(@"^[\p{Lu}][\p{Lu} .'\-]{2,40}(?:,\s*[\p{L} .'\-]{2,30})?[,:]?\s*(?:(?:\([^)]{1,30}\)\s*)?[\p{L}\d ,.]{3,40}?\d{4}|\([^)]{0,60}?\d{4}\))")]
    private static partial Regex InlineDateline();
}
