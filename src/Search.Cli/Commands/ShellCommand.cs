using System.CommandLine;
using Search.Cli.Shell;

namespace Search.Cli.Commands;

/// <summary><c>search shell</c>: type queries and narrow them by group, speaker and year.</summary>
internal static class ShellCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var index = CliApp.IndexOption();
        var cluster = new ClusterOptions();
        var command = new Command("shell",
            """
            An interactive query shell: type a query, then narrow it with :f N (pick a facet value by number), :years, :sort, page with :n and :p, read a hit with :open N. Type :help inside for every command. With input from a pipe it prints one result block per line and no prompt.

            Examples:
              search shell
              printf 'LeT\n:f 1\n:quit\n' | search shell
              search shell --elasticsearch http://localhost:9200 --es-index news
            """)
        {
            index,
        };
        cluster.AddTo(command);
        command.SetAction((parsed, cancellation) =>
        {
            using var backend = cluster.Open(parsed);
            return Task.FromResult(Run(context, parsed.GetValue(index), cancellation, backend));
        });
        return command;
    }

    /// <summary>Runs the session until the input ends or the person leaves, over the index folder or, when given, a cluster.</summary>
    public static int Run(CliContext context, string? indexPath, CancellationToken cancellation, Core.ISearchBackend? cluster = null)
    {
        var console = context.Console;
        using var local = cluster is null ? context.Locator.Open(indexPath, console.Error, cancellation) : null;
        var index = cluster ?? local!;
        var interactive = console.InputIsTerminal && console.SupportsAnsi;
        var pager = interactive ? new ShellPager(console.Output, console.RawOutput, () => Console.WindowHeight) : null;
        var session = new ShellSession(index, console.Output, console.Error, pager);
        ILineReader reader = interactive ? Editor(console, index, session) : new PipedLineReader(console.Input);
        if (interactive)
            console.RawOutput.WriteLine("Type a query, or :help for commands. Ctrl-D leaves.");
        // The first search pays for JIT and loading the facet ordinals; a person typing hides that cost.
        var warmUp = interactive ? Task.Run(() => WarmUp(index)) : Task.CompletedTask;

        CancellationTokenSource? running = null;
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // Ctrl-C during a search cancels the search, not the shell; otherwise the default applies.
            var current = Volatile.Read(ref running);
            if (current is null)
                return;
            e.Cancel = true;
            current.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                string? line;
                if (interactive)
                {
                    // Keys, including Ctrl-C, reach the line editor while it reads.
                    Console.TreatControlCAsInput = true;
                    try
                    {
                        line = reader.ReadLine(session.Prompt);
                    }
                    finally
                    {
                        Console.TreatControlCAsInput = false;
                    }
                }
                else
                {
                    line = reader.ReadLine(session.Prompt);
                }
                if (line is null)
                    break;
                using var search = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                Volatile.Write(ref running, search);
                try
                {
                    if (!session.Execute(line, search.Token))
                        break;
                }
                finally
                {
                    Volatile.Write(ref running, null);
                }
            }
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            warmUp.Wait();
        }
        return ExitCodes.Success;
    }

    private static TerminalLineEditor Editor(CliConsole console, Core.ISearchBackend index, ShellSession session)
    {
        var history = ShellHistoryFile.ForUser();
        var completion = new ShellCompletion(index, () => session.State);
        return new TerminalLineEditor(
            console.RawOutput, () => Console.ReadKey(intercept: true), history?.Load(), history is null ? null : history.Append,
            completion.Complete, colour: !CliConsole.NoColor);
    }

    private static void WarmUp(Core.ISearchBackend index)
    {
        try
        {
            index.Search(new Core.SearchRequest { Query = "warm up", Size = 1 });
        }
        catch (Core.SearchException)
        {
            // A failed warm-up only means the first real search is slower; that search reports any real problem.
        }
    }
}
