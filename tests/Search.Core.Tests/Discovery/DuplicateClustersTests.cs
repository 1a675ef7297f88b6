using Search.Core.Duplicates;

namespace Search.Core.Tests.Discovery;

public sealed class DuplicateClustersTests
{
    // Forty words no other story uses, so stories share no shingle and only copies can meet.
    private static string Story(int n) => string.Join(' ', Enumerable.Range(0, 40).Select(w => $"s{n}w{w}"));

    // The story with its last two words changed, as a site re-editing wire copy might.
    private static string Copy(int n) => string.Join(' ', Enumerable.Range(0, 40).Select(w => w < 38 ? $"s{n}w{w}" : $"edit{w}"));

    [Fact]
    public void Thousands_of_stories_get_clusters_of_their_own_and_their_copies_join_them()
    {
        var clusters = new DuplicateClusters();
        for (var n = 0; n < 5000; n++)
            Assert.Equal($"story-{n}", clusters.Assign($"story-{n}", BodyFingerprint.Of(Story(n))));
        for (var n = 0; n < 5000; n += 7)
            Assert.Equal($"story-{n}", clusters.Assign($"copy-{n}", BodyFingerprint.Of(Copy(n))));
    }

    [Fact]
    public void Copies_of_removed_stories_start_their_own_clusters_and_the_others_still_join()
    {
        var clusters = new DuplicateClusters();
        for (var n = 0; n < 3000; n++)
            clusters.Assign($"story-{n}", BodyFingerprint.Of(Story(n)));
        for (var n = 0; n < 3000; n += 2)
            clusters.Remove($"story-{n}");
        for (var n = 0; n < 3000; n += 5)
            Assert.Equal(n % 2 == 0 ? $"copy-{n}" : $"story-{n}", clusters.Assign($"copy-{n}", BodyFingerprint.Of(Copy(n))));
    }

    [Fact]
    public void A_cluster_keeps_its_name_while_it_has_articles_and_its_first_article_leaving_takes_a_new_one()
    {
        var clusters = new DuplicateClusters();
        Assert.Equal("a", clusters.Assign("a", BodyFingerprint.Of(Story(1))));
        Assert.Equal("a", clusters.Assign("b", BodyFingerprint.Of(Copy(1))));
        // "a" is rewritten as another story: its old cluster keeps the name, so the new one cannot have it.
        Assert.Equal("a#2", clusters.Assign("a", BodyFingerprint.Of(Story(2))));
        Assert.Equal("a", clusters.Assign("c", BodyFingerprint.Of(Story(1))));
        clusters.Remove("b");
        clusters.Remove("c");
        Assert.Equal("d", clusters.Assign("d", BodyFingerprint.Of(Copy(1))));
        Assert.Equal("a#2", clusters.Assign("e", BodyFingerprint.Of(Copy(2))));
        Assert.Equal("f", clusters.Assign("f", null));
    }
}
