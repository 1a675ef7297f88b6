namespace Search.Core.Tests;

public sealed class PagingTests : IClassFixture<PagingTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public TestIndex Index { get; } = new(Enumerable.Range(0, 25).Select(i => Articles.Make(
            $"doc{i:D2}", $"Report {i}", string.Join(' ', Enumerable.Repeat("sanctions", 1 + i % 5)) + " were discussed.", 2000 + i)));

        public void Dispose() => Index.Dispose();
    }

    private readonly TestIndex _index;

    public PagingTests(Fixture fixture) => _index = fixture.Index;

    [Fact]
    public void Sort_WhenNewestOrOldest_OrdersByDate()
    {
        Assert.Equal(["doc24", "doc23", "doc22"], _index.Search("sanctions", r => r with { Sort = SortOrder.Newest, Size = 3 }).Hits.Select(h => h.Id));
        Assert.Equal(["doc00", "doc01", "doc02"], _index.Search("sanctions", r => r with { Sort = SortOrder.Oldest, Size = 3 }).Hits.Select(h => h.Id));
    }

    [Fact]
    public void Sort_WhenRelevance_OrdersByScoreThenId()
    {
        var hits = _index.Search("sanctions", r => r with { Size = 100 }).Hits;
        Assert.Equal(hits.OrderByDescending(h => h.Score).ThenBy(h => h.Id, StringComparer.Ordinal).Select(h => h.Id), hits.Select(h => h.Id));
    }

    [Fact]
    public void Paging_WhenPagesAreJoined_GivesEveryHitOnce()
    {
        var all = _index.Search("sanctions", r => r with { Size = 100 }).Hits.Select(h => h.Id).ToArray();
        var paged = Enumerable.Range(1, 3).SelectMany(p => _index.Search("sanctions", r => r with { Page = p, Size = 10 }).Hits.Select(h => h.Id)).ToArray();
        Assert.Equal(all, paged);
        Assert.Equal(25, _index.Search("sanctions", r => r with { Page = 3, Size = 10 }).Total);
    }

    [Theory]
    [InlineData(SortOrder.Relevance)]
    [InlineData(SortOrder.Newest)]
    [InlineData(SortOrder.Oldest)]
    public void Cursor_WhenFollowed_GivesTheSameOrderAsOnePage(SortOrder sort)
    {
        var all = _index.Search("sanctions", r => r with { Size = 100, Sort = sort }).Hits.Select(h => h.Id).ToArray();
        var followed = new List<string>();
        string? cursor = null;
        do
        {
            var page = _index.Search("sanctions", r => r with { Size = 7, Sort = sort, Cursor = cursor });
            followed.AddRange(page.Hits.Select(h => h.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(all, followed);
    }

    [Fact]
    public void Cursor_WhenLastPageIsReached_IsNull()
    {
        Assert.Null(_index.Search("sanctions", r => r with { Size = 100 }).NextCursor);
        Assert.NotNull(_index.Search("sanctions", r => r with { Size = 10 }).NextCursor);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("eyJ4IjoxfQ")]
    public void Cursor_WhenGarbage_ThrowsAClearError(string cursor)
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search("sanctions", r => r with { Cursor = cursor }));
        Assert.Equal(nameof(SearchRequest.Cursor), error.Parameter);
        Assert.Contains("next_cursor", error.Message);
    }

    [Fact]
    public void Cursor_WhenSortChanges_ThrowsAClearError()
    {
        var cursor = _index.Search("sanctions", r => r with { Size = 5 }).NextCursor;
        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search("sanctions", r => r with { Cursor = cursor, Sort = SortOrder.Newest }));
        Assert.Contains("keep the sort", error.Message);
    }

    [Theory]
    [InlineData(101, 1, "Size", "The page size must be between 0 and 100; it was 101.")]
    [InlineData(-1, 1, "Size", "The page size must be between 0 and 100; it was -1.")]
    [InlineData(10, 0, "Page", "Pages are numbered from 1; it was 0.")]
    [InlineData(100, 101, "Page", "Page 101 of size 100 goes deeper than 10000 hits; page further with the cursor (next_cursor) instead.")]
    public void Paging_WhenOutOfBounds_ThrowsWithASentence(int size, int page, string parameter, string message)
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search("sanctions", r => r with { Size = size, Page = page }));
        Assert.Equal(parameter, error.Parameter);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Paging_WhenSizeIsZero_ReturnsOnlyCounts()
    {
        var response = _index.Search("sanctions", r => r with { Size = 0 });
        Assert.Empty(response.Hits);
        Assert.Equal(25, response.Total);
        Assert.Null(response.NextCursor);
    }

    [Fact]
    public void YearRange_WhenReversed_ThrowsWithASentence()
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search("", r => r with { Ranges = Facets.Years(2020, 2010) }));
        Assert.Equal("The year range starts after it ends (2020 to 2010).", error.Message);
    }
}
