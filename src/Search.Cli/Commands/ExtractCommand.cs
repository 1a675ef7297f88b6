using System.CommandLine;
using Search.Cli.Rendering;
using Search.Core;
using Search.Ingest;
using Search.Ingest.Extraction;
using Search.Ingest.Evaluation;
using Search.Ingest.Reading;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary><c>search extract &lt;path&gt;... --json</c>: what extraction finds in each article, without indexing.</summary>
internal static class ExtractCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("path") { Description = "Article files or folders.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "One JSON object per article per line, with the evidence sentences (default: a table)." };
        var index = CliApp.IndexOption();
        index.Description = "Not used: extract reads files only. Accepted so scripts can pass --index to every verb.";
        var command = new Command("extract",
            """
            Print the title, date, groups and speakers extracted from each article, without indexing: a table, or with --json one JSON object per article with the evidence sentences. Skipped files are listed on standard error.

            Examples:
              search extract index/samples
              search extract index/samples --json
              search extract article.txt --json | jq .groups
            """)
        {
            paths, json, index,
        };
        command.SetAction(parsed => parsed.GetValue(json) ? Run(context, parsed.GetValue(paths)!) : RunTable(context, parsed.GetValue(paths)!));
        return command;
    }

    /// <summary>
    /// Writes one JSON line per article to standard output and one line per skipped file to standard
    /// error. Articles are written once all are read, so that a bare surname joins the one full name
    /// the articles given together know (<see cref="SpeakerDirectory"/>), as the indexer does.
    /// </summary>
    public static int Run(CliContext context, IReadOnlyList<string> paths)
    {
        var articles = new List<Article>();
        var directory = new SpeakerDirectory();
        foreach (var result in new ArticleFileReader().Read(paths))
        {
            switch (result)
            {
                case IngestedArticle { Article: var article }:
                    directory.Learn(article);
                    articles.Add(article);
                    break;
                case SkippedFile file:
                    context.Console.Error.WriteLine($"skipped {file.Path}: {file.Reason}");
                    break;
            }
        }
        foreach (var article in articles)
            context.Console.RawOutput.WriteLine(ExtractionJson.Serialize(directory.Resolve(article), article.Source));
        return ExitCodes.Success;
    }

    /// <summary>Writes a table with a row per article (file, title, date, then each facet but the calendar periods, which the date shows) and one line per skipped file to standard error.</summary>
    public static int RunTable(CliContext context, IReadOnlyList<string> paths)
    {
        var facets = FacetSchema.Default.Definitions.Where(f => f.Period is null).ToArray();
        var table = new Table().AddColumns(["File", "Title", "Date", .. facets.Select(f => f.Label)]);
        var articles = 0;
        foreach (var result in new ArticleFileReader().Read(paths))
        {
            switch (result)
            {
                case IngestedArticle { Article: var article, Source: var source }:
                    articles++;
                    table.AddRow([
                        Markup.Escape(source.Record is { } record ? $"{Path.GetFileName(source.File)}#{record}" : Path.GetFileName(source.File)),
                        Markup.Escape(article.Title),
                        ResultRenderer.DateText(article.Published, article.Values(FacetNames.Year)),
                        .. facets.Select(f => Markup.Escape(ResultRenderer.List(article.Values(f.Name)))),
                    ]);
                    break;
                case SkippedFile file:
                    context.Console.Error.WriteLine($"skipped {file.Path}: {file.Reason}");
                    break;
            }
        }
        if (articles > 0)
            context.Console.Output.Write(table);
        context.Console.Output.WriteLine(articles == 1 ? "1 article" : $"{articles} articles");
        return ExitCodes.Success;
    }
}
