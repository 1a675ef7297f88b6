using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Transport;
using Search.Core;
using Search.Elastic.Mapping;

namespace Search.Elastic.Export;

/// <summary>How often and how patiently a bulk request is tried again when the engine is busy or failing.</summary>
/// <param name="MaxAttempts">Tries per request, the first included (default 5).</param>
/// <param name="FirstDelay">The wait before the second try; each later wait doubles (default 1 s).</param>
public sealed record BulkRetryPolicy(int MaxAttempts = 5, TimeSpan? FirstDelay = null)
{
    /// <summary>The wait before try <paramref name="attempt"/> (2 or more).</summary>
    public TimeSpan DelayBefore(int attempt) => (FirstDelay ?? TimeSpan.FromSeconds(1)) * Math.Pow(2, attempt - 2);
}

/// <summary>A document the engine refused, with its reason.</summary>
/// <param name="Index">The index it was meant for.</param>
/// <param name="Id">Its id.</param>
/// <param name="Status">The item's HTTP status.</param>
/// <param name="Reason">The engine's error type and reason.</param>
public sealed record RejectedDocument(string Index, string Id, int Status, string Reason);

/// <summary>What sending bulk files achieved.</summary>
/// <param name="Indexed">Documents the engine took.</param>
/// <param name="Rejected">Documents it refused, counted in full.</param>
/// <param name="Examples">The first refused documents with their reasons (at most <see cref="ElasticPusher.MaxExamples"/>).</param>
public sealed record PushResult(long Indexed, long Rejected, IReadOnlyList<RejectedDocument> Examples);

/// <summary>
/// Creates the two indexes on a cluster and sends export bulk files through the official client,
/// trying a request again (with doubling waits) when the engine answers 429 or 5xx or cannot be
/// reached, and items it refused with 429; every other refused item is reported with its reason.
/// </summary>
public sealed class ElasticPusher
{
    private readonly ElasticsearchClient _client;
    private readonly BulkRetryPolicy _retry;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    /// <summary>Sends through <paramref name="client"/>; <paramref name="delay"/> waits between tries (tests pass one that returns at once).</summary>
    public ElasticPusher(ElasticsearchClient client, BulkRetryPolicy? retry = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _retry = retry ?? new BulkRetryPolicy();
        _delay = delay ?? Task.Delay;
    }

    /// <summary>How many refused documents a result lists by name.</summary>
    public const int MaxExamples = 20;

    /// <summary>A client for <paramref name="url"/>, authenticated with <paramref name="apiKey"/> when given.</summary>
    public static ElasticsearchClient CreateClient(Uri url, string? apiKey = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var settings = new ElasticsearchClientSettings(url)
            .RequestTimeout(TimeSpan.FromMinutes(2))
            // One node: the transport's own retries would try the same node again with no wait; ours wait.
            .MaximumRetries(0);
        if (apiKey is not null)
            settings = settings.Authentication(new ApiKey(apiKey));
        return new ElasticsearchClient(settings);
    }

    /// <summary>Creates the article index <paramref name="name"/> and its statements index, then sends <paramref name="files"/>.</summary>
    /// <exception cref="SearchException">The engine cannot be reached, an index exists already, or a request failed after every try.</exception>
    public async Task<PushResult> PushAsync(string name, FacetSchema facets, GroupAliasTable aliases, IEnumerable<string> files, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        await CreateIndexAsync(IndexDefinition.Articles(name, facets, aliases), cancellation);
        await CreateIndexAsync(IndexDefinition.Statements(name, aliases), cancellation);
        return await SendAsync(files, progress, cancellation);
    }

    /// <summary>Creates an index from its definition.</summary>
    /// <exception cref="SearchException">The engine cannot be reached, the index exists already, or the engine refused the definition.</exception>
    public async Task CreateIndexAsync(CreateIndexRequest definition, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var response = await NotOtherProduct(() => _client.Indices.CreateAsync(definition, cancellation));
        if (response.IsValidResponse)
            return;
        var details = response.ApiCallDetails;
        if (details.HttpStatusCode is null)
            throw Unreachable(details);
        var error = response.ElasticsearchServerError?.Error;
        if (error?.Type == "resource_already_exists_exception")
            throw new SearchException($"The index '{error.Index}' already exists on {details.Uri?.GetLeftPart(UriPartial.Authority)}; delete it or choose another --name.");
        throw new SearchException($"The engine refused to create the index ({details.HttpStatusCode}): {Describe(error?.Type, error?.Reason) ?? "no reason given"}.");
    }

    /// <summary>Sends bulk files in order; <paramref name="progress"/> hears each file's number of documents once it is done.</summary>
    /// <exception cref="SearchException">A request still failed after every try, or the engine cannot be reached.</exception>
    public async Task<PushResult> SendAsync(IEnumerable<string> files, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        long indexed = 0, rejected = 0;
        var examples = new List<RejectedDocument>();
        foreach (var file in files)
        {
            var pairs = BulkPairs.Read(file);
            var outcome = await SendPairsAsync(pairs, examples, cancellation);
            indexed += outcome.Indexed;
            rejected += outcome.Rejected;
            progress?.Report(pairs.Count);
        }
        return new PushResult(indexed, rejected, examples);
    }

    private async Task<(long Indexed, long Rejected)> SendPairsAsync(IReadOnlyList<BulkPair> pairs, List<RejectedDocument> examples, CancellationToken cancellation)
    {
        long indexed = 0, rejected = 0;
        var pending = pairs;
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            if (attempt > 1)
                await _delay(_retry.DelayBefore(attempt), cancellation);
            var response = await NotOtherProduct(() => _client.Transport.RequestAsync<BulkResponse>(
                new EndpointPath(global::Elastic.Transport.HttpMethod.POST, "/_bulk"), PostData.ReadOnlyMemory(BulkPairs.Join(pending)), null, NdJson, cancellation));
            var details = response.ApiCallDetails;
            if (!details.HasSuccessfulStatusCode)
            {
                if (attempt < _retry.MaxAttempts && IsTransient(details.HttpStatusCode))
                    continue;
                throw details.HttpStatusCode is null
                    ? Unreachable(details)
                    : new SearchException($"The engine answered {details.HttpStatusCode} to a bulk request {attempt} times: {Describe(response.ElasticsearchServerError?.Error?.Type, response.ElasticsearchServerError?.Error?.Reason) ?? "no reason given"}.");
            }
            var retry = new List<BulkPair>();
            var items = response.Items.ToArray();
            for (var i = 0; i < pending.Count; i++)
            {
                var item = i < items.Length ? items[i] : null;
                if (item is not null && item.Error is null && item.Status is >= 200 and < 300)
                    indexed++;
                else if (item?.Status == 429 && attempt < _retry.MaxAttempts)
                    retry.Add(pending[i]);
                else
                {
                    rejected++;
                    if (examples.Count < MaxExamples)
                        examples.Add(new RejectedDocument(item?.Index ?? "", item?.Id ?? "", item?.Status ?? 0, Describe(item?.Error?.Type, item?.Error?.Reason) ?? "the engine said nothing of this document"));
                }
            }
            pending = retry;
        }
        return (indexed, rejected);
    }

    /// <summary>The official client talks only to Elasticsearch: it refuses a server that does not say it is one (OpenSearch).</summary>
    private async Task<T> NotOtherProduct<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (UnsupportedProductException e)
        {
            var server = _client.ElasticsearchClientSettings.NodePool.Nodes.FirstOrDefault()?.Uri.GetLeftPart(UriPartial.Authority);
            throw new SearchException($"The server at {server} does not say it is Elasticsearch, and the official client sends only to Elasticsearch. For OpenSearch, send the exported files with curl (see the README's Scale-out section).", e);
        }
    }

    private static readonly RequestConfiguration NdJson = new() { ContentType = "application/x-ndjson" };

    /// <summary>No answer at all (a refused connection, a timeout) or a busy or failing engine.</summary>
    private static bool IsTransient(int? status) => status is null or 429 or >= 500;

    private static SearchException Unreachable(ApiCallDetails details) =>
        new($"Cannot reach the engine at {details.Uri?.GetLeftPart(UriPartial.Authority)} ({details.OriginalException?.InnerException?.Message ?? details.OriginalException?.Message ?? "no answer"}). Check the URL and that the cluster is running.", details.OriginalException);

    private static string? Describe(string? type, string? reason) =>
        type is null ? null : string.IsNullOrEmpty(reason) ? type : $"{type}: {reason}";
}
