using System.Diagnostics;
using System.Runtime.InteropServices;
using Search.Cli.Tests.Commands;

namespace Search.Cli.Tests.Native;

/// <summary>
/// <c>search</c> compiled to a native program, as README shows (<c>dotnet publish src/Search.Cli -c
/// Release -r RID -p:PublishAot=true</c>), once for the tests that use it. The sources are copied first,
/// so the publish shares no build output with other tests that build the same projects at the same time.
/// </summary>
public sealed class NativeBuild : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Lazy<string> _program;

    public NativeBuild() => _program = new Lazy<string>(Publish);

    /// <summary>The native program, published on first use (several minutes on two cores).</summary>
    public string Program => _program.Value;

    public void Dispose() => _temp.Dispose();

    private string Publish()
    {
        var sources = _temp.Combine("repository");
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "NuGet.config", "nuget.config", "global.json" })
        {
            var path = Path.Combine(ReadmeCommandChecks.RepositoryRoot, file);
            if (File.Exists(path))
                CopyFile(path, Path.Combine(sources, file));
        }
        CopyFolder(Path.Combine(ReadmeCommandChecks.RepositoryRoot, "src"), Path.Combine(sources, "src"));

        var output = _temp.Combine("native");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = sources,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "publish", "src/Search.Cli", "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-p:PublishAot=true", "-o", output })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The native publish took more than 30 minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"The native publish failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        var program = Path.Combine(output, OperatingSystem.IsWindows() ? "search.exe" : "search");
        Assert.True(File.Exists(program), $"The native publish wrote no {program}.");
        return program;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            // Build output of the working tree would be taken for this copy's own.
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                continue;
            CopyFile(file, Path.Combine(to, relative));
        }
    }

    private static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }
}

/// <summary>
/// A fact that needs the native build; skipped, with the reason, where no C compiler and linker is
/// installed for it (the native compiler links with clang).
/// </summary>
public sealed class NativeFactAttribute : FactAttribute
{
    public NativeFactAttribute()
    {
        if (!OnPath("clang"))
            Skip = "Native build test skipped: publishing with PublishAot needs clang (apt-get install -y clang).";
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
