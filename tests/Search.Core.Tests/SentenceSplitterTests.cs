namespace Search.Core.Tests;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("One here. Two there.", new[] { "One here.", "Two there." })]
    [InlineData("Line one\nLine two", new[] { "Line one", "Line two" })]
    [InlineData("Nathan A. Sales spoke. Adm. Mullen agreed.", new[] { "Nathan A. Sales spoke.", "Adm. Mullen agreed." })]
    [InlineData("Spokesman P.J. Crowley said so. It held.", new[] { "Spokesman P.J. Crowley said so.", "It held." })]
    [InlineData("The U.S. State Department said so. It was clear.", new[] { "The U.S. State Department said so.", "It was clear." })]
    [InlineData("He said, \"We act. They wait.\" Then he left.", new[] { "He said, \"We act. They wait.\"", "Then he left." })]
    [InlineData("Costs rose 3.5 percent. Prices fell.", new[] { "Costs rose 3.5 percent.", "Prices fell." })]
    [InlineData("Is it done? Yes! It is.", new[] { "Is it done?", "Yes!", "It is." })]
    [InlineData("lower case after a dot. stays together", new[] { "lower case after a dot. stays together" })]
    [InlineData("  \n\n  ", new string[0])]
    public void Split_FindsSentenceBoundaries(string text, string[] expected)
    {
        Assert.Equal(expected, SentenceSplitter.Split(text).Select(r => text.Substring(r.Start, r.Length)));
    }

    [Fact]
    public void MaskQuotes_HidesQuotedWordsAndKeepsLength()
    {
        var masked = SentenceSplitter.MaskQuotes("Lu said \u201Cwe act\u201D today.");
        Assert.Equal("Lu said \u201C\uE000\uE000\uE000\uE000\uE000\uE000\u201D today.", masked);
    }
}
