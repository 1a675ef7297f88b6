namespace Search.Core.Highlighting;

/// <summary>
/// Turns an article and a query into a highlighted title and the best passages of the body:
/// sentences (joined with the next one when short) are scored with <see cref="PassageScorer"/>,
/// the best non-overlapping ones are kept and returned in document order, with "…" where text
/// was left out. A body with no match yields its lead.
/// </summary>
internal static class Highlighter
{
    private const string Ellipsis = "…";

    /// <summary>The whole text with its matches marked.</summary>
    public static HighlightedText Whole(string text, IReadOnlyList<TermMatch> matches)
    {
        var ranges = new List<TextRange>(matches.Count);
        foreach (var match in matches)
        {
            if (match.Range.End <= text.Length)
                ranges.Add(match.Range);
        }
        return new(text, TextRange.Merge(ranges));
    }

    /// <summary>The best passages of <paramref name="body"/> given where the query matched it.</summary>
    /// <param name="body">The text.</param>
    /// <param name="sentences">The text's sentences, from <see cref="SentenceSplitter"/>.</param>
    /// <param name="matches">Where the query matched, sorted by start.</param>
    /// <param name="options">How many passages and how long.</param>
    /// <param name="weight">The weight of a matched term or phrase.</param>
    public static IReadOnlyList<HighlightedText> Passages(string body, IReadOnlyList<TextRange> sentences, IReadOnlyList<TermMatch> matches, HighlightOptions options, Func<string, double> weight)
    {
        if (options.Passages <= 0 || body.Length == 0 || sentences.Count == 0)
            return [];
        var maxLength = Math.Max(40, options.MaxPassageLength);
        if (matches.Count == 0)
            return [Render(body, Lead(sentences, maxLength), maxLength, [])];

        var pivot = AverageLength(sentences);
        var candidates = new List<Candidate>();
        var inside = new List<TermMatch>();
        var firstMatch = 0;
        for (var index = 0; index < sentences.Count; index++)
        {
            var range = Candidate.Joined(sentences, index, maxLength);
            // Matches are sorted by start and candidates move forward, so each scan starts where the last one could.
            while (firstMatch < matches.Count && matches[firstMatch].Range.Start < range.Start)
                firstMatch++;
            inside.Clear();
            Inside(matches, firstMatch, range, inside);
            if (inside.Count > 0)
                candidates.Add(new Candidate(range, firstMatch, PassageScorer.Score(inside, range.Length, pivot, index, weight)));
        }
        candidates.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Range.Start.CompareTo(b.Range.Start));

        var chosen = new List<Candidate>(options.Passages);
        foreach (var candidate in candidates)
        {
            if (chosen.Count == options.Passages)
                break;
            if (!Overlaps(chosen, candidate.Range))
                chosen.Add(candidate);
        }
        chosen.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
        var passages = new HighlightedText[chosen.Count];
        for (var i = 0; i < passages.Length; i++)
        {
            inside.Clear();
            Inside(matches, chosen[i].FirstMatch, chosen[i].Range, inside);
            var ranges = new TextRange[inside.Count];
            for (var m = 0; m < ranges.Length; m++)
                ranges[m] = inside[m].Range;
            passages[i] = Render(body, chosen[i].Range, maxLength, ranges);
        }
        return passages;
    }

    /// <summary>A scored candidate passage; its matches are found again from <see cref="FirstMatch"/> when it is chosen, rather than kept for every candidate.</summary>
    private readonly record struct Candidate(TextRange Range, int FirstMatch, double Score)
    {
        /// <summary>The sentence at <paramref name="index"/>, joined with following ones while it is short.</summary>
        public static TextRange Joined(IReadOnlyList<TextRange> sentences, int index, int maxLength)
        {
            var range = sentences[index];
            for (var j = index + 1; j < sentences.Count && range.Length < maxLength / 2 && sentences[j].End - range.Start <= maxLength; j++)
                range = new TextRange(range.Start, sentences[j].End - range.Start);
            return range;
        }
    }

    /// <summary>The matches from <paramref name="first"/> on that lie wholly inside <paramref name="range"/>.</summary>
    private static void Inside(IReadOnlyList<TermMatch> matches, int first, TextRange range, List<TermMatch> inside)
    {
        for (var m = first; m < matches.Count && matches[m].Range.Start < range.End; m++)
        {
            if (matches[m].Range.End <= range.End)
                inside.Add(matches[m]);
        }
    }

    private static bool Overlaps(List<Candidate> chosen, TextRange range)
    {
        foreach (var c in chosen)
        {
            if (!(c.Range.End <= range.Start || range.End <= c.Range.Start))
                return true;
        }
        return false;
    }

    // As Enumerable.Average does it: a long sum over the count.
    private static double AverageLength(IReadOnlyList<TextRange> sentences)
    {
        var sum = 0L;
        for (var i = 0; i < sentences.Count; i++)
            sum += sentences[i].Length;
        return (double)sum / sentences.Count;
    }

    private static TextRange Lead(IReadOnlyList<TextRange> sentences, int maxLength)
    {
        var lead = sentences[0];
        for (var j = 1; j < sentences.Count && sentences[j].End - lead.Start <= maxLength; j++)
            lead = new TextRange(lead.Start, sentences[j].End - lead.Start);
        return lead;
    }

    /// <summary>Cuts the passage to the maximum length around its matches and adds ellipses where text was skipped.</summary>
    private static HighlightedText Render(string body, TextRange passage, int maxLength, IReadOnlyList<TextRange> matches)
    {
        var window = passage.Length <= maxLength ? passage : Window(body, passage, maxLength, matches);
        var prefix = window.Start > 0 ? Ellipsis + " " : "";
        var suffix = window.End < body.AsSpan().TrimEnd().Length ? " " + Ellipsis : "";
        var text = string.Concat(prefix, body.AsSpan(window.Start, window.Length), suffix);
        var shifted = new List<TextRange>(matches.Count);
        foreach (var m in matches)
        {
            if (m.Start >= window.Start && m.End <= window.End)
                shifted.Add(new TextRange(m.Start - window.Start + prefix.Length, m.Length));
        }
        return new HighlightedText(text, TextRange.Merge(shifted));
    }

    /// <summary>A stretch of at most <paramref name="maxLength"/> characters of a long sentence, starting a little before its first match, on word boundaries.</summary>
    internal static TextRange Window(string body, TextRange passage, int maxLength, IReadOnlyList<TextRange> matches)
    {
        var first = passage.Start;
        if (matches.Count > 0)
        {
            first = int.MaxValue;
            foreach (var m in matches)
                first = Math.Min(first, m.Start);
        }
        var start = Math.Max(passage.Start, first - maxLength / 4);
        var wordStart = start;
        while (wordStart > passage.Start && !char.IsWhiteSpace(body[wordStart - 1]))
            wordStart--;
        // Backing up to the start of a word must not push the match out of the window (one very long "word", such as a URL).
        if (first - wordStart < maxLength / 2)
            start = wordStart;
        var end = Math.Min(passage.End, start + maxLength);
        while (end < passage.End && end > start && !char.IsWhiteSpace(body[end]))
            end--;
        if (end <= start)
            end = Math.Min(passage.End, start + maxLength);
        return new TextRange(start, end - start);
    }
}
