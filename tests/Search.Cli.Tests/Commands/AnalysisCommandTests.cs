using System.Text.Json;

namespace Search.Cli.Tests.Commands;

public sealed class AnalysisCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _index;

    public AnalysisCommandTests() => _index = TestArticles.BuildIndex(_temp.Combine("index"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Search_WithYearHistogram_DrawsABarPerYearWithCountsAndShares()
    {
        var run = Cli.Run(["LeT", "--histogram", "year", "--limit", "0", "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        var full = new string('█', 40);
        var empty = new string(' ', 40);
        Assert.EndsWith(
            $"""
            2016 {empty} 0 of 1 (0.0%)
            2017 {empty} 0 of 0 (0.0%)
            2018 {empty} 0 of 0 (0.0%)
            2019 {empty} 0 of 0 (0.0%)
            2020 {full} 1 of 1 (100.0%)
            2021 {empty} 0 of 0 (0.0%)
            2022 {empty} 0 of 0 (0.0%)
            2023 {empty} 0 of 0 (0.0%)
            2024 {empty} 0 of 0 (0.0%)
            2025 {full} 1 of 1 (100.0%)

            """.Replace("\r\n", "\n"),
            run.Output);
    }

    [Fact]
    public void Search_WithMonthHistogramAndJson_PutsTheBucketsInTheDocument()
    {
        var run = Cli.Run(["LeT", "--histogram", "month", "--json", "--index", _index]);

        using var json = JsonDocument.Parse(run.Output);
        var histogram = json.RootElement.GetProperty("histogram");
        Assert.Equal("month", histogram.GetProperty("interval").GetString());
        Assert.Equal("""[{"key":"2025-07","count":1,"total":1,"share":1}]""", histogram.GetProperty("buckets").GetRawText());
    }

    [Fact]
    public void Pivot_WithJson_PrintsTheCountsOfEachPair()
    {
        var run = Cli.Run(["pivot", "speaker", "group", "LeT", "--json", "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """{"row_facet":"speaker","col_facet":"group","rows":["Alice Wells","Marco Rubio"],"cols":["Lashkar-e-Taiba","Jamaat-ud-Dawa","The Resistance Front"],"counts":[[1,1,0],[1,0,1]],"row_totals":[1,1],"col_totals":[2,1,1],"total":2}""",
            run.Output.TrimEnd('\n'));
    }

    [Fact]
    public void Pivot_SameFacetTwice_IsAUsageError()
    {
        var run = Cli.Run(["pivot", "group", "group", "--index", _index]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("The rows and the columns are both 'group'; pivot two different facets.\n", run.Error);
    }

    [Fact]
    public void Export_CsvToStandardOutput_WritesAHeaderAndEveryMatchInOrder()
    {
        var run = Cli.Run(["export", "LeT", "--format", "csv", "--sort", "oldest", "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,title,published,group,speaker,year,month,url,score,passage", lines[0]);
        Assert.Equal(["saeed-jailed", "trf-designation"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.StartsWith("trf-designation,US designates TRF as a front for LeT,2025-07-17T00:00:00+00:00,The Resistance Front; Lashkar-e-Taiba,Marco Rubio,2025,2025-07,https://example.org/trf,", lines[2]);
    }

    [Fact]
    public void Export_JsonLinesToAFile_SaysHowManyArticlesItWrote()
    {
        var file = _temp.Combine("out.jsonl");
        var run = Cli.Run(["export", "", "--format", "jsonl", "--group", "Lashkar-e-Taiba", "--out", file, "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"Wrote 2 articles to {file}.\n", run.Error);
        Assert.Equal(["trf-designation", "saeed-jailed"], File.ReadAllLines(file).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
    }
}
