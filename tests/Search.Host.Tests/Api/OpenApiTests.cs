using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Api;

/// <summary>The served OpenAPI document is generated from the endpoints; these check it says what the host does.</summary>
public sealed class OpenApiTests : IDisposable
{
    private readonly SearchHostFactory _factory = new("test-key-0123456789");

    [Fact]
    public async Task OpenApi_ListsEveryApiRouteWithItsMethods()
    {
        var document = await _factory.CreateClient().GetJsonAsync("/openapi/v1.json");

        var mapped = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {Path(e.RoutePattern.RawText!)}"))
            .Order();
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .Order();
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.Equal(mapped, documented);
        Assert.Equal(
            ["DELETE /api/articles/{id}", "DELETE /api/saved/{name}", "GET /api/articles/{id}", "GET /api/articles/{id}/similar", "GET /api/duplicates", "GET /api/export", "GET /api/facets/{name}", "GET /api/pivot", "GET /api/quotes", "GET /api/saved", "GET /api/saved/{name}", "GET /api/search", "POST /api/articles", "POST /api/batch", "POST /api/snapshot", "PUT /api/saved/{name}"],
            documented);
    }

    [Fact]
    public async Task OpenApi_DocumentsEveryFacetAsASearchParameter()
    {
        var document = await _factory.CreateClient().GetJsonAsync("/openapi/v1.json");

        var parameters = document.GetProperty("paths").GetProperty("/api/search").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Equal(["q", "from", "to", "sort", "page", "size", "cursor", "fragments", "facet", "histogram", "histogram_from", "histogram_to", "explain", "collapse", "group", "speaker", "year", "month"], parameters);
    }

    [Theory]
    [InlineData("/api/search", "/api/search?q=LeT")]
    [InlineData("/api/search", "/api/search?q=LeT&histogram=month")]
    [InlineData("/api/pivot", "/api/pivot?rows=speaker&cols=group")]
    [InlineData("/api/facets/{name}", "/api/facets/speaker?prefix=m")]
    [InlineData("/api/articles/{id}", "/api/articles/fo-let-2019")]
    [InlineData("/api/articles/{id}/similar", "/api/articles/fo-let-2019/similar")]
    [InlineData("/api/search", "/api/search?q=Lashkar&explain=true")]
    public async Task OpenApi_ResponseSchema_HasTheFieldsTheEndpointReturns(string path, string url)
    {
        var client = _factory.CreateClient();
        var document = await client.GetJsonAsync("/openapi/v1.json");
        var actual = await client.GetJsonAsync(url);

        var schema = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses")
            .GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        AssertSameShape(document, schema, actual, url);
    }

    [Fact]
    public async Task OpenApi_Batch_DocumentsItsBodyAndBothAnswers()
    {
        var client = _factory.CreateClient();
        var document = await client.GetJsonAsync("/openapi/v1.json");
        using var response = await client.PostAsync("/api/batch", Json.Body(new { entries = new[] { "Lashkar-e-Taiba", "\"open" }, options = new { hits = 1, facets = new[] { "year" } } }));
        var actual = await response.ReadJsonAsync();

        var post = document.GetProperty("paths").GetProperty("/api/batch").GetProperty("post");
        var body = Resolve(document, post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.Equal(["entries", "filters", "options"], body.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        var answers = post.GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(answers.TryGetProperty("text/csv", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("413", out _));
        AssertSameShape(document, answers.GetProperty("application/json").GetProperty("schema"), actual, "/api/batch");
    }

    /// <summary>An object's documented properties are exactly its actual ones, and so on down every object and array element.</summary>
    private static void AssertSameShape(JsonElement document, JsonElement schema, JsonElement actual, string where)
    {
        var declared = schema;
        schema = Resolve(document, schema);
        switch (actual.ValueKind)
        {
            case JsonValueKind.Object when schema.TryGetProperty("properties", out var properties):
                Assert.Equal(properties.EnumerateObject().Select(p => p.Name).Order(), actual.EnumerateObject().Select(p => p.Name).Order());
                foreach (var property in actual.EnumerateObject())
                    AssertSameShape(document, properties.GetProperty(property.Name), property.Value, $"{where}.{property.Name}");
                break;
            case JsonValueKind.Object:
                // A map (facet name → values): every value has the shape of additionalProperties.
                var values = schema.GetProperty("additionalProperties");
                foreach (var property in actual.EnumerateObject())
                    AssertSameShape(document, values, property.Value, $"{where}.{property.Name}");
                break;
            case JsonValueKind.Array:
                Assert.True(Types(schema).Contains("array"), $"{where} is an array but documented as {schema}.");
                foreach (var item in actual.EnumerateArray())
                    AssertSameShape(document, schema.GetProperty("items"), item, $"{where}[]");
                break;
            case JsonValueKind.String:
                Assert.True(Types(schema).Contains("string"), $"{where} is a string but documented as {schema}.");
                break;
            case JsonValueKind.Number:
                Assert.True(Types(schema).Overlaps(["number", "integer"]), $"{where} is a number but documented as {schema}.");
                break;
            case JsonValueKind.True or JsonValueKind.False:
                Assert.True(Types(schema).Contains("boolean"), $"{where} is a boolean but documented as {schema}.");
                break;
            case JsonValueKind.Null:
                Assert.True(Types(declared).Contains("null") || Types(schema).Contains("null"), $"{where} is null but not documented as nullable: {schema}.");
                break;
        }
    }

    /// <summary>A reference is followed; a nullable reference (<c>oneOf</c> null and a reference) is its reference.</summary>
    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("oneOf", out var choices) && choices.EnumerateArray().FirstOrDefault(c => c.TryGetProperty("$ref", out _)) is { ValueKind: JsonValueKind.Object } referenced)
            schema = referenced;
        return schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
    }

    private static HashSet<string> Types(JsonElement schema) =>
        schema.TryGetProperty("oneOf", out var choices) ? choices.EnumerateArray().SelectMany(Types).ToHashSet()
        : !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet()
        : [type.GetString()!];

    /// <summary>Route patterns name catch-all parameters <c>{**id}</c>; OpenAPI writes them <c>{id}</c>.</summary>
    private static string Path(string pattern) => pattern.Replace("{**", "{", StringComparison.Ordinal).TrimEnd('/');

    public void Dispose() => _factory.Dispose();
}
