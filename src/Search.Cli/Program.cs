using Search.Cli;

return await CliApp.RunAsync(args);
