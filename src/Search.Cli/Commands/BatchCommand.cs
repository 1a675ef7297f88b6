using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Search.Core;
using Search.Host.Contracts;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary>
/// <c>search batch FILE</c>: every entry of a list (a text file, a line each, or a CSV column) searched
/// under the same filters, a row each: matches, first and last publication date, top hits.
/// </summary>
internal static class BatchCommand
{
    /// <summary>The output formats.</summary>
    private static readonly string[] Formats = ["table", "csv", "jsonl"];

    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "The list: one entry a line (blank lines and lines starting with # skipped), or a CSV file with --column." };
        var column = new Option<string?>("--column") { Description = "Read the entries from this column of a CSV file (with a header row).", HelpName = "NAME" };
        var phrase = new Option<bool>("--phrase") { Description = "Search each entry as one exact phrase (default: the entry is query syntax, as in 'search')." };
        var fuzzy = CliApp.IntOption("--fuzzy", "", $"Let each word of an entry differ by up to N edits (0 to {SearchLimits.MaxFuzzyEdits}); every word is then required.", 0);
        var proximity = CliApp.IntOption("--proximity", "", $"Let a phrase's words stand up to N words apart (0 to {SearchLimits.MaxProximity}); implies --phrase.", 0);
        var hits = CliApp.IntOption("--hits", "", $"Top hits per entry, 0 to {SearchLimits.MaxPageSize}, in the jsonl rows (tables and CSV leave them out).", 3);
        var format = new Option<string?>("--format") { Description = "table (default), csv (default with --out) or jsonl.", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<FileInfo?>("--out", "-o") { Description = "The file to write (replaced if it exists); default standard output.", HelpName = "FILE" };
        var save = new Option<string?>("--save") { Description = "Also save the batch under this name; 'search run NAME --new' later counts only articles indexed since.", HelpName = "NAME" };
        var index = CliApp.IndexOption();
        var filters = new SearchRequestOptions();
        var command = new Command("batch",
            $"""
            Search every entry of a list (names, phrases, queries) under the same filters: for each, the articles matching, the first and last publication date among them, and the top hits. All entries read one snapshot of the index, several at a time. An entry that cannot be searched (a quote not closed, a pattern over a limit) gets an error in its row; the others are answered.
            CSV columns: {string.Join(", ", BatchExporter.Columns)}.

            Examples:
              search batch names.txt --phrase
              search batch sanctions.csv --column name --from 2015 --format csv --out counts.csv
              search batch aliases.txt --fuzzy 1 --save aliases
            """)
        {
            file, column, phrase, fuzzy, proximity, hits, format, output, save, index,
        };
        filters.AddTo(command);
        command.SetAction(async (parsed, cancellation) =>
        {
            var list = parsed.GetValue(file)!;
            if (!list.Exists)
                throw new UsageException($"No such file: {list.FullName}");
            IReadOnlyList<string> entries;
            using (var reader = new StreamReader(list.FullName, detectEncodingFromByteOrderMarks: true))
                entries = parsed.GetValue(column) is { } name ? BatchEntryList.ReadCsvColumn(reader, name) : BatchEntryList.ReadLines(reader);
            if (entries.Count == 0)
                throw new UsageException($"The list {list.FullName} has no entries: write one name or phrase a line.");
            var chosen = parsed.GetValue(format) ?? (parsed.GetValue(output) is null ? "table" : "csv");
            if (chosen == "table" && parsed.GetValue(output) is not null)
                throw new UsageException("A table is for the terminal; use --format csv or --format jsonl with --out.");
            var request = BatchRequest.For(entries, new BatchMatching { Phrase = parsed.GetValue(phrase), Fuzzy = parsed.GetValue(fuzzy), Proximity = parsed.GetValue(proximity) }) with
            {
                Hits = parsed.GetValue(hits),
                Search = filters.ToRequest(parsed, ""),
            };
            using var searchIndex = context.Locator.Open(parsed.GetValue(index), context.Console.Error, cancellation);
            // Only JSON Lines shows hits; finding and highlighting them for a table would be wasted.
            var response = Run(context, searchIndex, chosen == "jsonl" ? request : request with { Hits = 0 }, cancellation);
            await WriteAsync(context, searchIndex, response, chosen, parsed.GetValue(output), cancellation);
            if (parsed.GetValue(save) is { } saveAs)
            {
                var saved = new SavedSearches(searchIndex).SaveBatch(saveAs, request);
                context.Console.Error.WriteLine($"Saved the batch as {saved.Name}; 'search run {saved.Name} --new' counts what is indexed after now.");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Runs the batch, with a progress bar when the output is an interactive terminal.</summary>
    public static BatchResponse Run(CliContext context, SearchIndex index, BatchRequest request, CancellationToken cancellation) =>
        Run(context, (progress, token) => index.SearchBatch(request, progress, token), request.Entries.Count, cancellation);

    /// <summary>Runs <paramref name="batch"/> with a progress bar over <paramref name="entries"/> when the output is an interactive terminal.</summary>
    public static T Run<T>(CliContext context, Func<IProgress<int>?, CancellationToken, T> batch, int entries, CancellationToken cancellation)
    {
        if (!context.Console.SupportsAnsi || !context.Console.Output.Profile.Capabilities.Interactive)
            return batch(null, cancellation);
        return context.Console.Output.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(progress =>
            {
                var task = progress.AddTask($"Searching {Number(entries)} entries…", maxValue: Math.Max(entries, 1));
                return batch(new Progress<int>(done => task.Value = Math.Max(task.Value, done)), cancellation);
            });
    }

    /// <summary>Writes the results as a table (to standard output), CSV or JSON Lines (to standard output or <paramref name="output"/>).</summary>
    public static async Task WriteAsync(CliContext context, SearchIndex index, BatchResponse response, string format, FileInfo? output, CancellationToken cancellation)
    {
        if (format == "table")
        {
            WriteTable(context.Console.Output, response);
            return;
        }
        if (output is not null)
        {
            await using (var stream = new FileStream(output.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
                await WriteFileAsync(response, index.Facets, format, stream, cancellation);
            context.Console.Error.WriteLine($"Wrote {Number(response.Results.Count)} entries to {output.FullName}.");
            return;
        }
        using var buffer = new MemoryStream();
        await WriteFileAsync(response, index.Facets, format, buffer, cancellation);
        // Standard output is a text writer (so tests capture it); the CSV's byte-order mark is for files only.
        var text = new System.Text.UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        await context.Console.RawOutput.WriteAsync(text);
        await context.Console.RawOutput.FlushAsync(cancellation);
    }

    private static async Task WriteFileAsync(BatchResponse response, FacetSchema facets, string format, Stream stream, CancellationToken cancellation)
    {
        if (format == "csv")
        {
            await BatchExporter.WriteCsvAsync(response.Results, stream, cancellation);
            return;
        }
        await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        foreach (var result in response.Results)
            await writer.WriteLineAsync(JsonSerializer.Serialize(BatchRowResult.From(result, facets), SearchJsonContext.Default.BatchRowResult));
    }

    /// <summary>The table: entry, matches, first, last, and the error of each entry that had one.</summary>
    public static void WriteTable(IAnsiConsole console, BatchResponse response)
    {
        var errors = response.Results.Any(r => r.Error is not null);
        var table = new Table().AddColumns("Entry", "Matches", "First", "Last");
        table.Columns[1].RightAligned();
        if (errors)
            table.AddColumn("Error");
        foreach (var result in response.Results)
        {
            var row = new List<string>
            {
                Markup.Escape(result.Entry),
                result.Error is null ? Number(result.Total) : "",
                BatchExporter.Date(result.First),
                BatchExporter.Date(result.Last),
            };
            if (errors)
                row.Add(result.Error is null ? "" : $"[red]{Markup.Escape(result.Error)}[/]");
            table.AddRow(row.ToArray());
        }
        console.Write(table);
        var failed = response.Results.Count(r => r.Error is not null);
        var matched = response.Results.Count(r => r.Error is null && r.Total > 0);
        console.WriteLine($"{Number(response.Results.Count)} entries, {Number(matched)} with matches, {Number(failed)} with errors, in {response.Took.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms.");
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
