using Xunit;
using Xunit.Abstractions;

namespace Search.Core.Tests.Discovery;

public sealed class NearDuplicateTests(ITestOutputHelper output)
{
    [Fact]
    public void Folding_on_the_labelled_pairs_has_precision_and_recall_above_the_bar()
    {
        using var index = new TestIndex(NearDuplicatePairs.Articles);
        var ids = NearDuplicatePairs.Articles.Select(a => a.Id).ToArray();
        var cluster = ids.ToDictionary(id => id, id => index.Index.GetArticle(id)!.Cluster);
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            for (var j = i + 1; j < ids.Length; j++)
            {
                var predicted = cluster[ids[i]] == cluster[ids[j]];
                var actual = NearDuplicatePairs.SameStory(ids[i], ids[j]);
                if (predicted && actual) truePositives++;
                else if (predicted) falsePositives++;
                else if (actual) falseNegatives++;
            }
        }
        var precision = truePositives / (double)Math.Max(1, truePositives + falsePositives);
        var recall = truePositives / (double)(truePositives + falseNegatives);
        output.WriteLine($"pairs {ids.Length * (ids.Length - 1) / 2}, same story {truePositives + falseNegatives}: precision {precision:0.000}, recall {recall:0.000} (tp {truePositives}, fp {falsePositives}, fn {falseNegatives})");
        Assert.True(precision >= 0.95, $"precision {precision:0.000}");
        Assert.True(recall >= 0.9, $"recall {recall:0.000}");
    }

    [Fact]
    public void A_search_folds_a_story_into_its_best_copy_and_lists_the_others()
    {
        using var index = new TestIndex(NearDuplicatePairs.Articles);
        var folded = index.Search("Treasury sanctions Lashkar-e-Taiba");
        var best = folded.Hits[0];
        Assert.StartsWith("sanctions/wire-", best.Id);
        Assert.Single(folded.Hits, h => h.Id.StartsWith("sanctions/wire-", StringComparison.Ordinal));
        Assert.Equal(2, best.Duplicates!.Count);
        Assert.Equal(2, best.Duplicates.Sites.Count);

        var all = index.Search("Treasury sanctions Lashkar-e-Taiba", r => r with { Collapse = false });
        Assert.Equal(3, all.Hits.Count(h => h.Id.StartsWith("sanctions/wire-", StringComparison.Ordinal)));
        Assert.All(all.Hits, h => Assert.Null(h.Duplicates));
    }

    [Fact]
    public void Clusters_list_each_story_with_its_sites()
    {
        using var index = new TestIndex(NearDuplicatePairs.Articles);
        var clusters = index.Index.GetDuplicateClusters();
        Assert.Equal(6, clusters.Count);
        var floods = Assert.Single(clusters, c => c.Ids.Contains("floods/wire-b"));
        Assert.Equal(["floods/wire-a", "floods/wire-b", "floods/wire-c"], floods.Ids);
        Assert.Equal(["site-a.example", "site-b.example", "site-c.example"], floods.Sites);
    }

    [Fact]
    public void A_deleted_first_copy_leaves_the_others_together_and_new_copies_join_them()
    {
        using var index = new TestIndex(NearDuplicatePairs.Articles);
        var before = index.Index.GetArticle("kabul/wire-b")!.Cluster;
        using (var writer = index.Index.OpenWriter())
        {
            writer.Delete("kabul/wire-a");
            writer.Upsert(NearDuplicatePairs.Articles.Single(a => a.Id == "kabul/wire-a") with { Id = "kabul/wire-e" });
            writer.Commit();
        }
        Assert.Equal(before, index.Index.GetArticle("kabul/wire-c")!.Cluster);
        Assert.Equal(before, index.Index.GetArticle("kabul/wire-e")!.Cluster);
    }

    [Fact]
    public void Articles_prepared_on_other_threads_are_written_as_articles_upserted_whole()
    {
        using var whole = new TestIndex(NearDuplicatePairs.Articles);
        using var prepared = new TestIndex([]);
        using (var writer = prepared.Index.OpenWriter())
        {
            // Titles and bodies analysed on other threads, as search index does beside extraction.
            var entries = NearDuplicatePairs.Articles.AsParallel().AsOrdered().Select(writer.Prepare).ToList();
            foreach (var entry in entries)
                writer.Upsert(entry);
            writer.Commit();
        }
        foreach (var article in NearDuplicatePairs.Articles)
            Assert.Equivalent(whole.Index.GetArticle(article.Id), prepared.Index.GetArticle(article.Id), strict: true);
        // The same postings: the same hits, scores (norms and frequencies) and highlighted passages (offsets).
        foreach (var query in new[] { "sanctions", "\"Kabul airport\"", "title:kabul", "LeT OR Taliban", "Lahor~1", "" })
        {
            var request = new SearchRequest { Query = query, Size = 50 };
            Assert.Equivalent(whole.Index.Search(request).Hits, prepared.Index.Search(request).Hits, strict: true);
        }
    }

    [Fact]
    public void An_article_prepared_by_a_writer_without_clusters_joins_its_cluster_in_one_with_them()
    {
        var copy = NearDuplicatePairs.Articles.Single(a => a.Id == "kabul/wire-b");
        using var index = new TestIndex(NearDuplicatePairs.Articles.Where(a => a.Id != "kabul/wire-b"));
        using var unclustered = new TestIndex([], new SearchIndexOptions { NearDuplicates = false });
        PreparedArticle prepared;
        using (var writer = unclustered.Index.OpenWriter())
            prepared = writer.Prepare(copy);
        using (var writer = index.Index.OpenWriter())
        {
            writer.Upsert(prepared);
            writer.Commit();
        }
        Assert.Equal(index.Index.GetArticle("kabul/wire-a")!.Cluster, index.Index.GetArticle("kabul/wire-b")!.Cluster);
    }

    [Fact]
    public void A_prepared_article_with_another_body_or_evidence_is_written_as_changed()
    {
        var copy = NearDuplicatePairs.Articles.Single(a => a.Id == "kabul/wire-b");
        using var index = new TestIndex(NearDuplicatePairs.Articles.Where(a => a.Id != "kabul/wire-b"));
        var unrelated = NearDuplicatePairs.Articles.Single(a => a.Id == "floods/wire-a");
        var evidence = new FacetEvidence(FacetNames.Speaker, "Jane Doe", "Jane Doe said so.");
        var changed = copy with { Body = unrelated.Body + " An extra line.", Evidence = [evidence] };
        using (var writer = index.Index.OpenWriter())
        {
            writer.Upsert(writer.Prepare(copy).With(changed));
            writer.Commit();
        }
        // The new body's words are indexed, not the prepared body's tokens.
        Assert.Equal(["kabul/wire-b"], index.Index.Search(new SearchRequest { Query = "extra" }).Hits.Select(h => h.Id));
        var stored = index.Index.GetArticle("kabul/wire-b")!;
        Assert.NotEqual(index.Index.GetArticle("kabul/wire-a")!.Cluster, stored.Cluster);
        Assert.Equal(index.Index.GetArticle(unrelated.Id)!.Cluster, stored.Cluster);
        Assert.Equal([evidence], stored.Evidence);
    }
}

public sealed class SimilarArticleTests
{
    [Fact]
    public void Similar_articles_put_the_same_event_first_and_leave_out_the_copies()
    {
        using var index = new TestIndex(NearDuplicatePairs.Articles);
        var similar = index.Index.Similar("haqqani/wire-a", new SearchRequest { Size = 5 })!;
        Assert.Equal("haqqani/separate", similar.Hits[0].Id);
        Assert.DoesNotContain(similar.Hits, h => h.Id.StartsWith("haqqani/wire", StringComparison.Ordinal));
        Assert.Null(index.Index.Similar("missing", new SearchRequest()));
    }
}

public sealed class SuggestionTests
{
    [Fact]
    public void A_misspelt_group_name_is_respelt_to_the_canonical_name()
    {
        using var index = new TestIndex(Articles.Sample);
        var response = index.Search("Lashkar-e-Tayba");
        Assert.Equal(new QuerySuggestion("Lashkar-e-Taiba", 3), response.Suggestion);
    }

    [Fact]
    public void A_query_that_matches_well_has_no_suggestion()
    {
        using var index = new TestIndex(Articles.Sample);
        Assert.Null(index.Search("LeT").Suggestion);
        Assert.Null(index.Search("sanctions").Suggestion);
    }

    [Fact]
    public void A_misspelt_word_is_respelt_from_the_index_terms()
    {
        using var index = new TestIndex(Articles.Sample);
        var response = index.Search("Pakistn");
        Assert.Equal(new QuerySuggestion("Pakistan", 2), response.Suggestion);
    }
}

public sealed class ExplainTests
{
    [Fact]
    public void The_score_lines_add_up_to_the_score()
    {
        using var index = new TestIndex(Articles.Sample);
        var response = index.Search("Pakistan militant dismantled", r => r with { Explain = true });
        Assert.NotEmpty(response.Hits);
        foreach (var hit in response.Hits)
        {
            var explanation = hit.Explanation!;
            Assert.Equal(hit.Score, explanation.Terms.Sum(t => t.Score), 3);
            Assert.All(explanation.Terms, t => Assert.True(t.Idf > 0 && t.TermFrequency > 0, t.ToString()));
        }
        var first = response.Hits[0].Explanation!.Terms.Select(t => $"{t.Field}:{t.Term}").ToArray();
        Assert.True(first.Contains("title:pakistan"), string.Join(" | ", response.Hits[0].Explanation!.Lines));
    }
}
