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
    public static HighlightedText Whole(string text, IReadOnlyList<TermMatch> matches) =>
        new(text, TextRange.Merge(matches.Select(m => m.Range).Where(r => r.End <= text.Length)));

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

        var pivot = sentences.Average(s => s.Length);
        var candidates = new List<(TextRange Range, TermMatch[] Matches, double Score)>();
        var firstMatch = 0;
        foreach (var (range, index) in Candidates(sentences, maxLength))
        {
            // Matches are sorted by start and candidates move forward, so each scan starts where the last one could.
            while (firstMatch < matches.Count && matches[firstMatch].Range.Start < range.Start)
                firstMatch++;
            var inside = new List<TermMatch>();
            for (var m = firstMatch; m < matches.Count && matches[m].Range.Start < range.End; m++)
            {
                if (matches[m].Range.End <= range.End)
                    inside.Add(matches[m]);
            }
            if (inside.Count > 0)
                candidates.Add((range, inside.ToArray(), PassageScorer.Score(inside, range.Length, pivot, index, weight)));
        }
        candidates.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Range.Start.CompareTo(b.Range.Start));

        var chosen = new List<(TextRange Range, TermMatch[] Matches)>();
        foreach (var candidate in candidates)
        {
            if (chosen.Count == options.Passages)
                break;
            if (chosen.All(c => c.Range.End <= candidate.Range.Start || candidate.Range.End <= c.Range.Start))
                chosen.Add((candidate.Range, candidate.Matches));
        }
        return chosen
            .OrderBy(c => c.Range.Start)
            .Select(c => Render(body, c.Range, maxLength, c.Matches.Select(m => m.Range).ToArray()))
            .ToArray();
    }

    /// <summary>Each sentence, joined with following ones while it is short, as a candidate passage.</summary>
    private static IEnumerable<(TextRange Range, int Index)> Candidates(IReadOnlyList<TextRange> sentences, int maxLength)
    {
        for (var i = 0; i < sentences.Count; i++)
        {
            var range = sentences[i];
            for (var j = i + 1; j < sentences.Count && range.Length < maxLength / 2 && sentences[j].End - range.Start <= maxLength; j++)
                range = new TextRange(range.Start, sentences[j].End - range.Start);
            yield return (range, i);
        }
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
        var suffix = window.End < body.TrimEnd().Length ? " " + Ellipsis : "";
        var text = prefix + body.Substring(window.Start, window.Length) + suffix;
        var ranges = TextRange.Merge(matches
            .Where(m => m.Start >= window.Start && m.End <= window.End)
            .Select(m => new TextRange(m.Start - window.Start + prefix.Length, m.Length)));
        return new HighlightedText(text, ranges);
    }

    /// <summary>A stretch of at most <paramref name="maxLength"/> characters of a long sentence, starting a little before its first match, on word boundaries.</summary>
    internal static TextRange Window(string body, TextRange passage, int maxLength, IReadOnlyList<TextRange> matches)
    {
        var first = matches.Count > 0 ? matches.Min(m => m.Start) : passage.Start;
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
