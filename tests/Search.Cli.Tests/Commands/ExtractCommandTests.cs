using System.Text.Json;

namespace Search.Cli.Tests.Commands;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Extract_WithJson_PrintsOneObjectPerArticleWithTheExtractedFacets()
    {
        var file = _temp.Write("wells.txt", "ISLAMABAD, February 12, 2020: Alice Wells said the conviction of Hafiz Saeed, the founder of Lashkar-e-Taiba, was a step forward.\n\nShe said more had to be done.\n");
        _temp.Write("rubio.txt", "WASHINGTON, July 17, 2025: Secretary of State Marco Rubio said the Resistance Front was a front for Lashkar-e-Taiba.\n");

        var run = Cli.Run(["extract", _temp.Path, "--json"]);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        using var json = JsonDocument.Parse(lines[1]);
        var root = json.RootElement;
        Assert.Equal(["file", "id", "title", "year", "groups", "speakers", "evidence"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(file, root.GetProperty("file").GetString());
        Assert.Equal("wells.txt", root.GetProperty("id").GetString());
        Assert.Equal(2020, root.GetProperty("year").GetInt32());
        Assert.Contains("Lashkar-e-Taiba", root.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Contains("Alice Wells", root.GetProperty("speakers").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["group", "speaker", "year"], root.GetProperty("evidence").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Extract_WithAMissingFile_ListsItOnStderrAndSucceeds()
    {
        var missing = _temp.Combine("missing.txt");

        var run = Cli.Run(["extract", missing, "--json"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal($"skipped {missing}: No such file or folder.\n", run.Error);
    }
}
