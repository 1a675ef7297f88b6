using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Host.Tests.Infrastructure;

/// <summary>Reads responses as raw JSON, so tests see the exact field names clients see.</summary>
internal static class Json
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static string[] Ids(this JsonElement search) =>
        search.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToArray();

    public static JsonElement Facet(this JsonElement search, string name) =>
        search.GetProperty("facets").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);

    public static int Count(this JsonElement facet, string value) =>
        facet.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("value").GetString() == value).GetProperty("count").GetInt32();

    public static JsonContent Body(object value) => JsonContent.Create(value);
}
