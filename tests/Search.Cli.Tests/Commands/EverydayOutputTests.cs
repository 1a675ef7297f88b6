using System.Text.Json;
using Search.Core;

namespace Search.Cli.Tests.Commands;

/// <summary>Dates, year order and empty results as a person reads them in the CLI's text and JSON.</summary>
public sealed class EverydayOutputTests : IDisposable
{
    private static readonly Article Undated = new()
    {
        Id = "undated-note",
        Title = "Note on LeT financing",
        Body = "Officials discussed how LeT raises money.",
        Facets = new Dictionary<string, IReadOnlyList<string>> { ["group"] = ["Lashkar-e-Taiba"] },
    };

    private readonly TempFolder _temp = new();
    private readonly string _index;

    public EverydayOutputTests() => _index = TestArticles.BuildIndex(_temp.Combine("index"),
        [TestArticles.Designation, TestArticles.Saeed, TestArticles.Drone, Undated]);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Search_ShowsTheFullDateOrTheYearOrUndatedOnEveryHit()
    {
        var run = Cli.Run(["LeT", "--sort", "newest", "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["1. US designates TRF as a front for LeT (2025-07-17)", "2. Hafiz Saeed jailed in terror financing cases (2020)", "3. Note on LeT financing (undated)"],
            run.Output.Split('\n').Where(l => l.Length > 2 && char.IsDigit(l[0]) && l[1] == '.'));
    }

    [Fact]
    public void Search_ListsYearsInTimeOrder()
    {
        var run = Cli.Run(["", "--index", _index]);

        Assert.Contains("\nyear:    2016 (1)  2020 (1)  2025 (1)\n", run.Output);
    }

    [Fact]
    public void Search_WhenFiltersLeaveNothing_SaysHowManyMatchWithoutThem()
    {
        var run = Cli.Run(["LeT", "--speaker", "Alice Wells", "--from", "2024", "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("No articles match these filters; 3 articles match without them (remove the filters to see them).\n", run.Output);
    }

    [Fact]
    public void Search_WithJson_WhenFiltersLeaveNothing_CarriesTotalWithoutFilters()
    {
        var run = Cli.Run(["LeT", "--from", "2024", "--to", "2024", "--json", "--index", _index]);

        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(0, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("total_without_filters").GetInt32());
    }

    [Fact]
    public void Search_WhenQuoteIsNotClosed_WarnsOnceInPlainWords()
    {
        var run = Cli.Run(["\"unterminated phrase", "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("note: A quote is not closed; searched the words instead.\n", run.Output);
        Assert.DoesNotContain("Cannot parse", run.Output + run.Error);
    }
}
