using Search.Core;

namespace Search.Cli.Tests.Commands;

/// <summary>A fact that is skipped, with a visible reason, when the shared Readability test pages are not present.</summary>
public sealed class ReadabilityPagesFactAttribute : FactAttribute
{
    public ReadabilityPagesFactAttribute()
    {
        if (HtmlPagesCommandTests.PagesFolder is null)
            Skip = "The shared Readability test pages (shared/corpora/readability/test-pages above the test binaries) were not found; they are third-party pages and are not shipped with the repository.";
    }
}

/// <summary><c>search index</c> and <c>search eval-html</c> over the Readability test pages, as the web serves them.</summary>
public sealed class HtmlPagesCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    internal static string? PagesFolder { get; } = Locate();

    public void Dispose() => _temp.Dispose();

    [ReadabilityPagesFact]
    public void Index_OverEveryTestPageSavedAsHtml_IndexesThemAll()
    {
        var pages = Directory.GetDirectories(PagesFolder!).Order(StringComparer.Ordinal).ToList();
        var articles = _temp.Combine("pages");
        Directory.CreateDirectory(articles);
        foreach (var page in pages)
            File.Copy(Path.Combine(page, "source.html"), Path.Combine(articles, $"{Path.GetFileName(page)}.html"));
        var index = _temp.Combine("index");

        var run = Cli.Run(["index", articles, "--index", index]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"Index: {index}\nAdded: {pages.Count}\nUpdated: 0\nUnchanged: 0\nRemoved: 0\nSkipped: 0\n", run.Output);
        using var opened = SearchIndex.Open(index);
        Assert.Equal(130, opened.GetStats().Documents);
    }

    [Fact]
    public void EvalHtml_Help_ShowsExamples()
    {
        var run = Cli.Run(["eval-html", "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Examples:", run.Output);
        Assert.Contains("search eval-html ../shared/corpora/readability/test-pages --json", run.Output);
    }

    [Fact]
    public void EvalHtml_WhenFolderIsMissing_SaysSoWithUsageExit()
    {
        var run = Cli.Run(["eval-html", _temp.Combine("absent")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"The test page folder '{_temp.Combine("absent")}' does not exist.\n", run.Error);
    }

    [Fact]
    public void EvalHtml_OverOnePage_PrintsTheTableAndTheMeans()
    {
        _temp.Write("ferry/source.html", """
            <html><head><title>Ferry timetable changes</title></head><body><article><h1>Ferry timetable changes</h1>
            <p>The ferry timetable changes next week, with two extra crossings each day in the summer months.</p></article></body></html>
            """);
        _temp.Write("ferry/expected.html", "<div><p>The ferry timetable changes next week, with two extra crossings each day.</p></div>");
        _temp.Write("ferry/expected-metadata.json", """{"title": "Ferry timetable changes", "byline": null}""");

        var run = Cli.Run(["eval-html", _temp.Path, "--json"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"pages\":1,\"errors\":0,\"title_accuracy\":1,\"mean_body_f1\":0.857142", run.Output);
        Assert.Contains("\"name\":\"ferry\",\"expected_title\":\"Ferry timetable changes\",\"title\":\"Ferry timetable changes\",\"title_match\":true,\"body_f1\":0.8571", run.Output);
    }

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpora", "readability", "test-pages");
            if (Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
