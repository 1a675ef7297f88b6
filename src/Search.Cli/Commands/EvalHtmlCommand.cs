using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Search.Ingest.Evaluation;

namespace Search.Cli.Commands;

/// <summary><c>search eval-html [FOLDER] [--json]</c>: scores HTML reading against a Readability-style test suite.</summary>
internal static partial class EvalHtmlCommand
{
    // Where the shared corpora sit beside the repository on the project's machines.
    private const string DefaultFolder = "../shared/corpora/readability/test-pages";

    // Generated, not reflected: a natively compiled `search` cannot make serialization code at run time.
    private static readonly ReportJsonContext Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var folder = new Argument<string>("folder")
        {
            Description = $"A folder of page folders, each with source.html, expected.html and expected-metadata.json (default: {DefaultFolder}).",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => DefaultFolder,
        };
        var json = new Option<bool>("--json") { Description = "Print the pages and the means as one JSON object." };
        var index = CliApp.IndexOption();
        index.Description = "Not used: the evaluation reads files only. Accepted so scripts can pass --index to every verb.";
        var command = new Command("eval-html",
            """
            Read each test page's source.html and compare with what the suite expects: whether the title matches (normalised words, either containing the other) and the token F1 of the main text against expected.html. Prints one line per page, then title accuracy, mean body F1, byline and publication-date agreement and the mean reading time.

            Examples:
              search eval-html
              search eval-html ../shared/corpora/readability/test-pages --json
            """)
        {
            folder, json, index,
        };
        command.SetAction(parsed => Run(context, parsed.GetValue(folder)!, parsed.GetValue(json)));
        return command;
    }

    /// <summary>Scores the folder and prints the report.</summary>
    public static int Run(CliContext context, string folder, bool json)
    {
        if (!Directory.Exists(folder))
            throw new UsageException($"The test page folder '{folder}' does not exist.");
        var report = HtmlConformance.Score(folder);
        if (report.Pages.Count == 0)
            throw new UsageException($"The folder '{folder}' holds no page folders with source.html, expected.html and expected-metadata.json.");
        context.Console.RawOutput.Write(json ? Serialize(report) + "\n" : report.Format());
        return ExitCodes.Success;
    }

    private static string Serialize(HtmlConformanceReport report) => JsonSerializer.Serialize(
        new ReportBody(
            report.Pages.Count,
            report.Errors,
            report.TitleAccuracy,
            report.MeanBodyF1,
            report.ShareBodyF1AtLeast90,
            report.BylineAccuracy,
            report.PublishedAccuracy,
            report.MeanReadTime.TotalMilliseconds,
            report.Pages.Select(p => new PageBody(p.Name, p.ExpectedTitle, p.Title, p.TitleMatch, Math.Round(p.BodyF1, 4), p.ExpectedByline, p.Byline, p.ExpectedPublished, p.Published, Math.Round(p.ReadTime.TotalMilliseconds, 1), p.Error)).ToArray()),
        Json.ReportBody);

    [JsonSerializable(typeof(ReportBody))]
    private sealed partial class ReportJsonContext : JsonSerializerContext;

    private sealed record ReportBody(int Pages, int Errors, double TitleAccuracy, double MeanBodyF1, double ShareBodyF1AtLeast90, double BylineAccuracy, double PublishedAccuracy, double MeanReadMs, IReadOnlyList<PageBody> PageScores);

    private sealed record PageBody(string Name, string ExpectedTitle, string? Title, bool TitleMatch, double BodyF1, string? ExpectedByline, string? Byline, DateTimeOffset? ExpectedPublished, DateTimeOffset? Published, double ReadMs, string? Error);
}
