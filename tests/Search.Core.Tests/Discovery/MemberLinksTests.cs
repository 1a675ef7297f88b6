using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Duplicates;
using Xunit;

namespace Search.Core.Tests.Discovery;

public sealed class MemberLinksTests
{
    [Fact]
    public void Duplicate_lists_name_members_without_a_URL_and_with_one_too_long_for_doc_values()
    {
        var longUrl = "https://long.example/" + new string('a', 40_000);
        var articles = NearDuplicatePairs.Articles.Select(a => a.Id switch
        {
            "floods/wire-a" => a with { Url = null },
            "floods/wire-c" => a with { Url = longUrl },
            _ => a,
        });
        using var index = new TestIndex(articles);

        var floods = Assert.Single(index.Index.GetDuplicateClusters(), c => c.Ids.Contains("floods/wire-b"));

        Assert.Equal(["floods/wire-a", "floods/wire-b", "floods/wire-c"], floods.Ids);
        Assert.Equal(["long.example", "site-b.example"], floods.Sites);
        Assert.Equal(longUrl, index.Index.GetArticle("floods/wire-c")!.Url);
    }

    [Fact]
    public void Documents_written_before_ids_or_urls_had_doc_values_are_read_from_stored_fields()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchSchema.Version, new KeywordAnalyzer())))
        {
            // Ids in doc values, URLs only stored, as indexes written before URLs had doc values.
            writer.AddDocument(Stored("old-url", "https://old.example/a", idValues: true));
            // Ids only stored, as the oldest indexes.
            writer.AddDocument(Stored("old-id", "https://older.example/b", idValues: false));
            writer.Commit();
            // Written now: both in doc values, one article without a URL. Merged with the old ones below.
            var current = Stored("new", "https://new.example/c", idValues: true);
            current.Add(new BinaryDocValuesField(SearchSchema.Url, new BytesRef("https://new.example/c")));
            writer.AddDocument(current);
            writer.AddDocument(Stored("no-url", url: null, idValues: true));
            writer.ForceMerge(1);
        }
        using var reader = DirectoryReader.Open(directory);
        var links = new MemberLinks(reader);

        Assert.Single(reader.Leaves);
        // A merge may put the segments in any order.
        var read = Enumerable.Range(0, reader.MaxDoc).Select(links.Of).OrderBy(l => l.Id, StringComparer.Ordinal);
        Assert.Equal(
            [("new", "https://new.example/c"), ("no-url", null), ("old-id", "https://older.example/b"), ("old-url", "https://old.example/a")],
            read);
    }

    [Fact]
    public void A_segment_without_any_URL_lists_ids_only()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchSchema.Version, new KeywordAnalyzer())))
            writer.AddDocument(Stored("a", url: null, idValues: true));
        using var reader = DirectoryReader.Open(directory);

        Assert.Equal(("a", (string?)null), new MemberLinks(reader).Of(0));
    }

    private static Document Stored(string id, string? url, bool idValues)
    {
        var document = new Document { new StringField(SearchSchema.Id, id, Field.Store.YES) };
        if (idValues)
            document.Add(new SortedDocValuesField(SearchSchema.Id, new BytesRef(id)));
        if (url is not null)
            document.Add(new StoredField(SearchSchema.Url, url));
        return document;
    }
}
