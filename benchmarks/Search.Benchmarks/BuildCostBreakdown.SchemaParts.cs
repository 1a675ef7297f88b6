using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Search.Core;
using Search.Core.Duplicates;

namespace Search.Benchmarks;

internal static partial class BuildCostBreakdown
{
    /// <summary>What one breakdown row leaves out of the schema.</summary>
    [Flags]
    private enum Off
    {
        Nothing = 0,
        GroupAliases = 1,
        Offsets = 2,
        IdDocValues = 4,
        Cluster = 8,
        Fingerprints = 16,
        IndexedAt = 32,
        Facets = 64,
        OtherStored = 128,
        SortDate = 256,
    }

    /// <summary>
    /// The documents <see cref="ArticleWriter"/> writes, through an IndexWriter set up as its own is,
    /// built up one part of the schema at a time from the plain document (id, title, body): each row's
    /// difference from the row before is what its part adds, and the differences sum to the whole
    /// schema's cost. Leaving one part out at a time does not sum: parts compete for the same caches,
    /// so a part's cost depends on what else is written.
    /// </summary>
    private sealed record SchemaPart(string Name, Off Off)
    {
        private const Off Everything = Off.GroupAliases | Off.Offsets | Off.IdDocValues | Off.Cluster | Off.Fingerprints | Off.IndexedAt | Off.Facets | Off.OtherStored | Off.SortDate;

        // In the order they are added; the cluster field comes before fingerprints, so that it is
        // priced with each article in a cluster of its own and the fingerprint row holds the
        // near-duplicate work.
        private static readonly (string Name, Off Part)[] Steps =
        [
            ("+ group-alias filter", Off.GroupAliases),
            ("+ offsets in title and body postings", Off.Offsets),
            ("+ id sorted doc values", Off.IdDocValues),
            ("+ cluster field and doc values (each article its own cluster)", Off.Cluster),
            ("+ fingerprints (MinHash, cluster look-up, binary doc values)", Off.Fingerprints),
            ("+ indexed_at (a 64-bit doc value)", Off.IndexedAt),
            ("+ facet fields (terms, stored values, speaker words, doc values)", Off.Facets),
            ("+ other stored fields (url, source, published, hash, evidence)", Off.OtherStored),
            ("+ sort_date doc values: all of it, the documents ArticleWriter.Upsert writes", Off.SortDate),
        ];

        public static readonly SchemaPart[] All =
        [
            new("the plain document (id, title, body, no offsets) through ArticleWriter's writer settings", Everything),
            .. Steps.Select((step, i) => new SchemaPart(step.Name, Steps.Take(i + 1).Aggregate(Everything, (off, taken) => off & ~taken.Part))),
        ];

        private static readonly GroupAliasTable NoAliases = GroupAliasTable.Parse(new StringReader(""), "none");

        public void Build(IReadOnlyList<Article> articles, string path)
        {
            var facets = FacetSchema.Default;
            using var directory = SearchSchema.OpenDirectoryForWriting(path);
            using var analyzer = SearchSchema.IndexAnalyzer(Off.HasFlag(Off.GroupAliases) ? NoAliases : GroupAliasTable.Default, facets);
            using var writer = new IndexWriter(directory, new IndexWriterConfig(SearchSchema.Version, analyzer)
            {
                Similarity = new BM25Similarity(),
                RAMBufferSizeMB = 64,
                UseCompoundFile = false,
                MergePolicy = new TieredMergePolicy { NoCFSRatio = 0 },
            });
            var clusters = new DuplicateClusters();
            var documents = new ArticleDocument(facets);
            var ticks = DateTime.UtcNow.Ticks;
            foreach (var article in articles)
            {
                var fingerprint = Off.HasFlag(Off.Fingerprints) ? null : BodyFingerprint.Of(article.Body);
                var cluster = Off.HasFlag(Off.Fingerprints) ? null : clusters.Assign(article.Id, fingerprint);
                var document = documents.Fill(article, ticks++, (null, null), PreparedArticle.StoredEvidence(article), cluster, fingerprint?.ToBytes());
                Strip(document, article);
                writer.AddDocument(document);
            }
            writer.Commit();
        }

        private void Strip(Document document, Article article)
        {
            if (Off.HasFlag(Off.Offsets))
            {
                document.RemoveFields(SearchSchema.Title);
                document.RemoveFields(SearchSchema.Body);
                document.Add(new TextField(SearchSchema.Title, article.Title, Field.Store.YES));
                document.Add(new TextField(SearchSchema.Body, article.Body, Field.Store.YES));
            }
            if (Off.HasFlag(Off.IdDocValues))
                Remove(document, f => f.Name == SearchSchema.Id && f.IndexableFieldType.DocValueType != DocValuesType.NONE);
            if (Off.HasFlag(Off.Cluster))
                document.RemoveFields(SearchSchema.Cluster);
            if (Off.HasFlag(Off.IndexedAt))
                document.RemoveFields(SearchSchema.IndexedAt);
            if (Off.HasFlag(Off.Facets))
            {
                foreach (var facet in FacetSchema.Default.Definitions)
                {
                    document.RemoveFields(SearchSchema.FacetValueField(facet));
                    document.RemoveFields(SearchSchema.FacetStoredField(facet));
                    document.RemoveFields(SearchSchema.FacetWordsField(facet));
                    document.RemoveFields(SearchSchema.FacetField(facet.Name));
                }
            }
            if (Off.HasFlag(Off.OtherStored))
            {
                foreach (var field in new[] { SearchSchema.Url, SearchSchema.Byline, SearchSchema.Source, SearchSchema.Published, SearchSchema.ContentHash, SearchSchema.Evidence })
                    document.RemoveFields(field);
            }
            if (Off.HasFlag(Off.SortDate))
                document.RemoveFields(SearchSchema.SortDate);
        }

        private static void Remove(Document document, Func<IIndexableField, bool> which)
        {
            for (var i = document.Fields.Count - 1; i >= 0; i--)
            {
                if (which(document.Fields[i]))
                    document.Fields.RemoveAt(i);
            }
        }
    }
}
