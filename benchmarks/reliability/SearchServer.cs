using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Search.Reliability;

/// <summary>
/// The real <c>search serve</c> on a free loopback port over an index, for checks that must watch the
/// server apart from themselves: its resident memory, its managed heap (from <c>/metrics</c>) and its
/// CPU time. Disposing kills it.
/// </summary>
public sealed class SearchServer : IAsyncDisposable
{
    private readonly Process _process;

    private SearchServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Where the server listens.</summary>
    public Uri Address { get; }

    /// <summary>The server's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts <c>search serve</c> over <paramref name="indexPath"/> and waits until <c>/health</c> answers.</summary>
    public static async Task<SearchServer> StartAsync(SearchBinary search, string indexPath)
    {
        var port = FreePort();
        var process = search.Start("serve", "--index", indexPath, "--urls", $"http://127.0.0.1:{port}");
        // Drained, not kept: a soak's request log would otherwise grow in this process for the whole run.
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        var server = new SearchServer(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await server.WaitUntilUpAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client for the server allowing <paramref name="connections"/> connections at once.</summary>
    public HttpClient Client(int connections = 8) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The server's resident memory in MB, or <c>null</c> where /proc is absent.</summary>
    public double? ResidentMegabytes() => MemoryTrend.ResidentMegabytes(_process.Id);

    /// <summary>The CPU time the server has used since it started.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>The server's managed heap after its last garbage collection in MB, read from its <c>/metrics</c>.</summary>
    public static async Task<double?> ManagedHeapMegabytesAsync(HttpClient client) =>
        await MetricAsync(client, "search_gc_heap_bytes") / (1024 * 1024);

    /// <summary>The value of an unlabelled metric from the server's <c>/metrics</c>, or <c>null</c> when absent.</summary>
    public static async Task<double?> MetricAsync(HttpClient client, string name)
    {
        var text = await client.GetStringAsync("/metrics");
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[(name.Length + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilUpAsync()
    {
        using var client = Client(1);
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"search serve exited with code {_process.ExitCode} before answering.");
            try
            {
                using var response = await client.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("search serve did not answer /health within 30 s.");
    }
}
