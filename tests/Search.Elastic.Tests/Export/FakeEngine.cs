using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Search.Elastic.Tests.Export;

/// <summary>A request the fake engine received.</summary>
internal sealed record ReceivedRequest(string Method, string Path, string? ContentType, string Body);

/// <summary>
/// A local HTTP server that answers like Elasticsearch's documented create-index and <c>_bulk</c>
/// responses, from answers the test queues, so the push path runs through the real client and HTTP.
/// </summary>
internal sealed class FakeEngine : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<Func<ReceivedRequest, (int Status, string Json)>> _answers = new();
    private readonly List<ReceivedRequest> _received = [];
    private readonly Task _serving;

    private readonly bool _saysElasticsearch;

    /// <summary>Starts the server; <paramref name="saysElasticsearch"/> false leaves out the product header, as OpenSearch does.</summary>
    public FakeEngine(bool saysElasticsearch = true)
    {
        _saysElasticsearch = saysElasticsearch;
        Url = new Uri($"http://127.0.0.1:{FreePort()}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public IReadOnlyList<ReceivedRequest> Received
    {
        get
        {
            lock (_received)
                return _received.ToArray();
        }
    }

    public FakeEngine Answer(int status, string json) => Answer(_ => (status, json));

    /// <summary>Queues an answer computed from the request it answers.</summary>
    public FakeEngine Answer(Func<ReceivedRequest, (int Status, string Json)> answer)
    {
        lock (_answers)
            _answers.Enqueue(answer);
        return this;
    }

    /// <summary>Queues a <c>_bulk</c> answer that reports every document of the request created.</summary>
    public FakeEngine AnswerAllCreated() => Answer(request =>
    {
        var ids = request.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where((_, i) => i % 2 == 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("index"))
            .Select(a => "{\"index\":{\"_index\":" + JsonSerializer.Serialize(a.GetProperty("_index").GetString())
                + ",\"_id\":" + JsonSerializer.Serialize(a.GetProperty("_id").GetString()) + ",\"result\":\"created\",\"status\":201}}");
        return (200, $$"""{"took":5,"errors":false,"items":[{{string.Join(',', ids)}}]}""");
    });

    /// <summary>A port nothing listens on (it was free a moment ago).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            // The client compresses request bodies, as the engine accepts.
            Stream input = context.Request.Headers["Content-Encoding"] == "gzip"
                ? new GZipStream(context.Request.InputStream, CompressionMode.Decompress)
                : context.Request.InputStream;
            using var reader = new StreamReader(input, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var request = new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.ContentType, body);
            lock (_received)
                _received.Add(request);
            Func<ReceivedRequest, (int Status, string Json)>? next;
            lock (_answers)
                next = _answers.Count > 0 ? _answers.Dequeue() : null;
            var answer = next?.Invoke(request) ?? (500, """{"error":{"type":"test_exception","reason":"no answer queued"},"status":500}""");
            var bytes = Encoding.UTF8.GetBytes(answer.Json);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = "application/vnd.elasticsearch+json;compatible-with=9";
            if (_saysElasticsearch)
                context.Response.Headers["X-Elastic-Product"] = "Elasticsearch";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
