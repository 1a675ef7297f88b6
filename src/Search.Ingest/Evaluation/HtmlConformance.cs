using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Search.Ingest.Reading;

namespace Search.Ingest.Evaluation;

/// <summary>How <see cref="HtmlArticleParser"/> did on one test page.</summary>
/// <param name="Name">The page's folder name.</param>
/// <param name="ExpectedTitle">The title the suite expects (empty when it expects none).</param>
/// <param name="Title">The title we read, or <c>null</c>.</param>
/// <param name="TitleMatch">Whether the titles agree (see <see cref="HtmlConformance"/>).</param>
/// <param name="BodyF1">Token F1 between our main text and the expected main content, 0 to 1.</param>
/// <param name="ExpectedByline">The byline the suite expects, or <c>null</c>.</param>
/// <param name="Byline">The byline we read, or <c>null</c>.</param>
/// <param name="ExpectedPublished">The publication time the suite expects, or <c>null</c>.</param>
/// <param name="Published">The publication time we read, or <c>null</c>.</param>
/// <param name="ReadTime">How long reading the page took.</param>
/// <param name="Error">The exception's message when reading threw, else <c>null</c>.</param>
public sealed record HtmlPageScore(
    string Name,
    string ExpectedTitle,
    string? Title,
    bool TitleMatch,
    double BodyF1,
    string? ExpectedByline,
    string? Byline,
    DateTimeOffset? ExpectedPublished,
    DateTimeOffset? Published,
    TimeSpan ReadTime,
    string? Error);

/// <summary>The conformance of our HTML reading over a folder of test pages.</summary>
/// <param name="Pages">One score per page, in ordinal order of folder name.</param>
public sealed record HtmlConformanceReport(IReadOnlyList<HtmlPageScore> Pages)
{
    /// <summary>The share of pages whose title matches; 0 for no pages.</summary>
    public double TitleAccuracy => Pages.Count == 0 ? 0 : (double)Pages.Count(p => p.TitleMatch) / Pages.Count;

    /// <summary>The mean of the per-page body F1; 0 for no pages.</summary>
    public double MeanBodyF1 => Pages.Count == 0 ? 0 : Pages.Average(p => p.BodyF1);

    /// <summary>The share of pages with body F1 of at least 0.9; 0 for no pages.</summary>
    public double ShareBodyF1AtLeast90 => Pages.Count == 0 ? 0 : (double)Pages.Count(p => p.BodyF1 >= 0.9) / Pages.Count;

    /// <summary>Among pages whose expected byline is set, the share whose byline matches (same rule as titles); 0 when none is.</summary>
    public double BylineAccuracy
    {
        get
        {
            var expected = Pages.Where(p => !string.IsNullOrWhiteSpace(p.ExpectedByline)).ToList();
            return expected.Count == 0 ? 0 : (double)expected.Count(p => HtmlConformance.SameTitle(p.ExpectedByline!, p.Byline)) / expected.Count;
        }
    }

    /// <summary>
    /// Among pages whose expected publication time is set, the share where ours falls on the same
    /// calendar date (each in its own stated offset); 0 when none is.
    /// </summary>
    public double PublishedAccuracy
    {
        get
        {
            var expected = Pages.Where(p => p.ExpectedPublished is not null).ToList();
            return expected.Count == 0 ? 0 : (double)expected.Count(p => p.Published?.Date == p.ExpectedPublished!.Value.Date) / expected.Count;
        }
    }

    /// <summary>How many pages threw while being read (the parser's contract says none).</summary>
    public int Errors => Pages.Count(p => p.Error is not null);

    /// <summary>The mean time to read one page; zero for no pages.</summary>
    public TimeSpan MeanReadTime => Pages.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Pages.Average(p => p.ReadTime.Ticks));

    /// <summary>The per-page table then the summary lines, as plain text.</summary>
    public string Format()
    {
        var width = Math.Max(4, Pages.Count == 0 ? 0 : Pages.Max(p => p.Name.Length));
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{"page".PadRight(width)}  title  body_f1  ms     title read\n");
        foreach (var page in Pages)
        {
            var title = page.Error is { } error ? $"error: {error}" : page.Title ?? "(none)";
            builder.Append(CultureInfo.InvariantCulture,
                $"{page.Name.PadRight(width)}  {(page.TitleMatch ? "yes" : "no "),-5}  {page.BodyF1,7:F3}  {page.ReadTime.TotalMilliseconds,5:F0}  {title}\n");
        }
        builder.Append(CultureInfo.InvariantCulture, $"pages            {Pages.Count} ({Errors} threw)\n");
        builder.Append(CultureInfo.InvariantCulture, $"title accuracy   {TitleAccuracy:F3}\n");
        builder.Append(CultureInfo.InvariantCulture, $"mean body F1     {MeanBodyF1:F3} ({ShareBodyF1AtLeast90:P0} of pages at F1 >= 0.9)\n");
        builder.Append(CultureInfo.InvariantCulture, $"byline accuracy  {BylineAccuracy:F3} (over {Pages.Count(p => !string.IsNullOrWhiteSpace(p.ExpectedByline))} pages with an expected byline)\n");
        builder.Append(CultureInfo.InvariantCulture, $"published date   {PublishedAccuracy:F3} (over {Pages.Count(p => p.ExpectedPublished is not null)} pages with an expected time)\n");
        builder.Append(CultureInfo.InvariantCulture, $"mean read time   {MeanReadTime.TotalMilliseconds:F1} ms per page\n");
        return builder.ToString();
    }
}

/// <summary>
/// Scores <see cref="HtmlArticleParser"/> against a Readability-style test suite: a folder of page
/// folders, each holding <c>source.html</c>, <c>expected.html</c> (the expected main content) and
/// <c>expected-metadata.json</c> (with <c>title</c> and <c>byline</c>).
/// </summary>
/// <remarks>
/// Titles are compared as normalised words (lower case, letters and digits only): they match when
/// equal or when one contains the other, and when both are empty. The body score is the F1 of the
/// two multisets of normalised words: ours from the parsed text, the expected from
/// <c>expected.html</c>'s visible text; 1 when both are empty.
/// </remarks>
public static class HtmlConformance
{
    /// <summary>The page folders of <paramref name="folder"/> that hold a complete test case, in ordinal order.</summary>
    public static IReadOnlyList<string> PageFolders(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The test page folder '{folder}' does not exist.");
        return Directory.GetDirectories(folder)
            .Where(d => File.Exists(Path.Combine(d, "source.html")) && File.Exists(Path.Combine(d, "expected.html")) && File.Exists(Path.Combine(d, "expected-metadata.json")))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads and scores every page folder under <paramref name="folder"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static HtmlConformanceReport Score(string folder) =>
        new(PageFolders(folder).Select(ScorePage).ToList());

    /// <summary>Reads and scores one page folder.</summary>
    public static HtmlPageScore ScorePage(string pageFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pageFolder);
        var source = File.ReadAllText(Path.Combine(pageFolder, "source.html"));
        var expectedText = HtmlArticleParser.PlainText(new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(pageFolder, "expected.html"))));
        var (expectedTitle, expectedByline, expectedPublished) = ReadMetadata(Path.Combine(pageFolder, "expected-metadata.json"));
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(pageFolder));
        var clock = Stopwatch.StartNew();
        HtmlArticle page;
        try
        {
            page = HtmlArticleParser.Parse(source);
        }
        catch (Exception e)
        {
            // The score records a broken contract instead of hiding the other pages' figures.
            return new HtmlPageScore(name, expectedTitle, null, false, 0, expectedByline, null, expectedPublished, null, clock.Elapsed, e.Message);
        }
        var elapsed = clock.Elapsed;
        return new HtmlPageScore(name, expectedTitle, page.Title, SameTitle(expectedTitle, page.Title), TokenF1(page.Text, expectedText), expectedByline, page.Byline, expectedPublished, page.Published, elapsed, null);
    }

    /// <summary>Whether two titles agree: equal, or one containing the other, as normalised words; both empty also agree.</summary>
    public static bool SameTitle(string expected, string? actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var a = string.Join(' ', Words(expected));
        var b = string.Join(' ', Words(actual ?? ""));
        if (a.Length == 0 || b.Length == 0)
            return a.Length == b.Length;
        return $" {a} ".Contains($" {b} ", StringComparison.Ordinal) || $" {b} ".Contains($" {a} ", StringComparison.Ordinal);
    }

    /// <summary>The F1 of the word multisets of <paramref name="actual"/> and <paramref name="expected"/>; 1 when both have no words.</summary>
    public static double TokenF1(string actual, string expected)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        var actualCounts = Counts(actual);
        var expectedCounts = Counts(expected);
        var actualTotal = actualCounts.Values.Sum();
        var expectedTotal = expectedCounts.Values.Sum();
        if (actualTotal == 0 || expectedTotal == 0)
            return actualTotal == expectedTotal ? 1 : 0;
        var overlap = actualCounts.Sum(kv => Math.Min(kv.Value, expectedCounts.GetValueOrDefault(kv.Key)));
        if (overlap == 0)
            return 0;
        var precision = (double)overlap / actualTotal;
        var recall = (double)overlap / expectedTotal;
        return 2 * precision * recall / (precision + recall);
    }

    /// <summary>The lower-case runs of letters and digits in <paramref name="text"/>.</summary>
    internal static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    private static Dictionary<string, int> Counts(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in Words(text))
            counts[word] = counts.GetValueOrDefault(word) + 1;
        return counts;
    }

    private static (string Title, string? Byline, DateTimeOffset? Published) ReadMetadata(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        var published = DateTimeOffset.TryParse(StringProperty(root, "publishedTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : (DateTimeOffset?)null;
        return (StringProperty(root, "title") ?? "", StringProperty(root, "byline"), published);
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
