using System.Text.Json;

namespace Search.Cli.Tests.Commands;

public sealed class SavedSearchCommandTests : IDisposable
{
    private const string Rubio = "WASHINGTON, July 17, 2025: Secretary of State Marco Rubio said the Resistance Front was a front for Lashkar-e-Taiba.\n\nHe said the designation would cut off its funding.\n";
    private const string Wells = "ISLAMABAD, February 12, 2020: Alice Wells said the conviction of Hafiz Saeed, the founder of Jamaat-ud-Dawa, was a step forward.\n\nShe said more had to be done.\n";

    private readonly TempFolder _temp = new();
    private readonly string _articles;
    private readonly string _index;

    public SavedSearchCommandTests()
    {
        _articles = _temp.Combine("articles");
        _index = _temp.Combine("index");
        _temp.Write("articles/rubio.txt", Rubio);
        _temp.Write("articles/wells.txt", Wells);
        Assert.Equal(0, Cli.Run(["index", _articles, "--index", _index]).ExitCode);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void RunNew_AfterThreeNewMatchingFiles_ListsExactlyThoseThenNone()
    {
        var saved = Cli.Run(["save", "let", "Lashkar-e-Taiba", "--index", _index]);
        _temp.Write("articles/new-1.txt", "ISLAMABAD, March 3, 2026: The Foreign Office said Lashkar-e-Taiba remained banned.\n\nIt gave no further details.\n");
        _temp.Write("articles/new-2.txt", "NEW DELHI, March 4, 2026: Officials said LeT operatives had been arrested.\n\nThe arrests followed a raid.\n");
        _temp.Write("articles/new-3.txt", "WASHINGTON, March 5, 2026: The State Department said Lashkar-e-Tayyiba was still a threat.\n\nIt urged action.\n");
        _temp.Write("articles/other.txt", "KARACHI, March 6, 2026: The port reported record cargo volumes.\n\nShipping firms welcomed the figures.\n");
        Assert.Equal(0, Cli.Run(["index", _articles, "--index", _index]).ExitCode);

        var listed = Cli.Run(["saved", "--json", "--index", _index]);
        var first = Cli.Run(["run", "let", "--new", "--json", "--index", _index]);
        var second = Cli.Run(["run", "let", "--new", "--json", "--index", _index]);
        var all = Cli.Run(["run", "let", "--json", "--index", _index]);

        Assert.Equal(0, saved.ExitCode);
        Assert.Equal("Saved let: \"Lashkar-e-Taiba\"\n", saved.Output);
        var entry = JsonDocument.Parse(listed.Output).RootElement.GetProperty("searches")[0];
        Assert.Equal(4, entry.GetProperty("matches").GetInt32());
        Assert.Equal(3, entry.GetProperty("new").GetInt32());
        Assert.Equal(["new-1.txt", "new-2.txt", "new-3.txt"], Ids(first.Output).Order());
        Assert.Empty(Ids(second.Output));
        Assert.Equal(["new-1.txt", "new-2.txt", "new-3.txt", "rubio.txt"], Ids(all.Output).Order());
    }

    [Fact]
    public void Saved_ListsWithCounts_AndUnsaveRemoves()
    {
        Cli.Run(["save", "hafiz", "Hafiz Saeed", "--from", "2019", "--index", _index]);

        var listed = Cli.Run(["saved", "--index", _index]);
        var removed = Cli.Run(["unsave", "hafiz", "--index", _index]);
        var again = Cli.Run(["unsave", "hafiz", "--index", _index]);
        var run = Cli.Run(["run", "hafiz", "--index", _index]);

        Assert.Contains("│ hafiz │ \"Hafiz Saeed\", year 2019–… │ 1       │ 0   │", listed.Output);
        Assert.Equal("Removed hafiz.\n", removed.Output);
        Assert.Equal(1, again.ExitCode);
        Assert.Equal("No saved search is called 'hafiz'. List them with 'search saved' or GET /api/saved.\n", run.Error);
    }

    [Fact]
    public void Save_WithABadName_FailsWithASentence()
    {
        var run = Cli.Run(["save", "no spaces", "LeT", "--index", _index]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("'no spaces' is not a usable name for a saved search", run.Error);
    }

    [Fact]
    public void Snapshot_CopiesTheIndex_WhichOpensAsIs()
    {
        var destination = _temp.Combine("copy");

        var run = Cli.Run(["snapshot", "--index", _index, "--to", destination]);
        var search = Cli.Run(["Lashkar-e-Taiba", "--index", destination, "--json"]);
        var refused = Cli.Run(["snapshot", "--index", _index, "--to", destination]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"Snapshot: {destination}\n", run.Output);
        Assert.Equal(["rubio.txt"], Ids(search.Output));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("is not empty", refused.Error);
    }

    private static string[] Ids(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        var result = root.TryGetProperty("result", out var inner) ? inner : root;
        return result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToArray();
    }
}
