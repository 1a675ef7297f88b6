using Search.Benchmarks.Corpora;

namespace Search.Tests;

/// <summary>
/// A fact that needs shared corpora (<c>../shared/corpora/NAME</c> beside the repository). Without
/// them the test is skipped with a message saying what is missing, so a fresh clone still passes.
/// Compiled into each test project that reads the corpora.
/// </summary>
public sealed class SharedCorporaFactAttribute : FactAttribute
{
    public SharedCorporaFactAttribute(params string[] corpora)
    {
        var missing = corpora.Where(corpus => SharedCorpora.Find(corpus) is null).ToArray();
        if (missing.Length > 0)
            Skip = $"Needs the shared {(missing.Length == 1 ? "corpus" : "corpora")} {string.Join(", ", missing.Select(c => $"'{c}'"))} (../shared/corpora beside the repository), which {(missing.Length == 1 ? "is" : "are")} not present; they are third-party text and are not shipped.";
    }
}
