using System.Text.Encodings.Web;
using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Transport;
using Elastic.Transport.Extensions;

namespace Search.Elastic.Mapping;

/// <summary>Writes an index definition as the JSON body of a create-index request, through the official client's serializer.</summary>
public static class DefinitionJson
{
    // Serialising needs a client's settings, not a connection; nothing is ever sent through this one.
    private static readonly ElasticsearchClient Offline = new(new ElasticsearchClientSettings(new Uri("http://localhost:9200")));

    /// <summary>
    /// The request body, indented, with the client's escapes of characters such as '&gt;' undone so a
    /// person can read the synonym rules; the JSON means the same.
    /// </summary>
    public static string Serialize(CreateIndexRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var compact = Offline.RequestResponseSerializer.SerializeToString(request, SerializationFormatting.None);
        using var document = JsonDocument.Parse(compact);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            document.WriteTo(writer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n") + "\n";
    }
}
