using Search.Core.Highlighting;

namespace Search.Core.Tests;

public sealed class PassageWindowTests
{
    private const string Words = "one two three four five six seven eight nine ten";

    // The window starts up to a quarter of its length before the first match, backed up to a word
    // start, and ends at the last word boundary that fits.
    [Theory]
    [InlineData(Words, 0, 48, 20, 24, 3, "five six seven eight")]
    [InlineData(Words, 0, 48, 20, -1, 0, "one two three four")]
    [InlineData(Words, 0, 48, 40, 40, 4, "seven eight nine ten")]
    [InlineData(Words, 14, 34, 20, 14, 4, "four five six seven")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789abcdefghij", 0, 46, 20, 30, 3, "z0123456789abcdefghi")]
    public void Window_CutsAroundTheFirstMatchOnWordBoundaries(string body, int passageStart, int passageLength, int maxLength, int matchStart, int matchLength, string expected)
    {
        TextRange[] matches = matchStart < 0 ? [] : [new TextRange(matchStart, matchLength)];
        var window = Highlighter.Window(body, new TextRange(passageStart, passageLength), maxLength, matches);
        Assert.Equal(expected, body.Substring(window.Start, window.Length));
    }
}
