using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Querying;

/// <summary>
/// A search-after position: the sort values of the last hit of a page (score or date, then id).
/// It holds values rather than document numbers, so it stays valid when the index changes.
/// </summary>
internal static class SearchCursor
{
    internal sealed record Payload(string Sort, float? Score, long? Date, string Id);

    public static string Encode(SortOrder sort, FieldDoc last)
    {
        var payload = new Payload(
            sort.ToString(),
            last.Fields[0] is J2N.Numerics.Single s ? s.ToSingle() : null,
            last.Fields[0] is J2N.Numerics.Int64 l ? l.ToInt64() : null,
            ((BytesRef)last.Fields[1]).Utf8ToString());
        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, CoreJson.Cursor.Payload));
    }

    /// <exception cref="InvalidSearchRequestException">The cursor is not one this library made for the same sort.</exception>
    public static FieldDoc Decode(string cursor, SortOrder sort)
    {
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(cursor), CoreJson.Cursor.Payload);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            payload = null;
        }
        if (payload is null || payload.Id is null)
            throw new InvalidSearchRequestException(nameof(SearchRequest.Cursor), "The cursor is not valid; pass the next_cursor of a previous response unchanged.");
        if (payload.Sort != sort.ToString())
            throw new InvalidSearchRequestException(nameof(SearchRequest.Cursor), $"The cursor was made for sorting by {payload.Sort.ToLowerInvariant()}, not {sort.ToString().ToLowerInvariant()}; keep the sort when paging with a cursor.");
        object first = sort == SortOrder.Relevance
            ? J2N.Numerics.Single.GetInstance(payload.Score ?? throw Invalid())
            : J2N.Numerics.Int64.GetInstance(payload.Date ?? throw Invalid());
        return new FieldDoc(int.MaxValue, float.NaN, [first, new BytesRef(payload.Id)]);
    }

    private static InvalidSearchRequestException Invalid() =>
        new(nameof(SearchRequest.Cursor), "The cursor is not valid; pass the next_cursor of a previous response unchanged.");
}
