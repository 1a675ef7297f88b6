using Search.Benchmarks.Corpora;

namespace Search.Benchmarks.Tests;

/// <summary>
/// A fact that needs the shared corpora (<c>../shared/corpora/NAME</c> beside the repository). Without
/// them the test is skipped with a message saying what is missing, so a fresh clone still passes.
/// </summary>
public sealed class SharedCorporaFactAttribute : FactAttribute
{
    public SharedCorporaFactAttribute(string corpus)
    {
        if (SharedCorpora.Find(corpus) is null)
            Skip = $"Needs the shared corpus '{corpus}' (../shared/corpora/{corpus} beside the repository), which is not present.";
    }
}
