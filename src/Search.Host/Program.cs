using Search.Host;

// Runs the host on its own: `dotnet run --project src/Search.Host -- --Search:IndexPath index/.index`.
// Settings come from configuration (appsettings.json, SEARCH_API_KEY, --Search:* arguments);
// `search serve` calls SearchHost directly instead.
var app = SearchHost.Build(new SearchHostOptions(), args);
app.Run();

/// <summary>The host's entry point; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
