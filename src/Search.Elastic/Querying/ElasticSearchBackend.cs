using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport.Extensions;
using Search.Core;
using SearchRequest = Search.Core.SearchRequest;

namespace Search.Elastic.Querying;

/// <summary>
/// Searches an Elasticsearch (or OpenSearch) index holding exported articles: each request is translated
/// by <see cref="ElasticRequestTranslator"/>, serialised by the official client, sent to <c>_search</c> and
/// mapped back by <see cref="ElasticResponseMapper"/>. Thread-safe; keep one for the life of the program.
/// </summary>
/// <remarks>
/// The body goes over plain HTTP rather than through the client's transport, whose product check refuses
/// OpenSearch; the client still builds and serialises every request, so their shape is the client's.
/// </remarks>
public sealed class ElasticSearchBackend : ISearchBackend, IDisposable
{
    private readonly ElasticBackendOptions _options;
    private readonly ElasticRequestTranslator _translator;
    private readonly global::Elastic.Transport.Serializer _serializer;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Creates the backend; nothing is sent until the first search.</summary>
    /// <param name="options">The cluster and index.</param>
    /// <param name="http">The client to send with (default: one of its own, disposed with the backend).</param>
    public ElasticSearchBackend(ElasticBackendOptions options, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Index);
        _options = options;
        _translator = new ElasticRequestTranslator(options.Search);
        _serializer = Serializer(options.Url);
        _ownsHttp = http is null;
        _http = http ?? new HttpClient { Timeout = SearchLimits.MaxTimeBudget + options.NetworkAllowance };
    }

    /// <inheritdoc />
    public FacetSchema Facets => _options.Search.Facets;

    /// <summary>The index searched, as a person reads it: <c>news at http://localhost:9200</c>.</summary>
    public string Description => $"{_options.Index} at {_options.Url}";

    /// <inheritdoc />
    public SearchResponse Search(SearchRequest request, CancellationToken cancellation = default)
    {
        var translation = _translator.Translate(request);
        using var response = Send(translation, cancellation);
        return ElasticResponseMapper.Map(response.RootElement, translation);
    }

    /// <inheritdoc />
    public IReadOnlyList<FacetValue> GetFacetValues(FacetValuesRequest request, CancellationToken cancellation = default)
    {
        var translation = _translator.TranslateFacetValues(request);
        using var response = Send(translation, cancellation);
        return ElasticResponseMapper.MapFacetValues(response.RootElement, translation);
    }

    /// <inheritdoc />
    public Article? GetArticle(string id) => HighlightArticle(id, "")?.Article;

    /// <inheritdoc />
    public ArticleHighlight? HighlightArticle(string id, string query)
    {
        var translation = _translator.TranslateArticle(id, query);
        using var response = Send(translation, CancellationToken.None);
        return ElasticResponseMapper.MapArticle(response.RootElement, translation);
    }

    /// <summary>The JSON body a translation sends, as the official client serialises it.</summary>
    public static string SerializeBody(ElasticTranslation translation)
    {
        ArgumentNullException.ThrowIfNull(translation);
        return DefaultSerializer.SerializeToString(translation.Body);
    }

    private static readonly global::Elastic.Transport.Serializer DefaultSerializer = Serializer(new Uri("http://localhost:9200"));

    private static global::Elastic.Transport.Serializer Serializer(Uri url) =>
        ((IElasticsearchClientSettings)new ElasticsearchClientSettings(url)).RequestResponseSerializer;

    private JsonDocument Send(ElasticTranslation translation, CancellationToken cancellation)
    {
        var address = new Uri(_options.Url, $"{Uri.EscapeDataString(_options.Index)}/_search");
        using var message = new HttpRequestMessage(HttpMethod.Post, address)
        {
            Content = new StringContent(_serializer.SerializeToString(translation.Body), Encoding.UTF8, "application/json"),
        };
        if (!string.IsNullOrEmpty(_options.ApiKey))
            message.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", _options.ApiKey);
        HttpResponseMessage response;
        try
        {
            response = _http.Send(message, cancellation);
        }
        catch (HttpRequestException e)
        {
            throw new BackendUnavailableException($"The cluster at {_options.Url} cannot be reached ({e.Message}). Check the address and that it is running.", e);
        }
        catch (TaskCanceledException e) when (!cancellation.IsCancellationRequested)
        {
            throw new BackendUnavailableException($"The cluster at {_options.Url} did not answer within {_http.Timeout.TotalSeconds:0} s.", e);
        }
        using (response)
        {
            using var stream = response.Content.ReadAsStream(cancellation);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(stream);
            }
            catch (JsonException e)
            {
                throw new BackendUnavailableException($"The cluster at {_options.Url} answered {(int)response.StatusCode} with something that is not JSON.", e);
            }
            if (response.IsSuccessStatusCode)
                return document;
            using (document)
                throw Failure((int)response.StatusCode, document.RootElement);
        }
    }

    /// <summary>An error answer as a sentence: the engine's own reason, and what to do for the common ones.</summary>
    private BackendUnavailableException Failure(int status, JsonElement error)
    {
        var reason = error.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object
            ? (e.TryGetProperty("root_cause", out var causes) && causes.GetArrayLength() > 0 && causes[0].TryGetProperty("reason", out var first) ? first.GetString() : null)
              ?? (e.TryGetProperty("reason", out var r) ? r.GetString() : null)
            : null;
        var advice = status switch
        {
            401 or 403 => " Check the API key (--api-key).",
            404 => $" Create the index with 'search export-elasticsearch --url {_options.Url}' or name another with --es-index.",
            _ => "",
        };
        return new BackendUnavailableException($"The cluster at {_options.Url} refused the search of '{_options.Index}' ({status}: {reason ?? "no reason given"}).{advice}");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
    }
}
