using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Search.Core;
using Search.Elastic.Export;

namespace Search.Elastic.Tests.Export;

/// <summary>
/// Our bulk lines against the body the official client itself sends for the same documents, built
/// with its typed bulk API and captured by the local engine: the shape is the client's.
/// </summary>
public sealed class BulkRequestShapeTests
{
    [Fact]
    public void BulkLines_MeanWhatTheClientsTypedBulkRequestSends()
    {
        var ours = new ArrayBufferWriter<byte>();
        BulkDocuments.WriteArticle(ours, "news", TestArticles.Designation, FacetSchema.Default);
        var lines = Encoding.UTF8.GetString(ours.WrittenSpan).Split('\n');
        var source = JsonNode.Parse(lines[1])!.AsObject();

        using var engine = new FakeEngine().Answer(200, "{\"took\":1,\"errors\":false,\"items\":[]}");
        var client = ElasticPusher.CreateClient(engine.Url);
        client.Bulk(new BulkRequest
        {
            Operations = [new BulkIndexOperation<JsonObject>(source, "news") { Id = TestArticles.Designation.Id }],
        });
        var sent = engine.Received.Single().Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, sent.Length);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(sent[0]), JsonNode.Parse(lines[0])), $"client: {sent[0]}\nours: {lines[0]}");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(sent[1]), JsonNode.Parse(lines[1])), $"client: {sent[1]}\nours: {lines[1]}");
        Assert.Equal("", lines[2]);
    }
}
