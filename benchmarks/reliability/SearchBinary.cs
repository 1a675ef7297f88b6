using System.Diagnostics;

namespace Search.Reliability;

/// <summary>
/// The real <c>search</c> command (src/Search.Cli's <c>search.dll</c>, run with <c>dotnet</c>), so the
/// checks kill and serve the program users run, not an in-process copy of it.
/// </summary>
public sealed class SearchBinary
{
    private SearchBinary(string dll) => Dll = dll;

    /// <summary>The <c>search.dll</c> that is run.</summary>
    public string Dll { get; }

    /// <summary>
    /// The most recently built <c>search.dll</c> under src/Search.Cli/bin (Release or Debug), or the
    /// one given; <c>null</c> when there is none (build it with <c>dotnet build src/Search.Cli -c Release</c>).
    /// </summary>
    public static SearchBinary? Find(string? explicitPath = null)
    {
        if (explicitPath is not null)
            return File.Exists(explicitPath) ? new SearchBinary(Path.GetFullPath(explicitPath)) : null;
        var root = RepositoryRoot();
        if (root is null)
            return null;
        var bin = Path.Combine(root, "src", "Search.Cli", "bin");
        if (!Directory.Exists(bin))
            return null;
        var newest = Directory.EnumerateFiles(bin, "search.dll", SearchOption.AllDirectories)
            .Where(f => File.Exists(Path.ChangeExtension(f, ".runtimeconfig.json")))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
        return newest is null ? null : new SearchBinary(newest);
    }

    /// <summary>The folder holding Search.sln above the current folder or this program, or <c>null</c>.</summary>
    public static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Search.sln")))
                    return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>Starts <c>search</c> with <paramref name="arguments"/>, output captured.</summary>
    public Process Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        // Plain output: no progress bar redraws to capture.
        info.Environment["NO_COLOR"] = "1";
        info.Environment["TERM"] = "dumb";
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet could not be started.");
    }

    /// <summary>Runs <c>search</c> to the end: its exit code and everything it wrote.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        using var process = Start(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'search {string.Join(' ', arguments)}' did not finish within {timeout.TotalSeconds:0} s.");
        }
        return (process.ExitCode, await output, await error);
    }
}
