using System.CommandLine;
using System.CommandLine.Help;
using Search.Cli.Commands;
using Search.Core;

namespace Search.Cli;

/// <summary>The process exit codes every verb uses.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked (a search with no hits included).</summary>
    public const int Success = 0;

    /// <summary>Something went wrong that is not the caller's input.</summary>
    public const int Failure = 1;

    /// <summary>The command line or a request value is wrong.</summary>
    public const int Usage = 2;
}

/// <summary>A mistake on the command line that the parser cannot see, such as conflicting options.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>What every command needs: the console to talk through and where the index is.</summary>
/// <param name="Console">Output, error and input.</param>
/// <param name="Locator">Resolves <c>--index</c> and the embedded default.</param>
internal sealed record CliContext(CliConsole Console, IndexLocator Locator);

/// <summary>The <c>search</c> command line: parses the arguments, runs one verb and returns its exit code.</summary>
internal static class CliApp
{
    /// <summary>Runs <c>search</c> with <paramref name="args"/> against the process console.</summary>
    public static Task<int> RunAsync(string[] args, CancellationToken cancellation = default) =>
        RunAsync(args, new CliContext(CliConsole.FromSystem(), new IndexLocator(Environment.CurrentDirectory, AppContext.BaseDirectory)), cancellation);

    /// <summary>Runs <c>search</c> with <paramref name="args"/> in <paramref name="context"/> (tests pass captured writers).</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellation = default)
    {
        var root = BuildCommand(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            foreach (var error in parsed.Errors)
                context.Console.Error.WriteLine(error.Message);
            context.Console.Error.WriteLine($"Run '{HelpCommandLine(parsed)} --help' for usage.");
            return ExitCodes.Usage;
        }
        // A verb's help is about the verb: the one-shot search's <query> belongs to the root alone.
        if (parsed.Action is HelpAction && parsed.CommandResult.Command != root)
        {
            foreach (var argument in root.Arguments)
                argument.Hidden = true;
        }
        var invocation = new InvocationConfiguration
        {
            Output = context.Console.RawOutput,
            Error = context.Console.Error,
            EnableDefaultExceptionHandler = false,
            // The shell handles Ctrl-C itself; other verbs get the default termination.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parsed.InvokeAsync(invocation, cancellation);
        }
        catch (Exception e) when (ExitCodeFor(e) is { } code)
        {
            context.Console.Error.WriteLine(e switch
            {
                InvalidSearchRequestException invalid => RequestOptionNames.Describe(invalid),
                // A full disk or a failing device: the raw message names the file but says nothing of the index.
                IOException when e is not FileNotFoundException and not DirectoryNotFoundException =>
                    $"A file could not be written or read ({e.Message.Trim().TrimEnd('.')}). Check the free disk space and the device; the index keeps its last commit.",
                _ => e.Message,
            });
            return code;
        }
    }

    /// <summary>The root command with every verb; the root itself runs a one-shot search.</summary>
    public static RootCommand BuildCommand(CliContext context)
    {
        var root = SearchCommand.CreateRoot(context);
        root.Add(IndexCommand.Create(context));
        root.Add(ExtractCommand.Create(context));
        root.Add(EvalExtractionCommand.Create(context));
        root.Add(EvalHtmlCommand.Create(context));
        root.Add(StatsCommand.Create(context));
        root.Add(ShellCommand.Create(context));
        root.Add(ServeCommand.Create(context));
        root.Add(PivotCommand.Create(context));
        root.Add(ExportCommand.Create(context));
        root.Add(BatchCommand.Create(context));
        foreach (var verb in SavedSearchCommands.Create(context))
            root.Add(verb);
        root.Add(SnapshotCommand.Create(context));
        root.Add(SimilarCommand.Create(context));
        root.Add(DuplicatesCommand.Create(context));
        root.Add(QuotesCommand.Create(context));
        root.Add(ExportElasticsearchCommand.Create(context));
        return root;
    }

    /// <summary>The <c>--index</c> option every verb takes.</summary>
    public static Option<string?> IndexOption() => new("--index")
    {
        Description = $"The index folder (default: {SearchLimits.DefaultIndexPath} in the repository, built from {IndexLocator.SamplesFolder} on first use).",
        HelpName = "DIR",
    };

    /// <summary>An integer option whose bad values get a sentence rather than a type name.</summary>
    public static Option<int> IntOption(string name, string alias, string description, int defaultValue, string helpName = "N")
    {
        var option = alias.Length > 0 ? new Option<int>(name, alias) : new Option<int>(name);
        option.Description = description;
        option.HelpName = helpName;
        option.DefaultValueFactory = _ => defaultValue;
        option.CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value))
                return value;
            result.AddError($"'{text}' is not a whole number ({name}).");
            return defaultValue;
        };
        return option;
    }

    /// <summary>
    /// The filter option of a facet: <c>--name</c>, with the initial as alias when no other facet
    /// shares it, repeatable (values are OR-ed); an integer facet's values are checked as they are parsed.
    /// </summary>
    public static Option<string[]> FacetOption(FacetDefinition facet, FacetSchema schema)
    {
        var initial = facet.Name[..1];
        var name = "--" + facet.Name.Replace('_', '-');
        var option = schema.Names.Count(n => n.StartsWith(initial, StringComparison.Ordinal)) == 1 && initial is not ("n" or "h")
            ? new Option<string[]>(name, "-" + initial)
            : new Option<string[]>(name);
        option.Description = $"Only articles with this {facet.Name} (repeat for any of several).";
        option.HelpName = facet.Name.ToUpperInvariant();
        if (facet.Kind == FacetKind.Integer)
        {
            option.Validators.Add(result =>
            {
                if (result.Tokens.FirstOrDefault(t => !facet.TryParseInteger(t.Value, out _)) is { } bad)
                    result.AddError(InvalidValue(facet, name, bad.Value));
            });
        }
        return option;
    }

    /// <summary>An option taking one value of an integer facet (a year for <c>--from</c>), or a sentence saying what is wrong.</summary>
    public static Option<int?> FacetValueOption(FacetDefinition facet, string name, string alias, string description)
    {
        var option = alias.Length > 0 ? new Option<int?>(name, alias) : new Option<int?>(name);
        option.Description = description;
        option.HelpName = facet.Name.ToUpperInvariant();
        option.CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (facet.TryParseInteger(text, out var value))
                return value;
            result.AddError(InvalidValue(facet, name, text));
            return null;
        };
        return option;
    }

    private static string InvalidValue(FacetDefinition facet, string option, string text) =>
        $"'{text}' is not a {facet.Name} ({option}); use {facet.ValueHint}.";

    /// <summary>The exit code for an exception a command lets escape, or <c>null</c> for a bug that should crash loudly.</summary>
    internal static int? ExitCodeFor(Exception e) => e switch
    {
        UsageException or InvalidSearchRequestException => ExitCodes.Usage,
        SearchException or OperationCanceledException or IOException or UnauthorizedAccessException => ExitCodes.Failure,
        _ => null,
    };

    private static string HelpCommandLine(ParseResult parsed)
    {
        var names = new List<string>();
        for (var command = parsed.CommandResult; command is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, command.Command is RootCommand ? "search" : command.Command.Name);
        return string.Join(' ', names);
    }
}
