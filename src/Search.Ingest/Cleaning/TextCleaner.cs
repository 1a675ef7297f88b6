using System.Text.RegularExpressions;
using Search.Ingest.Extraction;

namespace Search.Ingest.Cleaning;

/// <summary>
/// Removes the debris of scraping (weather widgets, "Latest news", bylines, agency tags, plugs,
/// repeated headlines and captions, stray HTML) and finds the headline. Each input line is one
/// paragraph; a line is dropped only when it as a whole is boilerplate, so real sentences survive.
/// </summary>
public static partial class TextCleaner
{
    // Leading lines past this many are body, so a date there is an event, not a dateline.
    private const int HeaderLineCount = 6;

    // Repeats shorter than this ("He said.") are ordinary prose, not duplicated captions.
    private const int MinRepeatLength = 20;

    private const int MaxTitleLength = 200;

    // Debris is a short line. A longer paragraph holds prose even when a plug's words open it or
    // occur in it (a story scraped onto one line after "Sign up for…"), and dropping it whole drops
    // the story: three State of the Union addresses, each one line, were lost for "becoming a member
    // of". The longest debris line of the development set, seeds, samples and test articles is 125.
    private const int MaxBoilerplateLength = 300;

    private static readonly HashSet<string> BoilerplateLines = new(StringComparer.OrdinalIgnoreCase)
    {
        "latest news", "related news", "related", "related stories", "related articles", "more news",
        "leave a comment", "leave a reply", "comments", "comment", "advertisement", "scroll for next", "scroll for more",
        "scroll to continue", "story continues below advertisement", "continue reading", "read more",
        "share", "share this", "share this article", "follow us", "subscribe", "subscribe to our newsletter",
        "sign up for our newsletter", "by", "web desk", "news desk", "staff reporter", "our correspondent",
        "pti", "ani", "ians", "reuters", "afp", "ap", "app", "agencies", "world", "india", "pakistan",
        "news", "home", "top stories", "trending", "most read", "photo", "file photo", "video",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BoilerplateLookup = BoilerplateLines.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Cleans <paramref name="raw"/>; <paramref name="knownTitle"/> (from metadata) wins over detection.</summary>
    public static CleanedText Clean(string raw, string? knownTitle = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var lines = raw.ReplaceLineEndings("\n").Split('\n').Select(NormalizeLine).ToList();
        var datelines = new List<string>();
        var kept = new List<string>();
        var nonEmptySeen = 0;
        var bodyStarted = false;
        var previous = "";
        foreach (var line in lines)
        {
            var before = previous;
            previous = line;
            if (line.Length == 0)
                continue;
            nonEmptySeen++;
            if (IsExplicitDateline(line) || (!bodyStarted && nonEmptySeen <= HeaderLineCount && IsDateOnlyLine(line)))
            {
                datelines.Add(line);
                continue;
            }
            // Normalising again changes only a line that may still decode (an entity, a tag, a surrogate for the decoder to check).
            if (!EndsWrappedSentence(before, line) && IsNormalizedBoilerplate(MayNormalizeFurther(line) ? NormalizeLine(line) : line))
                continue;
            if (EndsAsSentence(line))
                bodyStarted = true;
            kept.Add(line);
        }

        var title = string.IsNullOrWhiteSpace(knownTitle) ? DetectTitle(kept) : NormalizeLine(knownTitle);
        var body = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in kept)
        {
            if (title is not null && string.Equals(line, title, StringComparison.OrdinalIgnoreCase))
            {
                // Every copy of the headline inside the text is a repeat of the title, not body.
                continue;
            }
            if (line.Length >= MinRepeatLength && !seen.Add(line))
                continue;
            body.Add(line);
        }
        return new CleanedText(string.IsNullOrEmpty(title) ? null : title, string.Join("\n\n", body), datelines);
    }

    /// <summary>Whether a whole line is scraping debris rather than article text.</summary>
    public static bool IsBoilerplate(string line) => IsNormalizedBoilerplate(NormalizeLine(line));

    /// <summary><see cref="IsBoilerplate"/> for a line that <see cref="NormalizeLine"/> has already normalised.</summary>
    private static bool IsNormalizedBoilerplate(string trimmed)
    {
        if (trimmed.Length == 0)
            return true;
        if (trimmed.Length > MaxBoilerplateLength)
            return false;
        var key = trimmed.AsSpan().TrimEnd(":.|- ").Trim();
        return BoilerplateLookup.Contains(key)
            || WeatherLine().IsMatch(trimmed)
            || StrayFragment().IsMatch(trimmed)
            || CrossLink().IsMatch(trimmed)
            || IsPlug(trimmed)
            || PhotoCaption().IsMatch(trimmed)
            || Byline().IsMatch(trimmed);
    }

    /// <summary>A line that only states a publication date, such as <c>Friday, December 9, 2022</c>.</summary>
    internal static bool IsDateOnlyLine(string line)
    {
        if (line.Length > 60 || DateParser.FindDates(line).Count == 0)
            return false;
        var rest = DateParser.RemoveDates(line);
        rest = DatelineFiller().Replace(rest, " ");
        return rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2;
    }

    /// <summary>A "Published:", "Updated:" or "Posted on" line, wherever it appears.</summary>
    internal static bool IsExplicitDateline(string line) => line.Length <= 100 && ExplicitDateline().IsMatch(line);

    private static string? DetectTitle(List<string> kept)
    {
        // A lone line is the whole text: taking it as the headline would leave no body at all.
        if (kept.Count < 2)
            return null;
        var first = kept[0];
        if (first.Length > MaxTitleLength || EndsAsSentence(first))
            return null;
        var words = first.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // One- or two-word lines are section labels or names, not headlines.
        return words.Length >= 3 && words.Length <= 30 ? first : null;
    }

    /// <summary>
    /// Whether <paramref name="line"/> finishes the sentence the line just before it broke off, as in
    /// hard-wrapped wire copy ("...earned 12 cts a" / "share."): such a line is prose even when it
    /// reads like debris on its own. Debris lines stand alone, after a headline or a blank line.
    /// </summary>
    private static bool EndsWrappedSentence(string before, string line) =>
        before.Length > 0 && (char.IsLower(before[^1]) || before[^1] == ',') && EndsAsSentence(line);

    private static bool EndsAsSentence(string line)
    {
        var end = line.TrimEnd('"', '\u201D', '\u2019', '\'', ')');
        // A headline may end with an abbreviation ("…selectively': U.S."); that period ends no sentence.
        // The pattern needs "X." after a dot at the very end; checking that first spares scanning every line ending in a period.
        return end.EndsWith('.') && !(end.Length >= 4 && end[^3] == '.' && char.IsUpper(end[^2]) && TrailingAbbreviation().IsMatch(end));
    }

    [GeneratedRegex(@"(?:^|[\s:(])(?:\p{Lu}\.){2,}$")]
    private static partial Regex TrailingAbbreviation();

    private static bool MayNormalizeFurther(string line) =>
        line.AsSpan().IndexOfAny('&', '<') >= 0 || line.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    private static string NormalizeLine(string line)
    {
        var decoded = System.Net.WebUtility.HtmlDecode(line);
        // Most lines hold no tag; the regex would scan them only to return them unchanged.
        var untagged = decoded.Contains('<') ? HtmlTag().Replace(decoded, "") : decoded;
        return CollapseSpaces(TrimSpaces(untagged));
    }

    /// <summary>
    /// The text without the spaces at its ends, as collapsing each run to one space and trimming would
    /// leave it: white space, and the zero-width space collapsing counts as a space. Hard-wrapped copy
    /// (Reuters) indents nearly every line; trimmed first, most lines have no run left to collapse.
    /// </summary>
    private static string TrimSpaces(string text)
    {
        var start = 0;
        while (start < text.Length && IsEdgeSpace(text[start]))
            start++;
        var end = text.Length;
        while (end > start && IsEdgeSpace(text[end - 1]))
            end--;
        return start == 0 && end == text.Length ? text : text[start..end];
    }

    private static bool IsEdgeSpace(char c) => char.IsWhiteSpace(c) || SpaceChars.Contains(c);

    // A tag is a closing tag, one with attributes or self-closed, or a bare element of a page in
    // lower case, as is a custom or namespaced one ("<amp-img>", "<o:p>"). Anything else in angle
    // brackets is text: wire copy marks companies and tickers so ("<Nichols National Bank>", "<IBM>",
    // "<DD>", "<Ina-Naftaplin>"), and stripping every bracketed word took them out of 11,368 of the
    // 21,578 Reuters stories.
    [GeneratedRegex(@"</[A-Za-z][\w:.-]{0,40}\s*>|<[A-Za-z][\w:.-]{0,40}(?:\s+[^<>]{0,200}?=[^<>]{0,200}?|\s*/)\s*>|<(?-i:a|abbr|article|aside|b|big|blockquote|body|br|button|center|cite|code|dd|del|div|dl|dt|em|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|ins|label|li|main|mark|nav|noscript|ol|p|picture|pre|q|s|script|section|small|source|span|strike|strong|style|sub|sup|table|tbody|td|tfoot|th|thead|tr|tt|u|ul|video|[a-z][a-z0-9.]*[:-][a-z0-9:.-]*)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();

    private static readonly System.Buffers.SearchValues<char> SpaceChars = System.Buffers.SearchValues.Create(" \t\u00A0\u2009\u200B");

    /// <summary>
    /// Each run of spaces, tabs, no-break, thin and zero-width spaces as one plain space. Hard-wrapped
    /// text (Reuters) indents most lines, so this runs on nearly every line of the corpus: one pass,
    /// and no new string for a line that has no run to collapse.
    /// </summary>
    private static string CollapseSpaces(string text)
    {
        var at = FirstToCollapse(text);
        if (at < 0)
            return text;
        Span<char> collapsed = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        text.AsSpan(0, at).CopyTo(collapsed);
        var length = at;
        var inRun = false;
        for (var i = at; i < text.Length; i++)
        {
            if (SpaceChars.Contains(text[i]))
            {
                if (!inRun)
                    collapsed[length++] = ' ';
                inRun = true;
            }
            else
            {
                collapsed[length++] = text[i];
                inRun = false;
            }
        }
        return new string(collapsed[..length]);
    }

    /// <summary>Where the first space character stands that is not a lone plain space, or -1.</summary>
    private static int FirstToCollapse(string text)
    {
        var from = 0;
        while (true)
        {
            var found = text.AsSpan(from).IndexOfAny(SpaceChars);
            if (found < 0)
                return -1;
            var at = from + found;
            if (text[at] != ' ' || (at + 1 < text.Length && SpaceChars.Contains(text[at + 1])))
                return at;
            from = at + 1;
        }
    }

    // "5.1 C", "23°C Islamabad", "-2 °F New York" — a temperature, optionally a place, nothing more.
    [GeneratedRegex(@"^-?\d{1,3}(?:[.,]\d+)?\s*°?\s*[CF](?:\s+[\p{L}][\p{L} .,'-]{0,40})?$")]
    private static partial Regex WeatherLine();

    // A lone letter ("i" left from an icon) or a line of punctuation only.
    [GeneratedRegex(@"^(?:\p{L}|[\p{P}\p{S}\s]+)$")]
    private static partial Regex StrayFragment();

    [GeneratedRegex(@"^(?:also read|read also|also see|see also|read more|related|must read|recommended)\s*[:|\-\u2013\u2014]", RegexOptions.IgnoreCase)]
    private static partial Regex CrossLink();

    /// <summary>
    /// A plug for the site: a line opening with a call to the reader, or holding words no news
    /// sentence uses. "become a member of" is prose ("Pakistan hopes to become a member of the NSG"),
    /// a quoted minister may "subscribe to our view" or "support independent journalism", so those
    /// count only where a line opens with them.
    /// </summary>
    private static bool IsPlug(string line) =>
        PlugOpening().IsMatch(line) || (line.AsSpan().ContainsAny(PlugWords) && PlugPhrase().IsMatch(line));

    // Every line is scanned for the phrases; a vectorised search for their key words first spares the
    // regular expression nearly all of them, since its first letters (b, o, s) start most words.
    private static readonly System.Buffers.SearchValues<string> PlugWords = System.Buffers.SearchValues.Create(["member", "newsletter", "journalism"], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\(?(?:please (?:email|send|share|mail) your|please support|subscribe to|sign up for|click here|follow us on|at the quint,|support independent journalism)", RegexOptions.IgnoreCase)]
    private static partial Regex PlugOpening();

    [GeneratedRegex(@"becom(?:e|ing) a member\b(?!\s+of\b)|our newsletters?\b|support our journalism", RegexOptions.IgnoreCase)]
    private static partial Regex PlugPhrase();

    [GeneratedRegex(@"^\((?:photo|image|picture|file photo|representational image|representational photo)\s*(?::[^)]*)?\)$|^(?:photo|image|picture)\s*(?:credit)?\s*:\s*\S.{0,60}$", RegexOptions.IgnoreCase)]
    private static partial Regex PhotoCaption();

    // "By John Smith", "By Web Desk": a byline has no sentence punctuation and few words.
    [GeneratedRegex(@"^By\s+[\p{Lu}][\p{L}.'\-]*(?:\s+[\p{Lu}&][\p{L}.'\-]*){0,4}(?:\s*(?:,|and|\|)\s*[\p{Lu}][\p{L}.'\-]*(?:\s+[\p{Lu}][\p{L}.'\-]*){0,3})*$")]
    private static partial Regex Byline();

    // The word must introduce a stamp: a colon or dash, a date, a time, a month or weekday, "by" an
    // author, or nothing. A sentence may open with it too ("Published reports said…", "Updated
    // guidance will follow"), and a dateline is taken out of the body.
    [GeneratedRegex(@"^(?:published|updated|last updated|posted|first published)\b\s*(?:(?:on|at)\b\s*)?(?:$|[:|\-\u2013\u2014\u25CF]|\d|by\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitDateline();

    [GeneratedRegex(@"(?i)\b(?:published|updated|last|posted|on|at|ist|pkt|gmt|utc|et|pst|est|am|pm|\d{1,2}:\d{2}(?::\d{2})?)\b|[|,:\-\u2013\u2014]")]
    private static partial Regex DatelineFiller();
}
