using System.CommandLine;
using Search.Elastic;
using Search.Elastic.Querying;

namespace Search.Cli.Commands;

/// <summary>
/// <c>--elasticsearch URL --es-index NAME --es-api-key KEY</c>: search a cluster holding the exported
/// articles instead of the index folder. Shared by the one-shot search, <c>shell</c> and <c>serve</c>.
/// </summary>
internal sealed class ClusterOptions
{
    /// <summary>The environment variable read when <c>--es-api-key</c> is not given, so the key stays out of shell history.</summary>
    public const string ApiKeyVariable = "SEARCH_ES_API_KEY";

    private readonly Option<string?> _url = new("--elasticsearch")
    {
        Description = "Search this Elasticsearch or OpenSearch cluster instead of the index folder (see search export-elasticsearch).",
        HelpName = "URL",
    };

    private readonly Option<string> _index = new("--es-index")
    {
        Description = "The cluster's article index.",
        DefaultValueFactory = _ => ElasticFields.DefaultIndex,
        HelpName = "NAME",
    };

    private readonly Option<string?> _apiKey = new("--es-api-key")
    {
        Description = $"The cluster's API key (default: the {ApiKeyVariable} environment variable).",
        HelpName = "KEY",
    };

    /// <summary>Adds the three options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_url);
        command.Options.Add(_index);
        command.Options.Add(_apiKey);
    }

    /// <summary>The backend the options name, or <c>null</c> without <c>--elasticsearch</c>.</summary>
    /// <exception cref="UsageException">The address is not an http or https URL.</exception>
    public ElasticSearchBackend? Open(ParseResult parsed)
    {
        if (parsed.GetValue(_url) is not { } text)
            return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new UsageException($"'{text}' is not a cluster address; give one such as http://localhost:9200.");
        return new ElasticSearchBackend(new ElasticBackendOptions
        {
            Url = url,
            Index = parsed.GetValue(_index)!,
            ApiKey = parsed.GetValue(_apiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable),
        });
    }
}
