namespace Search.Cli.Tests.Shell;

public sealed class ShellSessionTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _index;

    public ShellSessionTests() => _index = TestArticles.BuildIndex(_temp.Combine("index"));

    public void Dispose() => _temp.Dispose();

    private CliRun Shell(string input, string? index = null) => Cli.Run(["shell", "--index", index ?? _index], input);

    /// <summary>The output cut after each search's closing line, timings masked.</summary>
    private static string[] Blocks(string output) => System.Text.RegularExpressions.Regex.Split(Cli.WithoutTimings(output), @"(?<= in N ms\n)\n");

    [Fact]
    public void Query_PrintsHitsNumberedFacetValuesAndTotal()
    {
        var run = Shell("Saeed\n:quit\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal(
            """
            1. Hafiz Saeed jailed in terror financing cases (2020)
               groups: Lashkar-e-Taiba, Jamaat-ud-Dawa  speakers: Alice Wells
               A court in Lahore sentenced Hafiz Saeed, the founder of LeT. Alice Wells called it a step forward.

            group:   [1] Jamaat-ud-Dawa (1)  [2] Lashkar-e-Taiba (1)
            speaker: [3] Alice Wells (1)
            year:    [4] 2020 (1)
            1 article in N ms


            """.Replace("\r\n", "\n"),
            Cli.WithoutTimings(run.Output));
    }

    [Fact]
    public void FilterByNumber_NarrowsTheSearchAndMarksTheValue()
    {
        var run = Shell("LeT\n:f 2\n:state\n");

        var blocks = Blocks(run.Output);
        Assert.Equal("", run.Error);
        Assert.Contains("2 articles in N ms", blocks[0]);
        Assert.Contains("[1] Lashkar-e-Taiba (2)  [2] Jamaat-ud-Dawa (1)  [3] The Resistance Front (1)", blocks[0]);
        Assert.StartsWith("1. Hafiz Saeed jailed in terror financing cases (2020)", blocks[1]);
        Assert.Contains("[2] Jamaat-ud-Dawa (1) ✓", blocks[1]);
        Assert.Contains("1 article in N ms", blocks[1]);
        Assert.Equal("query: LeT\nfilters:\n  1. group = Jamaat-ud-Dawa\nyears: any\nsort: default\npage: 1\n\n", blocks[2]);
    }

    [Fact]
    public void Unfilter_RemovesTheFilterByNumber()
    {
        var run = Shell("LeT\n:filter group Jamaat-ud-Dawa\n:u 1\n:state\n");

        Assert.Equal("", run.Error);
        Assert.EndsWith("query: LeT\nfilters: none\nyears: any\nsort: default\npage: 1\n\n", run.Output);
        Assert.Contains("2 articles in", Blocks(run.Output)[2]);
    }

    [Fact]
    public void Years_AndSort_RefineWithoutRetypingTheQuery()
    {
        var run = Shell(":years 2016 2020\n:sort oldest\n:state\n");

        Assert.Equal("", run.Error);
        var blocks = Blocks(run.Output);
        Assert.StartsWith("1. Hafiz Saeed jailed in terror financing cases (2020)", blocks[0]);
        Assert.StartsWith("1. Drone strike kills TTP commander (2016)\n", blocks[1]);
        Assert.Contains("\n2. Hafiz Saeed jailed in terror financing cases (2020)\n", blocks[1]);
        Assert.EndsWith("query: (none: browsing all)\nfilters: none\nyears: 2016–2020\nsort: oldest\npage: 1\n\n", run.Output);
    }

    [Fact]
    public void NextAndPrevious_PageThroughTheHits()
    {
        var index = TestArticles.BuildIndex(_temp.Combine("paged"), TestArticles.Numbered(12));

        var run = Shell("LeT\n:sort oldest\n:n\n:n\n:p\n", index);

        var blocks = Blocks(run.Output);
        Assert.Contains("12 articles, showing 1–10 in N ms", blocks[1]);
        Assert.StartsWith("11. Statement 11 on LeT (2011)\n", blocks[2]);
        Assert.Contains("12 articles, showing 11–12 in N ms", blocks[2]);
        Assert.StartsWith("1. Statement 01 on LeT (2001)\n", blocks[3]);
        Assert.Equal("This is the last page.\n", run.Error);
    }

    [Fact]
    public void Open_ShowsMetadataEvidenceAndTheFullText()
    {
        var run = Shell("Rubio\n:open 1\n");

        Assert.Equal("", run.Error);
        Assert.EndsWith(
            """
            US designates TRF as a front for LeT
            id: trf-designation  year: 2025  published: 2025-07-17
            url: https://example.org/trf
            groups: The Resistance Front, Lashkar-e-Taiba
            speakers: Marco Rubio
            evidence:
              group Lashkar-e-Taiba: Secretary Marco Rubio said TRF was a proxy for LeT.
              speaker Marco Rubio: Secretary Marco Rubio said TRF was a proxy for LeT.

            The State Department on Thursday designated The Resistance Front. Secretary Marco Rubio said TRF was a proxy for LeT. Pakistan said it would cooperate.


            """.Replace("\r\n", "\n"),
            run.Output);
    }

    [Fact]
    public void Values_ListsAFacetsValuesByPrefixAndTheyCanBePicked()
    {
        var run = Shell(":values speaker al\n:f 1\n");

        Assert.Equal("", run.Error);
        Assert.StartsWith("speaker values matching 'al':\n  [1] Alice Wells (1)\n\n", run.Output);
        Assert.Contains("1. Hafiz Saeed jailed in terror financing cases (2020)", run.Output);
        Assert.Contains("[3] Alice Wells (1) ✓", run.Output);
    }

    [Theory]
    [InlineData(":bogus", "Unknown command ':bogus'. Type :help for the list of commands.")]
    [InlineData(":f 9", "There is no facet value 9; pick one of 1–8 from the list.")]
    [InlineData(":open 5", "There is no hit 5 on this page; pick one of 1–2.")]
    [InlineData(":u 1", "There are no filters to remove.")]
    [InlineData(":p", "This is the first page.")]
    [InlineData(":n", "This is the last page.")]
    [InlineData(":years 2020 2016", "The year range starts after it ends (2020 to 2016).")]
    [InlineData(":sort sideways", "Unknown sort 'sideways'; use relevance, newest, oldest or default.")]
    public void BadInput_PrintsOneLineAndTheSessionGoesOn(string bad, string message)
    {
        var run = Shell($"LeT\n{bad}\nDrone\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(message + "\n", run.Error);
        Assert.Contains("1. Drone strike kills TTP commander (2016)", run.Output);
    }

    [Fact]
    public void BadQuerySyntax_IsReportedAndTheSessionGoesOn()
    {
        var run = Shell("\"unclosed phrase AND (\nDrone\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1. Drone strike kills TTP commander (2016)", run.Output);
    }

    [Fact]
    public void Piped_WritesNoEscapeCodesAndNoPrompt()
    {
        var run = Shell("LeT\n:f 1\n:open 1\n:help\n:history\n");

        Assert.DoesNotContain('\u001b', run.Output);
        Assert.DoesNotContain("search>", run.Output);
        Assert.Contains("   1  LeT\n   2  :f 1\n   3  :open 1\n   4  :help\n   5  :history\n", run.Output);
    }

    [Fact]
    public void Help_ListsEveryCommand()
    {
        var run = Shell(":help\n");

        foreach (var command in new[] { ":f N", ":filter", ":u N", ":unfilter", ":clear", ":years", ":n", ":next", ":p", ":prev", ":open N", ":sort", ":values", ":state", ":history", ":help", ":quit", ":q" })
            Assert.Contains(command, run.Output);
    }

    [Fact]
    public void Quit_EndsTheSessionBeforeLaterLines()
    {
        var run = Shell(":q\nLeT\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Shell_WithMissingIndex_ExitsOneAndSaysHowToBuildIt()
    {
        var run = Shell("LeT\n", _temp.Combine("nowhere"));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("No search index in ", run.Error);
        Assert.Contains("search index <articles>", run.Error);
    }

    [Fact]
    public void QueryWarning_IsSaidOnce_NotAgainAfterSortOrClear()
    {
        var run = Shell("\"drone\n:sort newest\n:clear\n\"drone\n:quit\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(run.Output, "note:"));
    }
}
