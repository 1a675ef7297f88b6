using System.CommandLine;
using Search.Core;
using Search.Ingest;
using Search.Ingest.Evaluation;
using Search.Ingest.Extraction;
using Search.Ingest.Reading;

namespace Search.Cli.Commands;

/// <summary><c>search eval-extraction --labels &lt;labels.jsonl&gt; &lt;path&gt;...</c>: scores extraction against hand labels.</summary>
internal static class EvalExtractionCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var labels = new Option<string>("--labels") { Description = "Hand labels, one JSON object per line: file, title, groups, speakers, year.", Required = true, HelpName = "FILE" };
        var paths = new Argument<string[]>("path") { Description = "The labelled article files or folders.", Arity = ArgumentArity.OneOrMore };
        var index = CliApp.IndexOption();
        index.Description = "Not used: the evaluation reads files only. Accepted so scripts can pass --index to every verb.";
        var command = new Command("eval-extraction",
            """
            Compare what extraction finds with hand labels: precision, recall and F1 for groups and speakers, precision and coverage for the year, then the errors file by file.

            Examples:
              search eval-extraction --labels index/labels.jsonl index/samples
            """)
        {
            labels, paths, index,
        };
        command.SetAction(parsed => Run(context, parsed.GetValue(labels)!, parsed.GetValue(paths)!));
        return command;
    }

    /// <summary>Reads the articles, scores them and prints the report.</summary>
    public static int Run(CliContext context, string labelsPath, IReadOnlyList<string> paths)
    {
        var labels = ExtractionLabel.Load(labelsPath);
        // The labels file often sits in the folder it labels; it is not an article.
        var labelsFile = Path.GetFullPath(labelsPath);
        var articles = new List<Article>();
        var directory = new SpeakerDirectory();
        foreach (var result in new ArticleFileReader().Read(paths))
        {
            var source = result switch { IngestedArticle a => a.Source, SkippedFile f => f.Source, _ => null };
            if (source is not null && Path.GetFullPath(source.File) == labelsFile)
                continue;
            if (result is IngestedArticle { Article: var article })
            {
                directory.Learn(article);
                articles.Add(article);
            }
            else if (result is SkippedFile file)
            {
                context.Console.Error.WriteLine($"skipped {file.Path}: {file.Reason}");
            }
        }
        // Scored as indexed: bare surnames joined to the full names the files know together.
        articles = articles.ConvertAll(directory.Resolve);
        var report = new ExtractionEvaluator(GroupAliasTable.Default).Evaluate(labels, articles);
        context.Console.RawOutput.Write(report.Format());
        var statementLabels = StatementEvaluator.Load(labelsPath);
        if (statementLabels.Count > 0)
            context.Console.RawOutput.Write(StatementEvaluator.Evaluate(statementLabels, articles).Format());
        return ExitCodes.Success;
    }
}
