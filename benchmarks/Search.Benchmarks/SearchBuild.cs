using System.Diagnostics;

namespace Search.Benchmarks;

/// <summary>A build of the <c>search</c> command to run as a process of its own: a <c>search.dll</c> or a native program.</summary>
public static class SearchBuild
{
    /// <summary>How to start <paramref name="build"/> with <paramref name="arguments"/>: a native build is a program of its own, a <c>search.dll</c> runs under <c>dotnet</c>.</summary>
    public static ProcessStartInfo StartInfo(string build, IEnumerable<string> arguments)
    {
        var managed = build.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(managed ? "dotnet" : build) { UseShellExecute = false };
        if (managed)
            start.ArgumentList.Add(build);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return start;
    }
}
