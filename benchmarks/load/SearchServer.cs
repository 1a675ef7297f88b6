using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Search.Benchmarks;

namespace Search.Load;

/// <summary>
/// The product as a user runs it: <c>search index</c> builds the index and <c>search serve</c> serves it,
/// each a process of its own (the Release build of <c>src/Search.Cli</c>), so the load client's
/// allocations and threads never share a garbage collector with the server.
/// </summary>
internal sealed class SearchServer : IAsyncDisposable
{
    private readonly Process _process;

    private SearchServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>CPU time the server process has used so far (user and system): a cost per request that the machine's load does not inflate.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// The runtime figures the host publishes on <c>/metrics</c> (GC pause seconds, collections by
    /// generation, allocated bytes), by series name; empty when the build serving has none.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, double>> RuntimeFiguresAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var figures = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in (await client.GetStringAsync("/metrics")).Split('\n'))
        {
            if (!line.StartsWith("search_gc_", StringComparison.Ordinal) && !line.StartsWith("search_allocated_", StringComparison.Ordinal))
                continue;
            var space = line.LastIndexOf(' ');
            if (space > 0 && double.TryParse(line[(space + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var value))
                figures[line[..space]] = value;
        }
        return figures;
    }

    /// <summary>Where the server listens (loopback, a free port).</summary>
    public Uri Address { get; }

    /// <summary>Runs <c>search index SOURCE --index INDEX</c> and fails with its output when it fails.</summary>
    public static async Task IndexAsync(string searchBuild, string source, string index)
    {
        var (exit, output) = await RunAsync(searchBuild, ["index", source, "--index", index]);
        if (exit != 0)
            throw new InvalidOperationException($"search index failed (exit {exit}): {output}");
    }

    /// <summary>Starts <c>search serve</c> on a free loopback port and waits until <c>/health</c> answers.</summary>
    /// <param name="searchBuild">The build of search to run: a <c>search.dll</c> or a native program.</param>
    /// <param name="index">The index folder.</param>
    /// <param name="environment">Variables set for the server only (<c>DOTNET_gcServer=0</c> and the like, to compare runtime settings).</param>
    public static async Task<SearchServer> StartAsync(string searchBuild, string index, IReadOnlyDictionary<string, string> environment)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = SearchBuild.StartInfo(searchBuild, ["serve", "--index", index, "--urls", address.ToString().TrimEnd('/')]);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        // The server's own output is not part of the measurement: it goes to a file-less sink.
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException("search serve did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new SearchServer(process, address);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"search serve exited with {process.ExitCode} before answering.");
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                    return server;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting under load.
            }
            await Task.Delay(200);
        }
        await server.DisposeAsync();
        throw new InvalidOperationException("search serve did not answer /health within a minute.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static async Task<(int Exit, string Output)> RunAsync(string searchBuild, IEnumerable<string> arguments)
    {
        var start = SearchBuild.StartInfo(searchBuild, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("search did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await errors + await output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
