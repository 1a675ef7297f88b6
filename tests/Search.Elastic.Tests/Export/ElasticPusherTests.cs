using System.Text.Json.Nodes;
using Search.Core;
using Search.Elastic.Export;
using Search.Elastic.Mapping;

namespace Search.Elastic.Tests.Export;

public sealed class ElasticPusherTests
{
    private const string Acknowledged = """{"acknowledged":true,"shards_acknowledged":true,"index":"news"}""";

    private static ElasticPusher Pusher(FakeEngine engine) =>
        new(ElasticPusher.CreateClient(engine.Url), new BulkRetryPolicy(MaxAttempts: 3), (_, _) => Task.CompletedTask);

    private static string[] WriteBulk(TempFolder folder, string content)
    {
        var file = folder.Combine("bulk-0001.ndjson");
        File.WriteAllText(file, content);
        return [file];
    }

    private const string ThreeDocuments =
        "{\"index\":{\"_index\":\"news\",\"_id\":\"a\"}}\n{\"title\":\"A\"}\n"
        + "{\"index\":{\"_index\":\"news\",\"_id\":\"b\"}}\n{\"title\":\"B\",\"year\":\"soon\"}\n"
        + "{\"index\":{\"_index\":\"news\",\"_id\":\"c\"}}\n{\"title\":\"C\"}\n";

    private static string Created(string id) =>
        "{\"index\":{\"_index\":\"news\",\"_id\":\"" + id + "\",\"_version\":1,\"result\":\"created\",\"_shards\":{\"total\":2,\"successful\":1,\"failed\":0},\"_seq_no\":0,\"_primary_term\":1,\"status\":201}}";

    [Fact]
    public async Task PushAsync_CreatesBothIndexesWithTheDefinitionsThenSendsTheFileAsItIs()
    {
        using var folder = new TempFolder();
        using var engine = new FakeEngine()
            .Answer(200, Acknowledged)
            .Answer(200, Acknowledged.Replace("\"news\"", "\"news-statements\"", StringComparison.Ordinal))
            .Answer(200, $$"""{"took":12,"errors":false,"items":[{{Created("a")}},{{Created("b")}},{{Created("c")}}]}""");
        var files = WriteBulk(folder, ThreeDocuments);

        var result = await Pusher(engine).PushAsync("news", FacetSchema.Default, GroupAliasTable.Default, files);

        Assert.Equal(new PushResult(3, 0, []), result with { Examples = [] });
        Assert.Empty(result.Examples);
        var received = engine.Received;
        Assert.Equal(["PUT /news", "PUT /news-statements", "POST /_bulk"], received.Select(r => $"{r.Method} {r.Path}"));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse(DefinitionJson.Serialize(IndexDefinition.Articles("news", FacetSchema.Default, GroupAliasTable.Default))),
            JsonNode.Parse(received[0].Body)));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse(DefinitionJson.Serialize(IndexDefinition.Statements("news", GroupAliasTable.Default))),
            JsonNode.Parse(received[1].Body)));
        Assert.Equal(ThreeDocuments, received[2].Body);
        Assert.Equal("application/x-ndjson", received[2].ContentType);
    }

    [Fact]
    public async Task SendAsync_ReportsRefusedItemsAndSendsThoseRefusedAsBusyAgain()
    {
        using var folder = new TempFolder();
        using var engine = new FakeEngine()
            .Answer(200, $$$$"""
                {"took":30,"errors":true,"items":[
                  {{{{Created("a")}}}},
                  {"index":{"_index":"news","_id":"b","status":400,"error":{"type":"document_parsing_exception","reason":"[1:25] failed to parse field [year] of type [integer]"}}},
                  {"index":{"_index":"news","_id":"c","status":429,"error":{"type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation"}}}
                ]}
                """)
            .Answer(200, $$"""{"took":3,"errors":false,"items":[{{Created("c")}}]}""");

        var result = await Pusher(engine).SendAsync(WriteBulk(folder, ThreeDocuments));

        Assert.Equal(2, result.Indexed);
        Assert.Equal(1, result.Rejected);
        Assert.Equal([new RejectedDocument("news", "b", 400, "document_parsing_exception: [1:25] failed to parse field [year] of type [integer]")], result.Examples);
        Assert.Equal("{\"index\":{\"_index\":\"news\",\"_id\":\"c\"}}\n{\"title\":\"C\"}\n", engine.Received[1].Body);
    }

    [Fact]
    public async Task SendAsync_WhenTheEngineIsUnavailable_TriesAgain()
    {
        using var folder = new TempFolder();
        using var engine = new FakeEngine()
            .Answer(503, """{"error":{"type":"cluster_block_exception","reason":"blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];"},"status":503}""")
            .Answer(200, $$"""{"took":12,"errors":false,"items":[{{Created("a")}},{{Created("b")}},{{Created("c")}}]}""");

        var result = await Pusher(engine).SendAsync(WriteBulk(folder, ThreeDocuments));

        Assert.Equal(3, result.Indexed);
        Assert.Equal(2, engine.Received.Count);
    }

    [Fact]
    public async Task SendAsync_WhenTheEngineStaysBusy_SaysSoAfterTheLastTry()
    {
        using var folder = new TempFolder();
        using var engine = new FakeEngine();
        for (var i = 0; i < 3; i++)
            engine.Answer(429, """{"error":{"type":"es_rejected_execution_exception","reason":"rejected execution"},"status":429}""");

        var error = await Assert.ThrowsAsync<SearchException>(() => Pusher(engine).SendAsync(WriteBulk(folder, ThreeDocuments)));

        Assert.Equal("The engine answered 429 to a bulk request 3 times: es_rejected_execution_exception: rejected execution.", error.Message);
    }

    [Fact]
    public async Task CreateIndexAsync_WhenTheIndexExists_SaysSo()
    {
        using var engine = new FakeEngine().Answer(400, """
            {"error":{"root_cause":[{"type":"resource_already_exists_exception","reason":"index [news/Qx2] already exists","index_uuid":"Qx2","index":"news"}],
            "type":"resource_already_exists_exception","reason":"index [news/Qx2] already exists","index_uuid":"Qx2","index":"news"},"status":400}
            """);

        var error = await Assert.ThrowsAsync<SearchException>(() => Pusher(engine).CreateIndexAsync(IndexDefinition.Articles("news", FacetSchema.Default, GroupAliasTable.Default)));

        Assert.Equal($"The index 'news' already exists on {engine.Url.GetLeftPart(UriPartial.Authority)}; delete it or choose another --name.", error.Message);
    }

    [Fact]
    public async Task CreateIndexAsync_WhenNothingListens_SaysTheEngineCannotBeReached()
    {
        var url = new Uri($"http://127.0.0.1:{FakeEngine.FreePort()}/");
        var pusher = new ElasticPusher(ElasticPusher.CreateClient(url));

        var error = await Assert.ThrowsAsync<SearchException>(() => pusher.CreateIndexAsync(IndexDefinition.Articles("news", FacetSchema.Default, GroupAliasTable.Default)));

        Assert.StartsWith($"Cannot reach the engine at {url.GetLeftPart(UriPartial.Authority)} (", error.Message);
        Assert.EndsWith("). Check the URL and that the cluster is running.", error.Message);
    }

    [Fact]
    public async Task CreateIndexAsync_WhenTheServerIsNotElasticsearch_SaysToSendTheFilesAnotherWay()
    {
        using var engine = new FakeEngine(saysElasticsearch: false).Answer(200, Acknowledged);

        var error = await Assert.ThrowsAsync<SearchException>(() => Pusher(engine).CreateIndexAsync(IndexDefinition.Articles("news", FacetSchema.Default, GroupAliasTable.Default)));

        Assert.Equal($"The server at {engine.Url.GetLeftPart(UriPartial.Authority)} does not say it is Elasticsearch, and the official client sends only to Elasticsearch. For OpenSearch, send the exported files with curl (see the README's Scale-out section).", error.Message);
    }
}
