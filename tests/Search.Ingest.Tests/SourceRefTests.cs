namespace Search.Ingest.Tests;

public sealed class SourceRefTests
{
    [Theory]
    [InlineData("/in/a.txt", "/in/a.txt", null)]
    [InlineData("/in/feed.jsonl#12", "/in/feed.jsonl", 12)]
    [InlineData("/in/odd#name.txt", "/in/odd#name.txt", null)]
    [InlineData("/in/trailing#", "/in/trailing#", null)]
    [InlineData("#3", "#3", null)]
    [InlineData("api", "api", null)]
    public void Parse_ReadsBackWhatToStringWrote(string stored, string file, int? record)
    {
        var source = SourceRef.Parse(stored);

        Assert.Equal(new SourceRef(file, record), source);
        Assert.Equal(stored, source.ToString());
    }
}
