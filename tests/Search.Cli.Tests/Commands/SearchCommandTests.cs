using System.Text.Json;

namespace Search.Cli.Tests.Commands;

public sealed class SearchCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _index;

    public SearchCommandTests() => _index = TestArticles.BuildIndex(_temp.Combine("index"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Search_PrintsHitsThenFacetsThenTotal()
    {
        var run = Cli.Run(["Saeed", "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal(
            """
            1. Hafiz Saeed jailed in terror financing cases (2020)
               groups: Lashkar-e-Taiba, Jamaat-ud-Dawa  speakers: Alice Wells
               A court in Lahore sentenced Hafiz Saeed, the founder of LeT. Alice Wells called it a step forward.

            group:   Jamaat-ud-Dawa (1)  Lashkar-e-Taiba (1)
            speaker: Alice Wells (1)
            year:    2020 (1)
            1 article in N ms

            """.Replace("\r\n", "\n"),
            Cli.WithoutTimings(run.Output));
    }

    [Fact]
    public void Search_WhenOutputIsRedirected_WritesNoEscapeCodes()
    {
        var run = Cli.Run(["LeT", "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("US designates TRF as a front for LeT", run.Output);
        Assert.DoesNotContain('\u001b', run.Output);
    }

    [Fact]
    public void Search_OnATerminal_HighlightsMatchesWithAnsi()
    {
        var run = Cli.Run(["Saeed", "--index", _index], ansi: true);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches("\u001b\\[[0-9;]+mSaeed\u001b\\[0m", run.Output);
    }

    [Fact]
    public void Search_WithFilters_NarrowsTheHits()
    {
        var run = Cli.Run(["LeT", "--group", "Jamaat-ud-Dawa", "--from", "2019", "--to", "2021", "--json", "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal("saeed-jailed", json.RootElement.GetProperty("hits")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void Search_WithJson_PrintsOneObjectWithSnakeCaseFields()
    {
        var run = Cli.Run(["Saeed", "--json", "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        Assert.Single(run.Output.TrimEnd('\n').Split('\n'));
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(["query", "took_ms", "total", "hits", "facets", "warnings", "next_cursor", "total_without_filters", "histogram", "suggestion"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Saeed", root.GetProperty("query").GetString());
        Assert.Equal(1, root.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("next_cursor").ValueKind);
        var hit = root.GetProperty("hits")[0];
        Assert.Equal(["id", "score", "title", "title_html", "passages", "published", "facets", "url", "duplicates", "explanation"], hit.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Hafiz <mark>Saeed</mark> jailed in terror financing cases", hit.GetProperty("title_html").GetString());
        Assert.Equal(["group", "speaker", "year", "month"], hit.GetProperty("facets").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["2020"], hit.GetProperty("facets").GetProperty("year").EnumerateArray().Select(y => y.GetString()));
        Assert.Equal(["Lashkar-e-Taiba", "Jamaat-ud-Dawa"], hit.GetProperty("facets").GetProperty("group").EnumerateArray().Select(g => g.GetString()));
        var passage = hit.GetProperty("passages")[0];
        Assert.Equal(["html", "text", "ranges"], passage.EnumerateObject().Select(p => p.Name));
        var range = passage.GetProperty("ranges")[0];
        Assert.Equal("Saeed", passage.GetProperty("text").GetString()!.Substring(range.GetProperty("start").GetInt32(), range.GetProperty("length").GetInt32()));
        var facets = root.GetProperty("facets");
        Assert.Equal(["group", "speaker", "year", "month"], facets.EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(["Groups", "Speakers", "Years", "Months"], facets.EnumerateArray().Select(f => f.GetProperty("label").GetString()));
        Assert.Equal(["value", "count", "selected"], facets[0].GetProperty("values")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Search_WithNoHits_SucceedsAndSaysSo()
    {
        var run = Cli.Run(["nothingmatchesthis", "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("No articles match.\n0 articles in N ms\n", Cli.WithoutTimings(run.Output));
    }

    [Fact]
    public void Search_WithBadYear_ExitsTwoWithOneSentenceOnStderr()
    {
        var run = Cli.Run(["LeT", "--year", "abc", "--index", _index]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal("'abc' is not a year (--year); use four digits, such as 2019.\nRun 'search --help' for usage.\n", run.Error);
    }

    [Fact]
    public void Search_WithLimitOverTheCap_ExitsTwoWithTheLibrarysMessage()
    {
        var run = Cli.Run(["LeT", "--limit", "500", "--index", _index]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("--limit: The page size must be between 0 and 100; it was 500.\n", run.Error);
    }

    [Fact]
    public void Search_WithUnknownOption_ExitsTwo()
    {
        var run = Cli.Run(["LeT", "--colour", "--index", _index]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Unknown option '--colour'.\nRun 'search --help' for usage.\n", run.Error);
    }

    [Fact]
    public void Search_WithYearAndRange_ExitsTwo()
    {
        var run = Cli.Run(["LeT", "--year", "2020", "--from", "2019", "--index", _index]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Use either --year or --from/--to, not both.\n", run.Error);
    }

    [Fact]
    public void Search_WithMissingIndex_ExitsOneAndSaysHowToBuildIt()
    {
        var missing = _temp.Combine("nowhere");

        var run = Cli.Run(["LeT", "--index", missing]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"No search index in '{missing}'. Build one first, for example: search index <articles> --index \"{missing}\".\n", run.Error);
    }

    [Fact]
    public void Search_WithoutIndexOutsideARepository_ExitsTwoAndAsksForIndex()
    {
        var run = Cli.Run(["LeT"], workingDirectory: _temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("No --index was given and no repository with index/samples was found above the current folder; pass --index <folder>.\n", run.Error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("index", "--help")]
    [InlineData("shell", "--help")]
    [InlineData("extract", "--help")]
    [InlineData("stats", "--help")]
    [InlineData("serve", "--help")]
    [InlineData("eval-extraction", "--help")]
    public void Help_ForEveryVerb_ShowsExamples(params string[] args)
    {
        var run = Cli.Run(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Examples:", run.Output);
        Assert.Contains("--index", run.Output);
    }
}
