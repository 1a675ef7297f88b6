using Search.Cli.Shell;
using Search.Core;

namespace Search.Cli.Tests.Shell;

public sealed class ShellInputParserTests
{
    public static TheoryData<string, object?> Lines => new()
    {
        { "", null },
        { "   ", null },
        { "Hafiz Saeed", new ShellInput.Query("Hafiz Saeed") },
        { ":f 3", new ShellInput.PickFacet(3) },
        { ":filter speaker Matthew Miller", new ShellInput.AddFilter("speaker", "Matthew Miller") },
        { ":f groups TTP", new ShellInput.AddFilter("group", "TTP") },
        { ":filter year 2016", new ShellInput.AddFilter("year", "2016") },
        { ":u 2", new ShellInput.RemoveFilter(2) },
        { ":unfilter all", new ShellInput.RemoveFilter(null) },
        { ":clear", new ShellInput.Clear() },
        { ":years 2016 2020", new ShellInput.Years(2016, 2020) },
        { ":years 2016", new ShellInput.Years(2016, 2016) },
        { ":years", new ShellInput.Years(null, null) },
        { ":n", new ShellInput.Next() },
        { ":next", new ShellInput.Next() },
        { ":p", new ShellInput.Previous() },
        { ":prev", new ShellInput.Previous() },
        { ":open 4", new ShellInput.Open(4) },
        { ":sort newest", new ShellInput.Sort(SortOrder.Newest) },
        { ":sort default", new ShellInput.Sort(null) },
        { ":values speaker Mi", new ShellInput.Values("speaker", "Mi") },
        { ":values group", new ShellInput.Values("group", "") },
        { ":state", new ShellInput.State() },
        { ":timeline", new ShellInput.Timeline(CalendarInterval.Year) },
        { ":timeline month", new ShellInput.Timeline(CalendarInterval.Month) },
        { ":timeline week", new ShellInput.Invalid("Usage: :timeline [year|month].") },
        { ":pivot speakers g", new ShellInput.Pivot("speaker", "group") },
        { ":pivot speaker", new ShellInput.Invalid("Usage: :pivot ROWS COLUMNS, two of group|speaker|year|month.") },
        { ":history", new ShellInput.History() },
        { ":help", new ShellInput.Help() },
        { ":quit", new ShellInput.Quit() },
        { ":q", new ShellInput.Quit() },
        { ":f", new ShellInput.Invalid("Usage: :f N (a number from the facet list) or :filter group|speaker|year|month VALUE.") },
        { ":filter colour red", new ShellInput.Invalid("Usage: :f N (a number from the facet list) or :filter group|speaker|year|month VALUE.") },
        { ":filter year abc", new ShellInput.Invalid("'abc' is not a year; use four digits, such as 2019.") },
        { ":open x", new ShellInput.Invalid("Usage: :open N, where N is a hit number shown above.") },
        { ":years 16", new ShellInput.Invalid("Usage: :years FROM [TO], with four-digit years, such as :years 2016 2020.") },
        { ":n 2", new ShellInput.Invalid(":n takes no arguments.") },
        { ":zap", new ShellInput.Invalid("Unknown command ':zap'. Type :help for the list of commands.") },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Parse_MapsEachLineToItsInput(string line, object? expected) => Assert.Equal(expected, ShellInputParser.Parse(line));
}

public sealed class ShellStateTests
{
    [Fact]
    public void ToRequest_MapsFiltersYearsSortAndPage()
    {
        var state = new ShellState()
            .WithQuery(" drone ")
            .WithFilter(new ShellFilter("group", "TTP"))
            .WithFilter(new ShellFilter("speaker", "Mike Pompeo"))
            .WithFilter(new ShellFilter("year", "2018"))
            .WithYears(2016, 2020)
            .WithSort(SortOrder.Newest) with { Page = 3 };

        var request = state.ToRequest();

        Assert.Equal("drone", request.Query);
        Assert.Equal(["TTP"], request.SelectedValues("group"));
        Assert.Equal(["Mike Pompeo"], request.SelectedValues("speaker"));
        Assert.Equal(["2018"], request.SelectedValues("year"));
        Assert.Equal(new FacetRange(2016, 2020), request.RangeOf("year"));
        Assert.Equal(SortOrder.Newest, request.Sort);
        Assert.Equal((3, 10), (request.Page, request.Size));
        Assert.Equal("group=TTP speaker=Mike Pompeo year=2018 years=2016-2020 sort=newest", state.DescribeRefinements());
    }

    [Fact]
    public void WithFilter_ReturnsToPageOneAndIgnoresADuplicate()
    {
        var state = new ShellState { Page = 4 }.WithFilter(new ShellFilter("group", "TTP"));

        Assert.Equal(1, state.Page);
        Assert.Same(state, state.WithFilter(new ShellFilter("group", "ttp")));
    }

    [Fact]
    public void Cleared_KeepsOnlyTheQuery()
    {
        var state = new ShellState().WithQuery("LeT").WithFilter(new ShellFilter("group", "TTP")).WithYears(2001, 2002).WithSort(SortOrder.Oldest);

        Assert.Equal(new ShellState { Query = "LeT" }, state.Cleared() with { Filters = [] });
        Assert.Empty(state.Cleared().Filters);
        Assert.False(state.Cleared().HasRefinements);
    }
}
