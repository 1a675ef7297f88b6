using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Search.Cli.Tests.Packaging;

/// <summary>
/// The ways in that the README shows, end to end: <c>dotnet pack</c> makes the library packages and
/// the tool into a folder feed; the tool installs from it and searches; a new console app built
/// against the packages runs the README's library example. Slow (a Release build and two restores).
/// </summary>
public sealed partial class PackageTests : IDisposable
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    // A version of its own, so a package cached by an earlier run is never the one tested.
    private readonly string _version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}";
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        _temp.Dispose();
        foreach (var id in new[] { "search.core", "search.ingest", "search.cli" })
        {
            var cached = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"), id, _version);
            if (Directory.Exists(cached))
                Directory.Delete(cached, recursive: true);
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Pack_ThenInstallTheToolAndBuildAnApp_BothWork()
    {
        var feed = _temp.Combine("feed");
        Dotnet(RepositoryRoot, "pack", "src/Search.Cli", "-c", "Release", "-o", feed, $"-p:Version={_version}");
        Dotnet(RepositoryRoot, "pack", "src/Search.Core", "-c", "Release", "--no-build", "-o", feed, $"-p:Version={_version}");
        Dotnet(RepositoryRoot, "pack", "src/Search.Ingest", "-c", "Release", "--no-build", "-o", feed, $"-p:Version={_version}");

        Assert.Equal(
            [$"Search.Cli.{_version}.nupkg", $"Search.Cli.{_version}.snupkg", $"Search.Core.{_version}.nupkg", $"Search.Core.{_version}.snupkg",
             $"Search.Ingest.{_version}.nupkg", $"Search.Ingest.{_version}.snupkg"],
            Directory.GetFiles(feed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using (var core = ZipFile.OpenRead(Path.Combine(feed, $"Search.Core.{_version}.nupkg")))
        {
            Assert.Contains(core.Entries, e => e.FullName == "lib/net10.0/Search.Core.xml");
            Assert.Contains(core.Entries, e => e.FullName == "README.md");
            var nuspec = new StreamReader(core.GetEntry("Search.Core.nuspec")!.Open()).ReadToEnd();
            Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
            Assert.Contains("<readme>README.md</readme>", nuspec);
        }

        var tools = _temp.Combine("tools");
        Dotnet(_temp.Path, "tool", "install", "--tool-path", tools, "--add-source", feed, "Search.Cli", "--version", _version);
        var search = Path.Combine(tools, OperatingSystem.IsWindows() ? "search.exe" : "search");
        Assert.Contains("Usage:", Run(search, _temp.Path, "--help"));
        _temp.Write("articles/wells.txt", "ISLAMABAD, February 12, 2020: Alice Wells said the conviction of Hafiz Saeed, the founder of LeT, was a step forward.\n");
        Run(search, _temp.Path, "index", _temp.Combine("articles"), "--index", _temp.Combine("index"));
        var found = Run(search, _temp.Path, "Lashkar-e-Taiba", "--index", _temp.Combine("index"));
        Assert.Contains("1 article in", found);
        Assert.Contains("speakers: Alice Wells", found);

        Assert.Equal(
            """
            US sees progress on prosecutions in Pakistan: Donald Lu said the United States wants <mark>LeT</mark> and JeM dismantled.
            group: Jaish-e-Mohammed (1), Lashkar-e-Taiba (1)
            speaker: Donald Lu (1)
            year: 2022 (1)
            month: 2022-09 (1)

            """.ReplaceLineEndings(),
            RunReadmeExample(feed));
    }

    /// <summary>A new console app that references <c>Search.Core</c> from the feed and whose program is the README's example.</summary>
    private string RunReadmeExample(string feed)
    {
        var app = _temp.Combine("app");
        _temp.Write("app/app.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Search.Core" Version="{_version}" />
              </ItemGroup>
            </Project>
            """);
        // The feed joins the machine's sources, which supply Lucene.Net.
        _temp.Write("app/nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="search-feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        var example = LibraryExamplePattern().Match(readme).Groups[1].Value;
        _temp.Write("app/Program.cs", example.Replace("using Search.Core;\n", "using Search.Core;\n\nvar folder = args[0];\n", StringComparison.Ordinal));
        return Dotnet(app, "run", "--", _temp.Combine("library-index"));
    }

    private static string Dotnet(string workingDirectory, params string[] args) => Run("dotnet", workingDirectory, args);

    private static string Run(string program, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(program, args)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', args)} did not finish in 4 minutes.");
        }
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited with {process.ExitCode}:\n{output}\n{error.Result}");
        return output;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Search.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("The tests run outside the repository.");
    }

    [GeneratedRegex("<!-- example:library -->\\s*```csharp(.*?)```", RegexOptions.Singleline)]
    private static partial Regex LibraryExamplePattern();
}
