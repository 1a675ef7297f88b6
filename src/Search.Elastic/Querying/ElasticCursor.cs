using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Search.Core;

namespace Search.Elastic.Querying;

/// <summary>
/// A <c>search_after</c> position: the sort values of the last hit of a page as the cluster gave them,
/// with the sort they belong to, in the same opaque form as the local index's cursor.
/// </summary>
internal static partial class ElasticCursor
{
    private sealed record Payload(string Sort, JsonElement[] After);

    // Generated, not reflected: a natively compiled `search` cannot make serialization code at run time.
    [JsonSerializable(typeof(Payload))]
    private sealed partial class PayloadJsonContext : JsonSerializerContext;

    public static string Encode(SortOrder sort, JsonElement sortValues) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Payload(sort.ToString(), sortValues.EnumerateArray().Select(v => v.Clone()).ToArray()), PayloadJsonContext.Default.Payload));

    /// <exception cref="InvalidSearchRequestException">The cursor is not one this backend made, or was made for another sort.</exception>
    public static IReadOnlyList<JsonElement> Decode(string cursor, SortOrder sort)
    {
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(cursor), PayloadJsonContext.Default.Payload);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            payload = null;
        }
        if (payload?.After is not { Length: > 0 } || payload.Sort is null)
            throw new InvalidSearchRequestException(nameof(SearchRequest.Cursor), "The cursor is not valid; pass the next_cursor of a previous response unchanged.");
        if (payload.Sort != sort.ToString())
            throw new InvalidSearchRequestException(nameof(SearchRequest.Cursor), $"The cursor was made for sorting by {payload.Sort.ToLowerInvariant()}, not {sort.ToString().ToLowerInvariant()}; keep the sort when paging with a cursor.");
        return payload.After;
    }
}
