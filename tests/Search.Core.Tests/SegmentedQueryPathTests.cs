using Search.Core.Tests.Discovery;

namespace Search.Core.Tests;

/// <summary>
/// The query path's per-segment shortcuts (the id tie-break compares ordinals within a segment,
/// folding counts a cluster's members per segment) must answer as one segment would.
/// </summary>
public sealed class SegmentedQueryPathTests
{
    private static Article Tied(string id) => Articles.Make(id, "Tariffs", "Tariffs rose again.", 2020);

    [Fact]
    public void Equal_scores_in_different_segments_are_ordered_by_id()
    {
        using var index = TestIndex.InTwoSegments([Tied("c"), Tied("a"), Tied("e"), Tied("b"), Tied("d")], firstSegment: 3);

        var hits = index.Search("tariffs", r => r with { Collapse = false }).Hits;

        Assert.Equal(["a", "b", "c", "d", "e"], hits.Select(h => h.Id));
    }

    [Fact]
    public void A_cursor_through_equal_scores_in_different_segments_visits_each_hit_once_in_id_order()
    {
        using var index = TestIndex.InTwoSegments([Tied("c"), Tied("a"), Tied("e"), Tied("b"), Tied("d")], firstSegment: 3);
        var pages = new List<string[]>();
        string? cursor = null;
        do
        {
            var page = index.Search("tariffs", r => r with { Size = 2, Collapse = false, Cursor = cursor });
            pages.Add(page.Hits.Select(h => h.Id).ToArray());
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal([["a", "b"], ["c", "d"], ["e"]], pages);
    }

    [Fact]
    public void Copies_of_a_story_each_in_its_own_segment_are_listed_as_its_duplicates()
    {
        var copies = NearDuplicatePairs.Articles.Where(a => a.Id.StartsWith("sanctions/wire-", StringComparison.Ordinal)).ToArray();
        // The fixture's three copies: one kept, two listed.
        Assert.Equal(3, copies.Length);
        using var index = new TestIndex(NearDuplicatePairs.Articles.Except(copies));
        foreach (var copy in copies)
        {
            using var writer = index.Index.OpenWriter();
            writer.Upsert(copy);
            writer.Commit("tests");
        }

        var folded = index.Search("Treasury sanctions Lashkar-e-Taiba");

        Assert.Single(folded.Hits, h => h.Id.StartsWith("sanctions/wire-", StringComparison.Ordinal));
        Assert.Equal(2, folded.Hits[0].Duplicates!.Count);
        Assert.Equal(copies.Select(c => c.Id).Where(id => id != folded.Hits[0].Id).Order(StringComparer.Ordinal), folded.Hits[0].Duplicates!.Ids.Order(StringComparer.Ordinal));
    }
}
