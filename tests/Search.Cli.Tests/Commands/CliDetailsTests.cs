namespace Search.Cli.Tests.Commands;

/// <summary>The details a new user meets first: each verb's help, missing and unsupported files, stale records, extract's table.</summary>
public sealed class CliDetailsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("index", "search index <path>... [options]")]
    [InlineData("extract", "search extract <path>... [options]")]
    [InlineData("stats", "search stats [options]")]
    public void VerbHelp_ShowsTheVerbsOwnUsageWithoutTheRootQuery(string verb, string usage)
    {
        var run = Cli.Run([verb, "--help"]);

        Assert.Equal(0, run.ExitCode);
        // The program name is the test host's here, "search" when installed.
        Assert.Matches($"Usage:\n  \\S+ {System.Text.RegularExpressions.Regex.Escape(usage["search ".Length..])}\n", run.Output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("<query>", run.Output);
    }

    [Fact]
    public void RootHelp_StillShowsTheQuery()
    {
        Assert.Contains("<query>", Cli.Run(["--help"]).Output);
    }

    [Fact]
    public void Index_WhenAPathDoesNotExist_FailsWithExitOne()
    {
        var missing = _temp.Combine("nowhere");

        var run = Cli.Run(["index", missing, "--index", _temp.Combine("index")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"No such file or folder: {missing}\n", run.Error);
    }

    [Fact]
    public void Index_ListsUnsupportedFilesAsSkippedWithTheReason()
    {
        _temp.Write("articles/wells.txt", "ISLAMABAD, February 12, 2020: Alice Wells said the conviction of Hafiz Saeed, the founder of LeT, was a step forward.\n");
        _temp.Write("articles/report.pdf", "%PDF-1.4");
        _temp.Write("articles/notes.md", "# Notes");

        var run = Cli.Run(["index", _temp.Combine("articles"), "--index", _temp.Combine("index")]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Skipped: 2\n", run.Output);
        Assert.Contains($"  {_temp.Combine("articles", "notes.md")}: Unsupported file type '.md'; expected one of .txt, .html, .htm, .json, .jsonl.\n", run.Output);
        Assert.Contains($"  {_temp.Combine("articles", "report.pdf")}: Unsupported file type '.pdf'; expected one of .txt, .html, .htm, .json, .jsonl.\n", run.Output);
    }

    [Fact]
    public void Index_AfterFilesAreDeleted_SaysHowManyRecordsAreStaleAndHowToRemoveThem()
    {
        _temp.Write("articles/wells.txt", "ISLAMABAD, February 12, 2020: Alice Wells said the conviction of Hafiz Saeed, the founder of LeT, was a step forward.\n");
        _temp.Write("articles/drone.txt", "PESHAWAR, June 3, 2016: A drone strike killed a commander of the Pakistani Taliban, officials said.\n");
        string[] args = ["index", _temp.Combine("articles"), "--index", _temp.Combine("index")];
        Assert.Equal(0, Cli.Run(args).ExitCode);
        File.Delete(_temp.Combine("articles", "drone.txt"));

        var stale = Cli.Run(args);
        var removed = Cli.Run([.. args, "--remove-missing"]);
        var clean = Cli.Run(args);

        Assert.EndsWith("Stale: 1 indexed article comes from a file under these paths that is gone; run again with --remove-missing to remove it.\n", stale.Output);
        Assert.Contains("Removed: 1\n", removed.Output);
        Assert.DoesNotContain("Stale:", removed.Output);
        Assert.DoesNotContain("Stale:", clean.Output);
    }

    [Fact]
    public void Extract_WithoutJson_PrintsATableWithTheDate()
    {
        _temp.Write("articles/wells.txt", "US welcomes Saeed verdict\n\nISLAMABAD, February 12, 2020: Alice Wells said the conviction of Hafiz Saeed, the founder of LeT, was a step forward.\n");

        var run = Cli.Run(["extract", _temp.Combine("articles")]);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.Matches(@"^│ File +│ Title +│ Date +│ Groups +│ Speakers +│$", lines[1]);
        Assert.Matches(@"^│ wells\.txt +│ .+ +│ 2020-02-12 +│ Lashkar-e-Taiba +│ Alice Wells +│$", lines[3]);
        Assert.Equal("1 article", lines[^2]);
    }
}
