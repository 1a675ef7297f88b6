using System.Buffers;
using System.Text;
using Search.Core;
using Search.Elastic.Export;

namespace Search.Elastic.Tests.Export;

public sealed class BulkDocumentsTests
{
    [Fact]
    public void WriteArticle_WritesActionLineThenSourceLine()
    {
        var output = new ArrayBufferWriter<byte>();
        var article = TestArticles.Designation with { Cluster = "trf-2023", ContentHash = "abc", Facets = new Dictionary<string, IReadOnlyList<string>>(TestArticles.Designation.Facets) { ["month"] = ["2023-07"] } };

        BulkDocuments.WriteArticle(output, "news", article, FacetSchema.Default);

        Assert.Equal(
            """
            {"index":{"_index":"news","_id":"trf-2023"}}
            {"title":"State Department names TRF a front of LeT","body":"Matthew Miller said: \"The Resistance Front is Lashkar-e-Taiba under another name.\"","url":"https://example.org/trf","source":"samples/trf.txt","published":"2023-07-17T09:30:00+00:00","cluster":"trf-2023","content_hash":"abc","group":["Lashkar-e-Taiba","The Resistance Front"],"speaker":["Matthew Miller"],"year":2023,"month":"2023-07"}

            """.ReplaceLineEndings("\n"),
            Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void WriteArticle_LeavesOutWhatTheArticleDoesNotHave()
    {
        var output = new ArrayBufferWriter<byte>();

        BulkDocuments.WriteArticle(output, "news", TestArticles.Undated, FacetSchema.Default);

        Assert.Equal(
            "{\"index\":{\"_index\":\"news\",\"_id\":\"note\"}}\n{\"title\":\"A note without a date\",\"body\":\"Nobody is quoted here.\"}\n",
            Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void WriteStatement_IdIsArticleIdAndPosition()
    {
        var output = new ArrayBufferWriter<byte>();
        var statement = new ArticleStatement("trf-2023", "TRF named", "https://example.org/trf", 2023, ["Lashkar-e-Taiba"],
            new Statement("Matthew Miller", "TRF is LeT.", "Miller said TRF is LeT.", 2));

        BulkDocuments.WriteStatement(output, "news-statements", statement);

        Assert.Equal(
            "{\"index\":{\"_index\":\"news-statements\",\"_id\":\"trf-2023#2\"}}\n"
            + "{\"speaker\":\"Matthew Miller\",\"words\":\"TRF is LeT.\",\"sentence\":\"Miller said TRF is LeT.\",\"article_id\":\"trf-2023\",\"title\":\"TRF named\",\"year\":2023,\"group\":[\"Lashkar-e-Taiba\"],\"url\":\"https://example.org/trf\",\"position\":2}\n",
            Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Theory]
    [InlineData(2019, 3, 1, 0, 0, 0, 0, "2019-03-01T00:00:00+00:00")]
    [InlineData(2019, 3, 1, 8, 5, 7, 250, "2019-03-01T08:05:07.25+05:00")]
    public void Date_WritesIsoWithOffsetAndOnlyAFractionThatIsThere(int y, int m, int d, int h, int min, int s, int ms, string expected) =>
        Assert.Equal(expected, BulkDocuments.Date(new DateTimeOffset(y, m, d, h, min, s, ms, expected.EndsWith("+05:00", StringComparison.Ordinal) ? TimeSpan.FromHours(5) : TimeSpan.Zero)));
}
