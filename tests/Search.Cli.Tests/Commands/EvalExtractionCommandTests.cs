namespace Search.Cli.Tests.Commands;

public sealed class EvalExtractionCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void EvalExtraction_WithTheLabelsInsideTheFolder_ScoresTheArticlesOnly()
    {
        _temp.Write("wells.txt", "ISLAMABAD, February 12, 2020: Alice Wells said the conviction of Hafiz Saeed, the founder of Lashkar-e-Taiba, was a step forward.\n");
        _temp.Write("rubio.txt", "WASHINGTON, July 17, 2025: President Rubio said the Resistance Front was a front for Lashkar-e-Taiba.\n\nMarco Rubio later repeated it.\n");
        var labels = _temp.Write("labels.jsonl",
            """
            {"file": "wells.txt", "groups": ["Lashkar-e-Taiba"], "speakers": ["Alice Wells"], "year": 2020}
            {"file": "rubio.txt", "groups": ["The Resistance Front", "Lashkar-e-Taiba"], "speakers": ["Marco Rubio"], "year": 2025}
            """);

        var run = Cli.Run(["eval-extraction", "--labels", labels, _temp.Path]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.StartsWith("files     2\ngroups    P=1.000 R=1.000 F1=1.000\nspeakers  P=1.000 R=1.000 F1=1.000\n", run.Output);
    }
}
