using System.CommandLine;
using Search.Host;

namespace Search.Cli.Commands;

/// <summary><c>search serve</c>: the HTTP API and search page over an index.</summary>
internal static class ServeCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';'.",
            DefaultValueFactory = _ => SearchHostOptions.DefaultUrls,
            HelpName = "URLS",
        };
        var index = CliApp.IndexOption();
        var cluster = new ClusterOptions();
        var command = new Command("serve",
            $"""
            Serve the search API and page over HTTP until Ctrl-C.

            Examples:
              search serve
              search serve --index my-index --urls http://127.0.0.1:8080
              search serve --elasticsearch http://localhost:9200 --es-index news
            """)
        {
            urls, index,
        };
        cluster.AddTo(command);
        command.SetAction(async (parsed, cancellation) =>
        {
            using (var backend = cluster.Open(parsed))
            {
                if (backend is not null)
                {
                    context.Console.Error.WriteLine($"Serving {backend.Description} on {parsed.GetValue(urls)} (Ctrl-C to stop).");
                    await SearchHost.RunAsync(new SearchHostOptions { Backend = backend, Urls = parsed.GetValue(urls) }, cancellation);
                    return ExitCodes.Success;
                }
            }
            // Opening first builds the embedded default on first use and reports a missing index the same way as every verb.
            string path;
            using (var opened = context.Locator.Open(parsed.GetValue(index), context.Console.Error, cancellation))
                path = opened.Path;
            var listen = parsed.GetValue(urls)!;
            context.Console.Error.WriteLine($"Serving {path} on {listen} (Ctrl-C to stop).");
            await SearchHost.RunAsync(new SearchHostOptions { IndexPath = path, Urls = listen }, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }
}
