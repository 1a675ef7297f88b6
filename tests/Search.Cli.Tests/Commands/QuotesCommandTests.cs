using System.Text.Json;
using Search.Core;

namespace Search.Cli.Tests.Commands;

public sealed class QuotesCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Quotes_WithSpeaker_PrintsThatSpeakersStatementsWithTheirArticle()
    {
        var path = TestArticles.BuildIndex(_folder.Combine("index"), new Article
        {
            Id = "kirby",
            Title = "Kirby on LeT",
            Body = "Kirby said LeT must be reined in. Toner said the Haqqani network is a threat.",
            Facets = new Dictionary<string, IReadOnlyList<string>> { ["year"] = ["2015"] },
            Statements =
            [
                new Statement("John Kirby", "LeT must be reined in", "Kirby said LeT must be reined in.", 0),
                new Statement("Mark Toner", "the Haqqani network is a threat", "Toner said the Haqqani network is a threat.", 1),
            ],
        });

        var run = Cli.Run(["quotes", "Lashkar-e-Taiba", "--speaker", "John Kirby", "--index", path]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            1. John Kirby: “LeT must be reined in”
               Kirby on LeT (2015)

            speaker: John Kirby (1) ✓
            group:   Lashkar-e-Taiba (1)
            year:    2015 (1)
            1 statement in N ms

            """, Cli.WithoutTimings(run.Output));
    }

    [Fact]
    public void ShellQuotes_KeepsTheSessionsSpeakerFilter()
    {
        var path = TestArticles.BuildIndex(_folder.Combine("index"), new Article
        {
            Id = "briefing",
            Title = "Briefing",
            Body = "Kirby said LeT must be reined in. Toner said LeT is a threat.",
            Facets = new Dictionary<string, IReadOnlyList<string>> { ["speaker"] = ["John Kirby", "Mark Toner"], ["year"] = ["2015"] },
            Statements =
            [
                new Statement("John Kirby", "LeT must be reined in", "Kirby said LeT must be reined in.", 0),
                new Statement("Mark Toner", "LeT is a threat", "Toner said LeT is a threat.", 1),
            ],
        });

        var run = Cli.Run(["shell", "--index", path], ":filter speaker Mark Toner\n:quotes LeT\n:quit\n");

        Assert.Equal("", run.Error);
        Assert.Contains("1. Mark Toner: “LeT is a threat”\n   Briefing (2015)\n", run.Output);
        Assert.DoesNotContain("Kirby: ", run.Output);
        Assert.Contains("1 statement in", run.Output);
    }

    [Fact]
    public void Quotes_OnTheShippedSamples_ReturnOnlyTheSpeakersWordsNamingTheGroup()
    {
        var root = new IndexLocator(AppContext.BaseDirectory).FindRepositoryRoot();
        if (root is null || !Directory.EnumerateFiles(Path.Combine(root, "index", "samples")).Any())
        {
            Console.WriteLine("Skipped: no index/samples above the test folder.");
            return;
        }
        var index = _folder.Combine("samples-index");
        Assert.Equal(0, Cli.Run(["index", Path.Combine(root, "index", "samples"), "--index", index]).ExitCode);

        var run = Cli.Run(["quotes", "Lashkar", "--speaker", "Marco Rubio", "--json", "--index", index]);

        using var json = JsonDocument.Parse(run.Output);
        var quotes = json.RootElement.GetProperty("quotes").EnumerateArray().ToArray();
        Assert.NotEmpty(quotes);
        Assert.All(quotes, q => Assert.Equal("Marco Rubio", q.GetProperty("speaker").GetString()));
        Assert.All(quotes, q => Assert.Contains("Lashkar-e-Taiba", q.GetProperty("groups").EnumerateArray().Select(g => g.GetString())));
        Assert.All(quotes, q => Assert.Contains("<mark>", q.GetProperty("text_html").GetString()));

        // The group's full name finds the words that name it by any alias (LeT, Lashkar-e-Tayyiba), and
        // only those: the speaker's other statements stay out.
        var byName = Total(Cli.Run(["quotes", "Lashkar-e-Taiba", "--speaker", "Marco Rubio", "--json", "--index", index]).Output);
        var byAcronym = Total(Cli.Run(["quotes", "LeT", "--speaker", "Marco Rubio", "--json", "--index", index]).Output);
        var all = Total(Cli.Run(["quotes", "--speaker", "Marco Rubio", "--json", "--index", index]).Output);
        Assert.True(byName >= quotes.Length);
        Assert.Equal(byName, byAcronym);
        Assert.True(all > byName);
    }

    private static int Total(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("total").GetInt32();
    }

    public void Dispose() => _folder.Dispose();
}
