using System.Text.Json;

namespace Search.Cli.Tests.Commands;

public sealed class BatchCommandTests : IDisposable
{
    private const string Rubio = "WASHINGTON, July 17, 2025: Secretary of State Marco Rubio said the Resistance Front was a front for Lashkar-e-Taiba.\n\nHe said the designation would cut off its funding.\n";
    private const string Wells = "ISLAMABAD, February 12, 2020: Alice Wells said the conviction of Hafiz Saeed, the founder of Jamaat-ud-Dawa, was a step forward.\n\nShe said more had to be done.\n";

    private readonly TempFolder _temp = new();
    private readonly string _articles;
    private readonly string _index;
    private readonly string _list;

    public BatchCommandTests()
    {
        _articles = _temp.Combine("articles");
        _index = _temp.Combine("index");
        _temp.Write("articles/rubio.txt", Rubio);
        _temp.Write("articles/wells.txt", Wells);
        Assert.Equal(0, Cli.Run(["index", _articles, "--index", _index]).ExitCode);
        _list = _temp.Write("names.txt", "# names to check\nHafiz Saeed\n\nMarco Rubio\n\"Lashkar\nnobody here\n");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Batch_Table_ShowsEachEntrysMatchesAndDates_AndErrorsInTheirRows()
    {
        var run = Cli.Run(["batch", _list, "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            ┌─────────────┬─────────┬────────────┬────────────┬────────────────────────┐
            │ Entry       │ Matches │ First      │ Last       │ Error                  │
            ├─────────────┼─────────┼────────────┼────────────┼────────────────────────┤
            │ Hafiz Saeed │       1 │ 2020-02-12 │ 2020-02-12 │                        │
            │ Marco Rubio │       1 │ 2025-07-17 │ 2025-07-17 │                        │
            │ "Lashkar    │         │            │            │ A quote is not closed. │
            │ nobody here │       0 │            │            │                        │
            └─────────────┴─────────┴────────────┴────────────┴────────────────────────┘
            4 entries, 2 with matches, 1 with errors, in N ms.

            """,
            Cli.WithoutTimings(run.Output));
    }

    [Fact]
    public void Batch_Csv_WritesARowPerEntry()
    {
        var run = Cli.Run(["batch", _list, "--phrase", "--format", "csv", "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "entry,total,first,last,query,error\r\n"
            + "Hafiz Saeed,1,2020-02-12,2020-02-12,\"\"\"Hafiz Saeed\"\"\",\r\n"
            + "Marco Rubio,1,2025-07-17,2025-07-17,\"\"\"Marco Rubio\"\"\",\r\n"
            + "\"\"\"Lashkar\",1,2025-07-17,2025-07-17,\"\"\"Lashkar\"\"\",\r\n"
            + "nobody here,0,,,\"\"\"nobody here\"\"\",\r\n",
            run.Output);
    }

    [Fact]
    public void Batch_JsonLines_WritesTheApiRowsOneALine()
    {
        var run = Cli.Run(["batch", _list, "--format", "jsonl", "--hits", "1", "--index", _index]);

        var rows = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Hafiz Saeed", "Marco Rubio", "\"Lashkar", "nobody here"], rows.Select(r => r.GetProperty("entry").GetString()));
        Assert.Equal([1, 1, 0, 0], rows.Select(r => r.GetProperty("total").GetInt32()));
        Assert.Equal("wells.txt", rows[0].GetProperty("hits")[0].GetProperty("id").GetString());
        Assert.Equal("A quote is not closed.", rows[2].GetProperty("error").GetString());
    }

    [Fact]
    public void Batch_CsvColumnWithFilters_ToAFile()
    {
        var list = _temp.Write("list.csv", "id,name\n1,Hafiz Saeed\n2,Marco Rubio\n");
        var output = _temp.Combine("out.csv");

        var run = Cli.Run(["batch", list, "--column", "name", "--from", "2021", "--out", output, "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"Wrote 2 entries to {output}.\n", run.Error);
        Assert.Equal(["entry,total,first,last,query,error", "Hafiz Saeed,0,,,Hafiz Saeed,", "Marco Rubio,1,2025-07-17,2025-07-17,Marco Rubio,"], File.ReadAllLines(output).Select(l => l.TrimStart('\uFEFF')));
    }

    [Theory]
    [InlineData("--format table --out x.txt", "A table is for the terminal; use --format csv or --format jsonl with --out.")]
    [InlineData("--fuzzy 1 --phrase", "Fuzzy words do not combine with a phrase; use the proximity to let a phrase's words move, or fuzzy without the phrase.")]
    [InlineData("--column name", "The CSV file has no column 'name'; its columns are '# names to check'.")]
    public void Batch_BadOptions_SayWhatToFix(string options, string message)
    {
        var run = Cli.Run(["batch", _list, .. options.Split(' '), "--index", _index]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public void SavedBatch_RunNew_CountsOnlyNewlyIndexedArticles()
    {
        var saved = Cli.Run(["batch", _list, "--save", "names", "--format", "csv", "--index", _index]);
        _temp.Write("articles/new-1.txt", "LAHORE, March 3, 2026: A court freed Hafiz Saeed.\n\nThe prosecution said it would appeal.\n");
        _temp.Write("articles/new-2.txt", "KARACHI, March 6, 2026: The port reported record cargo volumes.\n\nShipping firms welcomed the figures.\n");
        Assert.Equal(0, Cli.Run(["index", _articles, "--index", _index]).ExitCode);

        var first = Cli.Run(["run", "names", "--new", "--json", "--index", _index]);
        var second = Cli.Run(["run", "names", "--new", "--json", "--index", _index]);
        var all = Cli.Run(["run", "names", "--json", "--index", _index]);

        Assert.Equal(0, saved.ExitCode);
        Assert.Equal("Saved the batch as names; 'search run names --new' counts what is indexed after now.\n", saved.Error);
        Assert.Equal([1, 0, 0, 0], Totals(first.Output));
        Assert.Equal([0, 0, 0, 0], Totals(second.Output));
        Assert.Equal([2, 1, 0, 0], Totals(all.Output));
    }

    private static int[] Totals(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("total").GetInt32()).ToArray();
}
