using System.Text.RegularExpressions;
using CoreSplitter = Search.Core.SentenceSplitter;

namespace Search.Ingest.Extraction;

/// <summary>
/// A sentence of an article. <see cref="Masked"/> has the same length as <see cref="Text"/> with
/// quoted passages replaced by <see cref="QuoteMark"/>, so that names and verbs inside someone's
/// quote are not read as the article's own attribution.
/// </summary>
internal sealed record Sentence(string Text, string Masked)
{
    public const char QuoteMark = CoreSplitter.QuoteMark;
}

/// <summary>
/// Core's sentence splitting, with each sentence's quotes masked for the extractors. A break right
/// after a person's dotted initials ("spokesman P.J. Crowley said") is undone: the initials open a name.
/// </summary>
internal static partial class SentenceSplitter
{
    public static IReadOnlyList<Sentence> Split(string text)
    {
        var normalized = text.ReplaceLineEndings("\n");
        var ranges = new List<(int Start, int End)>();
        foreach (var range in CoreSplitter.Split(normalized))
        {
            var end = range.Start + range.Length;
            if (ranges.Count > 0 && EndsWithInitials(normalized, ranges[^1]) && !normalized[ranges[^1].End..range.Start].Contains('\n'))
                ranges[^1] = (ranges[^1].Start, end);
            else
                ranges.Add((range.Start, end));
        }
        return ranges.Select(r => normalized[r.Start..r.End]).Select(s => new Sentence(s, MaskQuotes(s))).ToArray();
    }

    public static string MaskQuotes(string text) => CoreSplitter.MaskQuotes(text);

    private static bool EndsWithInitials(string text, (int Start, int End) range)
    {
        var match = TrailingInitials().Match(text, range.Start, range.End - range.Start);
        return match.Success && !NameLexicon.IsNonPerson(match.Groups["letters"].Value.Replace(".", "", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"(?<=^|\s)(?<letters>(?:\p{Lu}\.){2,3})$")]
    private static partial Regex TrailingInitials();
}
