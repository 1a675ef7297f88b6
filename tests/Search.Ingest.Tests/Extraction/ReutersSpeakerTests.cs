using Search.Core;
using Search.Benchmarks.Corpora;
using Search.Ingest.Extraction;
using Xunit.Abstractions;

namespace Search.Ingest.Tests.Extraction;

/// <summary>
/// Runs the speaker extractor over Reuters-21578 (real 1987 newswire) and checks the most frequent
/// speakers: companies, agencies, places and name fragments must not be among them, and a bare
/// surname must join the one full name the collection knows for it.
/// </summary>
public sealed class ReutersSpeakerTests(ITestOutputHelper output)
{
    // What the extractor credited before it learnt to tell people from organisations.
    private static readonly string[] KnownFailures =
    [
        "Poor Corp", "Moody Investors", "Stock Exchange", "Co Inc", "Wall Street", "Hong Kong", "Exchequer Nigel Lawson", "Tanjug",
        "Motors Corp", "Industries Inc", "Merrill Lynch", "E.F. Hutton", "Loan Association", "Motors", "Partners", "Auto Workers",
        "Mines Subroto",
    ];

    [ReutersFact]
    public void TopSpeakers_AreAllPeople_AndBareSurnamesJoinTheFullName()
    {
        var top = TopSpeakers(50);
        foreach (var (name, count) in top)
            output.WriteLine($"{count,5}  {name}");

        var names = top.Select(t => t.Name).ToArray();
        // The corpus labels the people each story is about, mostly by surname alone ("baker").
        var labelled = ReutersReader.ReadFolder(ReutersFactAttribute.Folder!)
            .SelectMany(a => a.Values(FacetNames.Speaker)).Select(p => PersonNames.Words(p)[^1]).ToHashSet(StringComparer.Ordinal);
        var withLabel = names.Count(n => labelled.Contains(PersonNames.Words(n)[^1]));
        output.WriteLine($"{withLabel} of {names.Length} share a surname with the corpus's PEOPLE labels");
        Assert.Empty(names.Intersect(KnownFailures));
        Assert.True(withLabel >= 25, $"Only {withLabel} of the top {names.Length} speakers are people the corpus labels.");
        Assert.Contains("Ronald Reagan", names);
        Assert.DoesNotContain("Reagan", names);
    }

    private List<(string Name, int Count)> TopSpeakers(int count)
    {
        var extractor = new SpeakerExtractor(GroupAliasTable.Default);
        var articles = ReutersReader.ReadFolder(ReutersFactAttribute.Folder!).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var perArticle = articles.Select(a => extractor.Extract(a.Title, a.Body).Select(v => v.Value).ToArray()).ToList();
        clock.Stop();
        var megabytes = articles.Sum(a => (long)a.Title.Length + a.Body.Length) / 1_000_000.0;
        output.WriteLine($"speakers of {articles.Count} stories ({megabytes:F1} MB of text) in {clock.Elapsed.TotalSeconds:F1} s: {megabytes / clock.Elapsed.TotalSeconds:F1} MB/s");
        var directory = new SpeakerDirectory();
        foreach (var speakers in perArticle)
            directory.Learn(speakers);
        return perArticle
            .SelectMany(directory.Resolve)
            .CountBy(n => n, StringComparer.Ordinal)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(p => (p.Key, p.Value))
            .ToList();
    }
}

/// <summary>A fact that is skipped, with a visible reason, when the shared Reuters-21578 corpus is not present.</summary>
public sealed class ReutersFactAttribute : FactAttribute
{
    public static string? Folder { get; } = SharedCorpora.Find("reuters21578");

    public ReutersFactAttribute()
    {
        if (Folder is null)
            Skip = "Needs the shared corpus 'reuters21578' (../shared/corpora/reuters21578 beside the repository), which is not present; it is third-party text and is not shipped.";
    }
}
