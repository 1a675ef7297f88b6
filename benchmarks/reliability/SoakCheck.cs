using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Search.Benchmarks.Corpora;
using Search.Core;

namespace Search.Reliability;

/// <summary>The outcome of <see cref="SoakCheck"/>.</summary>
/// <param name="Busy">503 answers: the host refusing expensive queries beyond its slots, or a search out of time (deliberate, counted apart).</param>
public sealed record SoakResult(TimeSpan Duration, int Concurrency, long Requests, long Errors, long Busy, MemoryTrend Memory)
{
    /// <summary>No errors and memory growing less than 5 MB a minute after warm-up.</summary>
    public bool Passed => Errors == 0 && Requests > 0 && Memory.SlopePerMinute() < 5;

    public override string ToString()
    {
        var (first, last, peak) = Memory.Range();
        return $"soak: {Duration.TotalSeconds:0} s at c={Concurrency} against search serve: {Requests:N0} requests ({Requests / Duration.TotalSeconds:N0}/s), {Errors} errors, {Busy:N0} deliberate 503s; RSS {first:0} → {last:0} MB (peak {peak:0}), trend after warm-up {Memory.SlopePerMinute():+0.0;-0.0} MB/min from {Memory.Count} samples — {(Passed ? "PASS" : "FAIL")}";
    }
}

/// <summary>
/// Starts the real <c>search serve</c> over a synthetic index and keeps <c>concurrency</c> requests in
/// flight for the whole run, sampling the server's resident memory every second.
/// </summary>
public static class SoakCheck
{
    /// <summary>Runs the soak.</summary>
    public static async Task<SoakResult> RunAsync(SearchBinary search, TimeSpan duration, int concurrency, int articles, TextWriter log)
    {
        var path = Path.Combine(Path.GetTempPath(), "search-soak-" + Guid.NewGuid().ToString("N")[..8]);
        using (var writer = ArticleWriter.Open(path))
        {
            foreach (var article in SyntheticCorpus.Generate(articles, seed: 3, bodyWords: 80))
                writer.Upsert(article);
            writer.Commit("soak check");
        }
        var port = FreePort();
        using var server = search.Start("serve", "--index", path, "--urls", $"http://127.0.0.1:{port}");
        _ = server.StandardOutput.ReadToEndAsync();
        _ = server.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitUntilUpAsync(client, server);
            var words = SyntheticCorpus.Vocabulary;
            string[] queries = [words[0], $"{words[1]} {words[2]}", $"\"{words[3]} {words[4]}\"", words[5][..3] + "*", words[6] + "~", "", $"{words[8]}&year=2010", $"{words[9]}&sort=newest&page=3"];
            var memory = new MemoryTrend();
            long requests = 0, errors = 0, busy = 0;
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource(duration);
            var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
            {
                var i = w;
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        using var response = await client.GetAsync("/api/search?q=" + queries[i++ % queries.Length]);
                        await response.Content.ReadAsByteArrayAsync();
                        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                            Interlocked.Increment(ref busy);
                        else if (response.StatusCode != HttpStatusCode.OK && Interlocked.Increment(ref errors) <= 5)
                            log.WriteLine($"  {(int)response.StatusCode} for {response.RequestMessage?.RequestUri}");
                    }
                    catch (HttpRequestException e)
                    {
                        if (Interlocked.Increment(ref errors) <= 5)
                            log.WriteLine($"  request failed: {e.Message}");
                    }
                    Interlocked.Increment(ref requests);
                }
            })).ToArray();
            while (!stop.IsCancellationRequested)
            {
                if (MemoryTrend.ResidentMegabytes(server.Id) is { } rss)
                    memory.Add(clock.Elapsed.TotalSeconds, rss);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
                }
                catch (OperationCanceledException)
                {
                    // The run is over.
                }
            }
            await Task.WhenAll(workers);
            return new SoakResult(clock.Elapsed, concurrency, requests, errors, busy, memory);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(path, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilUpAsync(HttpClient client, Process server)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (server.HasExited)
                throw new InvalidOperationException($"search serve exited with code {server.ExitCode} before answering.");
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
