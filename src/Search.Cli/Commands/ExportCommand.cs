using System.CommandLine;
using Search.Core;

namespace Search.Cli.Commands;

/// <summary><c>search export "&lt;query&gt;" [filters] --format csv|jsonl [--out FILE]</c>: every match, streamed.</summary>
internal static class ExportCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var query = new Argument<string[]>("query") { Description = "Lucene query syntax; omit (or \"\") for every article.", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format") { Description = "csv (default) or jsonl.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var output = new Option<FileInfo?>("--out", "-o") { Description = "The file to write (replaced if it exists); default standard output.", HelpName = "FILE" };
        var index = CliApp.IndexOption();
        var filters = new SearchRequestOptions();
        var command = new Command("export",
            $"""
            Write every matching article, in the search's order, as CSV or JSON Lines: {string.Join(", ", SearchExporter.Columns(FacetSchema.Default))}.
            Rows are streamed, so memory stays flat however many articles match. CSV cells that a spreadsheet would run as formulas are written as text.

            Examples:
              search export "LeT" --format csv --out let.csv
              search export "" --group Tehrik-i-Taliban-Pakistan --format jsonl > ttp.jsonl
            """)
        {
            query, format, output, index,
        };
        filters.AddTo(command);
        command.SetAction(async (parsed, cancellation) =>
        {
            SearchExporter.TryParseFormat(parsed.GetValue(format), out var chosen);
            using var searchIndex = context.Locator.Open(parsed.GetValue(index), context.Console.Error, cancellation);
            var export = SearchExporter.Prepare(searchIndex, filters.ToRequest(parsed, string.Join(' ', parsed.GetValue(query) ?? [])), chosen, cancellation);
            if (parsed.GetValue(output) is { } file)
            {
                long rows;
                await using (var stream = new FileStream(file.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
                    rows = await export.WriteToAsync(stream);
                context.Console.Error.WriteLine($"Wrote {rows} articles to {file.FullName}.");
            }
            else
            {
                await export.WriteToAsync(new TextWriterStream(context.Console.RawOutput));
                await context.Console.RawOutput.FlushAsync(cancellation);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Decodes the UTF-8 an export writes into the console's text writer, so standard output keeps
    /// one writer (and tests capture it); it writes in chunks, so the decoding costs little.
    /// </summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly System.Text.Decoder _decoder = new System.Text.UTF8Encoding(false).GetDecoder();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => writer.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            var chars = new char[_decoder.GetCharCount(buffer, offset, count)];
            _decoder.GetChars(buffer, offset, count, chars, 0);
            writer.Write(chars);
        }
    }
}
