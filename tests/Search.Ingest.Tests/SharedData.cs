namespace Search.Ingest.Tests;

/// <summary>Finds the shared corpora folder (<c>shared/corpora</c>) by walking up from the test binaries.</summary>
internal static class SharedData
{
    public static string? CorporaDirectory { get; } = Locate();

    public static string? SeedsDirectory =>
        CorporaDirectory is { } corpora && Directory.Exists(Path.Combine(corpora, "seeds")) ? Path.Combine(corpora, "seeds") : null;

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpora");
            if (Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }
}

/// <summary>A fact that is skipped, with a visible reason, when the shared seed corpus is not present.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.SeedsDirectory is null)
            Skip = "The shared corpora folder (../../shared/corpora/seeds above the test binaries) was not found; the seed articles are third-party text and are not shipped with the repository.";
    }
}
