using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Search.Elastic.Tests.Querying;

/// <summary>
/// Checked-in expected JSON, one file per case under <c>Golden/</c>. Set SEARCH_UPDATE_GOLDEN=1 to rewrite
/// them from the current output (then read the diff before committing).
/// </summary>
internal static class Golden
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void AssertMatches(string name, string json, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "Golden", name + ".json");
        var actual = JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, Indented).ReplaceLineEndings("\n") + "\n";
        if (Environment.GetEnvironmentVariable("SEARCH_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"No golden file {path}; run the tests once with SEARCH_UPDATE_GOLDEN=1 and check what it wrote.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
