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
}
