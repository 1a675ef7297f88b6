using System.CommandLine;
using System.Globalization;
using Search.Evaluation;

namespace Search.Cli.Commands;

/// <summary><c>search eval beir</c>: relevance of our ranking on a BEIR-format collection.</summary>
internal static class EvalCommand
{
    /// <summary>Creates the <c>eval</c> verb with its <c>beir</c> subcommand.</summary>
    public static Command Create(CliContext context)
    {
        var corpus = new Option<string>("--corpus") { Description = "The collection's corpus.jsonl (_id, title, text).", Required = true, HelpName = "FILE" };
        var queries = new Option<string>("--queries") { Description = "The collection's queries.jsonl (_id, text).", Required = true, HelpName = "FILE" };
        var qrels = new Option<string>("--qrels") { Description = "Relevance judgments (TSV: query-id, corpus-id, score); only their queries are run.", Required = true, HelpName = "FILE" };
        var k1 = FloatOption("--k1", "BM25 term-frequency saturation.", 1.2f);
        var b = FloatOption("--b", "BM25 length normalisation, 0 to 1.", 0.75f);
        var titleBoost = FloatOption("--title-boost", "Weight of a title match relative to a body match.", 2f);
        var beir = new Command("beir",
            """
            Index a BEIR collection in a temporary folder, run every judged query and print trec_eval's measures: nDCG@10, Recall@100 and MAP@100.

            Examples:
              search eval beir --corpus ../shared/corpora/scifact/corpus.jsonl --queries ../shared/corpora/scifact/queries.jsonl --qrels ../shared/corpora/scifact/qrels/train.tsv
              search eval beir --corpus corpus.jsonl --queries queries.jsonl --qrels qrels.tsv --k1 0.9 --b 0.4
            """)
        {
            corpus, queries, qrels, k1, b, titleBoost,
        };
        beir.SetAction(parsed =>
        {
            foreach (var file in new[] { parsed.GetValue(corpus)!, parsed.GetValue(queries)!, parsed.GetValue(qrels)! })
            {
                if (!File.Exists(file))
                    throw new UsageException($"The file '{file}' does not exist.");
            }
            if (parsed.GetValue(b) is < 0 or > 1)
                throw new UsageException("--b must be between 0 and 1.");
            BeirEvaluation.Run(new BeirOptions
            {
                Corpus = parsed.GetValue(corpus)!,
                Queries = parsed.GetValue(queries)!,
                Qrels = parsed.GetValue(qrels)!,
                K1 = parsed.GetValue(k1),
                B = parsed.GetValue(b),
                TitleBoost = parsed.GetValue(titleBoost),
            }, context.Console.RawOutput);
            return ExitCodes.Success;
        });
        var eval = new Command("eval", "Measure relevance. Subcommands: beir.") { beir };
        eval.Add(CliApp.IndexOption());
        return eval;
    }

    private static Option<float> FloatOption(string name, string description, float defaultValue)
    {
        var option = new Option<float>(name) { Description = description, HelpName = "X", DefaultValueFactory = _ => defaultValue };
        option.CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && float.IsFinite(value))
                return value;
            result.AddError($"'{text}' is not a non-negative number ({name}).");
            return defaultValue;
        };
        return option;
    }
}
