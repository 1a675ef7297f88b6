using System.CommandLine;
using System.Text.Json;
using Search.Cli.Rendering;
using Search.Core;
using Search.Host.Contracts;

namespace Search.Cli.Commands;

/// <summary><c>search quotes "&lt;query&gt;" [--speaker …] [--group …] [--json]</c>: searches what speakers said.</summary>
internal static class QuotesCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var query = new Argument<string[]>("query") { Description = "Words the statement must contain; a group matches by any of its names. Omit to list statements.", Arity = ArgumentArity.ZeroOrMore };
        var speaker = new Option<string[]>("--speaker") { Description = "Only statements by this speaker (repeatable).", HelpName = "NAME", AllowMultipleArgumentsPerToken = false };
        var group = new Option<string[]>("--group") { Description = "Only statements whose words name this group, by any of its names (repeatable).", HelpName = "GROUP" };
        var year = new Option<int?>("--year") { Description = "Only statements of articles published in this year.", HelpName = "YEAR" };
        var from = new Option<int?>("--from") { Description = "Only statements of articles published in or after this year.", HelpName = "YEAR" };
        var to = new Option<int?>("--to") { Description = "Only statements of articles published in or before this year.", HelpName = "YEAR" };
        var limit = CliApp.IntOption("--limit", "-n", $"Statements per page, 0 to {SearchLimits.MaxPageSize}.", 10);
        var page = CliApp.IntOption("--page", "", "Page number, from 1.", 1);
        var json = new Option<bool>("--json") { Description = "Print one JSON object (the body of GET /api/quotes) instead of text." };
        var index = CliApp.IndexOption();
        var command = new Command("quotes",
            """
            Search what speakers said: each statement (a quotation or reported speech) is a result of its own, ranked by its words.

            Examples:
              search quotes "Lashkar" --speaker "John Kirby"
              search quotes TTP --group TTP --from 2020 --json
            """)
        {
            query, speaker, group, year, from, to, limit, page, json, index,
        };
        command.SetAction((parsed, cancellation) =>
        {
            var (y, f, t) = (parsed.GetValue(year), parsed.GetValue(from), parsed.GetValue(to));
            if (y is not null && (f is not null || t is not null))
                throw new UsageException("Use either --year or --from/--to, not both.");
            var request = new QuoteRequest
            {
                Query = string.Join(' ', parsed.GetValue(query) ?? []),
                Speakers = parsed.GetValue(speaker) ?? [],
                Groups = parsed.GetValue(group) ?? [],
                FromYear = y ?? f,
                ToYear = y ?? t,
                Size = parsed.GetValue(limit),
                Page = parsed.GetValue(page),
            };
            return Task.FromResult(Run(context, request, parsed.GetValue(index), parsed.GetValue(json), cancellation));
        });
        return command;
    }

    /// <summary>Runs the quote search and prints it.</summary>
    public static int Run(CliContext context, QuoteRequest request, string? indexPath, bool json, CancellationToken cancellation)
    {
        using var index = context.Locator.Open(indexPath, context.Console.Error, cancellation);
        var response = index.SearchQuotes(request, cancellation);
        if (json)
            context.Console.RawOutput.WriteLine(JsonSerializer.Serialize(QuoteResult.From(response), SearchJsonContext.Default.QuoteResult));
        else
            QuoteRenderer.Write(context.Console.Output, response, (request.Page - 1) * request.Size + 1);
        return ExitCodes.Success;
    }
}
