using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Search.Core.Tests.Analysis;

public sealed class SearchExporterTests : IDisposable
{
    private readonly TestIndex _index = new(
    [
        new Article
        {
            Id = "a1",
            Title = "=HYPERLINK(\"http://evil.example\",\"click\")",
            Body = "Sanctions on the group were announced. Nothing else happened.",
            Url = "https://example.org/a1",
            Published = new DateTimeOffset(2019, 3, 4, 10, 0, 0, TimeSpan.Zero),
            Facets = Facets.Of(2019, ["Lashkar-e-Taiba"], ["Ned Price", "Ann Lee"]),
        },
        new Article
        {
            Id = "a2",
            Title = "Talks, \"quoted\" and\nsplit",
            Body = "Talks were held. Sanctions were discussed at length.",
            Published = new DateTimeOffset(2020, 1, 2, 0, 0, 0, TimeSpan.Zero),
            Facets = Facets.Of(2020, ["Taliban"]),
        },
        Articles.Make("a3", "Unrelated", "Weather report.", 2021),
    ]);

    public void Dispose() => _index.Dispose();

    private string Export(string query, ExportFormat format)
    {
        using var output = new MemoryStream();
        var rows = SearchExporter.Prepare(_index.Index, new SearchRequest { Query = query, Sort = SortOrder.Oldest }, format).WriteToAsync(output).GetAwaiter().GetResult();
        Assert.Equal(query.Length == 0 ? 3 : 2, rows);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public void Csv_FormulaLikeTitle_IsWrittenAsText()
    {
        var text = Export("sanctions", ExportFormat.Csv);

        Assert.StartsWith("\uFEFFid,title,published,group,speaker,year,month,url,score,passage\r\n", text, StringComparison.Ordinal);
        using var reader = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.Parser.Count).Select(i => reader.GetField(i)!).ToArray());
        Assert.Equal(3, rows.Count);
        Assert.Equal(
            ["a1", "'=HYPERLINK(\"http://evil.example\",\"click\")", "2019-03-04T10:00:00+00:00", "Lashkar-e-Taiba", "Ned Price; Ann Lee", "2019", "2019-03", "https://example.org/a1"],
            rows[1][..8]);
        Assert.Equal("Sanctions on the group were announced. Nothing else happened.", rows[1][9]);
        Assert.Equal(["a2", "Talks, \"quoted\" and\nsplit", "2020-01-02T00:00:00+00:00", "Taliban", "", "2020", "2020-01", ""], rows[2][..8]);
        Assert.Equal("… Sanctions were discussed at length.", rows[2][9]);
    }

    [Fact]
    public void JsonLines_EveryMatch_OneObjectPerLineInSearchOrder()
    {
        var lines = Export("", ExportFormat.JsonLines).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["a1", "a2", "a3"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("2019-03", first.GetProperty("month")[0].GetString());
        Assert.Equal(["Ned Price", "Ann Lee"], first.GetProperty("speaker").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(lines[2]).RootElement.GetProperty("published").ValueKind);
    }

    [Fact]
    public void Matches_OutOfBoundsRequest_ThrowsBeforeEnumerating()
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Index.Matches(new SearchRequest { Filters = Facets.Filter("nope", "x") }));
        Assert.Contains("Unknown facet 'nope'", error.Message, StringComparison.Ordinal);
    }
}
