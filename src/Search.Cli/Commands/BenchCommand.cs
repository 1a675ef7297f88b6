using System.CommandLine;
using Search.Core;
using Search.Evaluation;
using Search.Evaluation.Corpora;
using Search.Ingest;
using Search.Ingest.Reading;

namespace Search.Cli.Commands;

/// <summary><c>search bench</c>: the same documents and queries through our index and SQLite FTS5, in one run.</summary>
internal static class BenchCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var corpus = new Option<string>("--corpus")
        {
            Description = "reuters or wikipedia (from ../shared/corpora), sample (index/samples), or a folder of article files.",
            DefaultValueFactory = _ => "sample",
            HelpName = "reuters|wikipedia|sample|PATH",
        };
        var queries = CliApp.IntOption("--queries", "", "Queries drawn from the corpus.", 500);
        var seed = CliApp.IntOption("--seed", "", "Seed of the query draw.", 42);
        var maxDocs = CliApp.IntOption("--max-docs", "", "Use at most this many documents (0: all).", 0);
        var index = CliApp.IndexOption();
        index.Description = "Not used: both engines are built in a temporary folder. Accepted so scripts can pass --index to every verb.";
        var command = new Command("bench",
            """
            Load the same documents into our index and into SQLite FTS5, check both count the same matches, then time the same queries on both: top 10, top 10 with three facet counts, and that with highlighted passages. Prints build time, size, p50/p95/p99 and the ratio ours/FTS5, and the analysis floor.

            Examples:
              search bench
              search bench --corpus reuters --queries 500 --seed 42
              search bench --corpus wikipedia --max-docs 20000
            """)
        {
            corpus, queries, seed, maxDocs, index,
        };
        command.SetAction(parsed =>
        {
            var name = parsed.GetValue(corpus)!;
            var limit = parsed.GetValue(maxDocs);
            if (parsed.GetValue(queries) < 1)
                throw new UsageException("--queries must be at least 1.");
            var articles = Load(context, name);
            if (limit > 0)
                articles = articles.Take(limit);
            var list = articles.ToList();
            if (list.Count == 0)
                throw new UsageException($"The corpus '{name}' has no articles.");
            PeerBenchmark.Run(new PeerOptions { Corpus = list, CorpusName = name, Queries = parsed.GetValue(queries), Seed = parsed.GetValue(seed) }, context.Console.RawOutput);
            return ExitCodes.Success;
        });
        return command;
    }

    private static IEnumerable<Article> Load(CliContext context, string corpus) => corpus.ToLowerInvariant() switch
    {
        "reuters" => ReutersReader.ReadFolder(Shared("reuters21578")),
        "wikipedia" => WikipediaReader.ReadFolder(Shared("wikipedia_en")).Select(WikipediaReader.ToArticle),
        "sample" => ReadArticles(context, Path.Combine(context.Locator.FindRepositoryRoot()
            ?? throw new UsageException("The sample articles (index/samples) were not found; run from inside the repository or pass a folder."), IndexLocator.SamplesFolder)),
        _ when Directory.Exists(corpus) || File.Exists(corpus) => ReadArticles(context, corpus),
        _ => throw new UsageException($"Unknown corpus '{corpus}': use reuters, wikipedia, sample or a folder of articles."),
    };

    private static string Shared(string corpus) =>
        SharedCorpora.Find(corpus)
        ?? throw new UsageException($"The {corpus} corpus was not found in a shared/corpora folder beside the repository or above the working folder.");

    private static IEnumerable<Article> ReadArticles(CliContext context, string path)
    {
        foreach (var result in new ArticleFileReader().Read(path))
        {
            if (result is IngestedArticle { Article: var article })
                yield return article;
            else if (result is SkippedFile file)
                context.Console.Error.WriteLine($"skipped {file.Path}: {file.Reason}");
        }
    }
}
