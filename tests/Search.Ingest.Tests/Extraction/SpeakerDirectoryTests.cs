using Search.Core;
using Search.Ingest.Extraction;

namespace Search.Ingest.Tests.Extraction;

public sealed class SpeakerDirectoryTests
{
    [Fact]
    public void BareSurname_WithOneKnownPerson_BecomesTheFullName()
    {
        var directory = new SpeakerDirectory();
        directory.Learn(["Harold Whitcombe", "Ana Ruiz"]);
        directory.Learn(["Whitcombe"]);

        Assert.Equal(["Harold Whitcombe", "Ana Ruiz"], directory.Resolve(["Whitcombe", "Ana Ruiz", "Harold Whitcombe"]));
    }

    [Fact]
    public void BareSurname_SharedByTwoPeople_StaysAsItIs()
    {
        var directory = new SpeakerDirectory();
        directory.Learn(["Harold Whitcombe"]);
        directory.Learn(["Janet Whitcombe"]);

        Assert.Equal("Whitcombe", directory.Resolve("Whitcombe"));
    }

    [Fact]
    public void NicknameVariants_AreOnePerson_UnderTheCommonerSpelling()
    {
        var directory = new SpeakerDirectory();
        directory.Learn(["James Whitcombe"]);
        directory.Learn(["James Whitcombe"]);
        directory.Learn(["Jim Whitcombe"]);

        Assert.Equal("James Whitcombe", directory.Resolve("Whitcombe"));
    }

    [Fact]
    public void UnknownSurname_StaysAsItIs() =>
        Assert.Equal("Okafor", new SpeakerDirectory().Resolve("Okafor"));
    [Fact]
    public void ResolveArticle_JoinsTheBareSurname_AndTheEvidenceSaysWhy()
    {
        var directory = new SpeakerDirectory();
        var article = new Article
        {
            Id = "b",
            ContentHash = "hash-of-b",
            Facets = new Dictionary<string, IReadOnlyList<string>> { ["speaker"] = ["Whitcombe", "Ana Ruiz"] },
            Evidence = [new FacetEvidence("speaker", "Whitcombe", "President Whitcombe said the talks would go on.")],
        };
        directory.Learn(["Harold Whitcombe"]);
        directory.Learn(article);

        var resolved = directory.Resolve(article);

        Assert.Equal(["Harold Whitcombe", "Ana Ruiz"], resolved.Values("speaker"));
        Assert.Equal(
            [new FacetEvidence("speaker", "Harold Whitcombe", "President Whitcombe said the talks would go on. [\"Whitcombe\" is Harold Whitcombe: the one person of that surname the collection names in full]")],
            resolved.Evidence);
        Assert.Equal("hash-of-b", resolved.ContentHash);
    }

    [Fact]
    public void ResolveArticle_WithNothingToJoin_ReturnsTheSameArticle()
    {
        var article = new Article { Id = "a", Facets = new Dictionary<string, IReadOnlyList<string>> { ["speaker"] = ["Okafor"] } };

        Assert.Same(article, new SpeakerDirectory().Resolve(article));
    }
}
