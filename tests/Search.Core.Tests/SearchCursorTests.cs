using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Querying;

namespace Search.Core.Tests;

public sealed class SearchCursorTests
{
    [Fact]
    public void Decode_OfEncodedRelevanceCursor_GivesTheScoreAndId()
    {
        var cursor = SearchCursor.Encode(SortOrder.Relevance, new FieldDoc(7, 1.5f, [J2N.Numerics.Single.GetInstance(1.5f), new BytesRef("let-2022")]));
        var after = SearchCursor.Decode(cursor, SortOrder.Relevance);
        Assert.Equal(1.5f, ((J2N.Numerics.Single)after.Fields[0]).ToSingle());
        Assert.Equal("let-2022", ((BytesRef)after.Fields[1]).Utf8ToString());
    }

    [Theory]
    [InlineData(SortOrder.Newest)]
    [InlineData(SortOrder.Oldest)]
    public void Decode_OfEncodedDateCursor_GivesTheDateAndId(SortOrder sort)
    {
        var cursor = SearchCursor.Encode(sort, new FieldDoc(3, float.NaN, [J2N.Numerics.Int64.GetInstance(638_000_000_000_000_000L), new BytesRef("a")]));
        var after = SearchCursor.Decode(cursor, sort);
        Assert.Equal(638_000_000_000_000_000L, ((J2N.Numerics.Int64)after.Fields[0]).ToInt64());
        Assert.Equal("a", ((BytesRef)after.Fields[1]).Utf8ToString());
    }

    [Theory]
    [InlineData("not-a-cursor", SortOrder.Relevance, "The cursor is not valid; pass the next_cursor of a previous response unchanged.")]
    [InlineData("eyJ4IjoxfQ", SortOrder.Relevance, "The cursor is not valid; pass the next_cursor of a previous response unchanged.")]
    [InlineData("", SortOrder.Newest, "The cursor is not valid; pass the next_cursor of a previous response unchanged.")]
    public void Decode_OfForeignText_ThrowsNamingTheCursor(string cursor, SortOrder sort, string message)
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => SearchCursor.Decode(cursor, sort));
        Assert.Equal(nameof(SearchRequest.Cursor), error.Parameter);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Decode_WithAnotherSort_SaysToKeepTheSort()
    {
        var cursor = SearchCursor.Encode(SortOrder.Oldest, new FieldDoc(3, float.NaN, [J2N.Numerics.Int64.GetInstance(5L), new BytesRef("a")]));
        var error = Assert.Throws<InvalidSearchRequestException>(() => SearchCursor.Decode(cursor, SortOrder.Relevance));
        Assert.Equal("The cursor was made for sorting by oldest, not relevance; keep the sort when paging with a cursor.", error.Message);
    }
}
