using Lucene.Net.Store;

namespace Search.Core.Tests;

public sealed class UntrackedMMapDirectoryTests
{
    [Fact]
    public void ClonesField_InThisLuceneNetVersion_IsTheTableTheInputsRegisterTheirClonesIn()
    {
        // Should a Lucene.Net upgrade rename the field, clones would be tracked again and every
        // collection of the host would slow down; this test is the reminder to look.
        Assert.NotNull(UntrackedMMapDirectory.ClonesField);
    }

    [Fact]
    public void OpenInput_WhenCloned_ReadsTheSameBytesWithoutRegisteringTheClone()
    {
        using var test = new TestIndex([Articles.Make("a", "First", "alpha beta gamma")]);
        using var directory = new UntrackedMMapDirectory(test.Path);
        var file = directory.ListAll().First(name => name.EndsWith(".tim", StringComparison.Ordinal));
        using var input = directory.OpenInput(file, IOContext.DEFAULT);

        var clone = (IndexInput)input.Clone();
        clone.Seek(4);
        var expected = new byte[8];
        input.Seek(4);
        input.ReadBytes(expected, 0, expected.Length);
        var actual = new byte[8];
        clone.ReadBytes(actual, 0, actual.Length);

        Assert.Null(UntrackedMMapDirectory.ClonesField!.GetValue(input));
        Assert.Equal(expected, actual);
    }
}
