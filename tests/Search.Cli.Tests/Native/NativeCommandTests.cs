using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Search.Cli.Tests.Commands;

namespace Search.Cli.Tests.Native;

/// <summary>
/// The native build does what the managed one does: every README command with the same checks, and
/// the host's API and page served over HTTP. Native compilation drops what reflection would find at
/// run time, so a command can compile and still fail only here.
/// </summary>
[Trait("Category", "Slow")]
public sealed class NativeCommandTests(NativeBuild native) : ReadmeCommandChecks, IClassFixture<NativeBuild>
{
    [NativeFact]
    public void Readme_EveryCommand_DoesWhatTheReadmeSays() => CheckEveryCommand();

    [NativeFact]
    public async Task Serve_AnswersTheApiAndThePage()
    {
        Assert.Equal(0, Run(["index", Repo.Combine("index", "samples"), "--index", Repo.Combine("served")]).ExitCode);
        var url = $"http://127.0.0.1:{FreePort()}";
        using var server = Start(["serve", "--index", Repo.Combine("served"), "--urls", url]);
        // The server logs each request; read as it goes, or a full pipe would stall it.
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        server.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        server.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            await WaitUntilServing(http, server, log);

            using (var search = JsonDocument.Parse(await http.GetStringAsync("/api/search?q=LeT&size=2")))
            {
                Assert.True(search.RootElement.GetProperty("total").GetInt32() > 2);
                Assert.Contains("<mark>", search.RootElement.GetProperty("hits")[0].GetProperty("passages")[0].GetProperty("html").GetString());
                // A cursor is JSON inside: the second page reads it back.
                var cursor = search.RootElement.GetProperty("next_cursor").GetString();
                using var next = JsonDocument.Parse(await http.GetStringAsync($"/api/search?q=LeT&size=2&cursor={Uri.EscapeDataString(cursor!)}"));
                Assert.NotEqual(search.RootElement.GetProperty("hits")[0].GetProperty("id").GetString(), next.RootElement.GetProperty("hits")[0].GetProperty("id").GetString());
            }
            using (var quotes = JsonDocument.Parse(await http.GetStringAsync("/api/quotes?q=LeT&speaker=Marco%20Rubio")))
                Assert.All(quotes.RootElement.GetProperty("quotes").EnumerateArray(), q => Assert.Equal("Marco Rubio", q.GetProperty("speaker").GetString()));
            using (var facet = JsonDocument.Parse(await http.GetStringAsync("/api/facets/group?prefix=Lash")))
                Assert.Equal("Lashkar-e-Taiba", facet.RootElement.GetProperty("values")[0].GetProperty("value").GetString());
            var bad = await http.GetAsync("/api/search?size=abc");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("'abc' is not a whole number", await bad.Content.ReadAsStringAsync());
            Assert.Contains("<html", await http.GetStringAsync("/"));
            Assert.Contains("\"openapi\"", await http.GetStringAsync("/openapi/v1.json"));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    internal override CliRun Run(string[] args, string? input = null)
    {
        using var process = Start(args);
        process.StandardInput.Write(input ?? "");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"search {string.Join(' ', args)} did not finish in 2 minutes.");
        }
        return new CliRun(process.ExitCode, output.Result, error.Result);
    }

    private Process Start(string[] args)
    {
        var start = new ProcessStartInfo(native.Program)
        {
            WorkingDirectory = Repo.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // As on a terminal-less run of the managed build in this process: no colours, no pager.
        start.Environment["NO_COLOR"] = "1";
        return Process.Start(start)!;
    }

    private static async Task WaitUntilServing(HttpClient http, Process server, IEnumerable<string> log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (server.HasExited)
                Assert.Fail("search serve exited:\n" + string.Join('\n', log));
            try
            {
                (await http.GetAsync("/api/search?q=")).EnsureSuccessStatusCode();
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
