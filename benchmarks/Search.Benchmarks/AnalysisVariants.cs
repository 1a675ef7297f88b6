using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Benchmarks.Corpora;
using Search.Benchmarks.Relevance;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Benchmarks;

/// <summary>
/// A relevance experiment for analysis changes the library does not offer yet (stemmer choice, stop
/// words): the same two-field BM25 index as the library's (title and body, title weighted), built
/// with plain Lucene and a variant analyzer, scored on a BEIR collection. Only differences between
/// rows mean something; the first row mirrors the library's chain (minus group aliases) so it can be
/// compared with <c>beir</c> output.
/// </summary>
internal static class AnalysisVariants
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private enum Stemmer { Porter, KStem, Minimal, None }

    public static void Run(BeirOptionsLike files, float k1, float b, float titleBoost, TextWriter output)
    {
        var docs = BeirReader.ReadCorpus(files.Corpus).ToArray();
        var qrels = BeirReader.ReadQrels(files.Qrels);
        var queries = BeirReader.ReadQueries(files.Queries).Where(q => qrels.ByQuery.ContainsKey(q.Id)).ToArray();
        output.WriteLine($"analysis variants: {docs.Length} documents, {queries.Length} judged queries, k1 {k1}, b {b}, title boost {titleBoost}");
        output.WriteLine("| analysis | nDCG@10 | Recall@100 | MAP@100 |");
        output.WriteLine("| --- | --- | --- | --- |");
        foreach (var (name, stemmer, stopWords) in new[]
        {
            ("Porter + stop words (library chain minus group aliases)", Stemmer.Porter, true),
            ("Porter, no stop words", Stemmer.Porter, false),
            ("KStem + stop words", Stemmer.KStem, true),
            ("English minimal stemmer (plurals) + stop words", Stemmer.Minimal, true),
            ("no stemming + stop words", Stemmer.None, true),
        })
        {
            var analyzer = Build(stemmer, stopWords);
            using var directory = new RAMDirectory();
            Index(directory, analyzer, docs, k1, b);
            var (ndcg, recall, map) = Evaluate(directory, analyzer, queries, qrels, k1, b, titleBoost);
            output.WriteLine(FormattableString.Invariant($"| {name} | {ndcg:F4} | {recall:F4} | {map:F4} |"));
        }
    }

    private static Analyzer Build(Stemmer stemmer, bool stopWords) => Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        if (stopWords)
            stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = stemmer switch
        {
            Stemmer.Porter => new PorterStemFilter(stream),
            Stemmer.KStem => new KStemFilter(stream),
            Stemmer.Minimal => new EnglishMinimalStemFilter(stream),
            _ => stream,
        };
        return new TokenStreamComponents(source, stream);
    });

    private static void Index(LuceneDirectory directory, Analyzer analyzer, IEnumerable<BeirDocument> docs, float k1, float b)
    {
        using var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity(k1, b) });
        foreach (var doc in docs)
        {
            writer.AddDocument(new Document
            {
                new StringField("id", doc.Id, Field.Store.YES),
                new TextField("title", doc.Title, Field.Store.NO),
                new TextField("body", doc.Text, Field.Store.NO),
            });
        }
        writer.Commit();
    }

    private static (double Ndcg, double Recall, double Map) Evaluate(LuceneDirectory directory, Analyzer analyzer, IReadOnlyList<BeirQuery> queries, Qrels qrels, float k1, float b, float titleBoost)
    {
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity(k1, b) };
        var parser = new MultiFieldQueryParser(Version, ["title", "body"], analyzer, new Dictionary<string, float> { ["title"] = titleBoost, ["body"] = 1f });
        double ndcg = 0, recall = 0, map = 0;
        foreach (var query in queries)
        {
            var parsed = parser.Parse(QueryParserBase.Escape(query.Text));
            var top = searcher.Search(parsed, 100);
            var ranking = RelevanceMetrics.TrecOrder(top.ScoreDocs.Select(d => (searcher.Doc(d.Doc).Get("id"), d.Score)));
            var judged = qrels.ByQuery[query.Id];
            ndcg += RelevanceMetrics.NdcgAt(ranking, judged, 10);
            recall += RelevanceMetrics.RecallAt(ranking, judged, 100);
            map += RelevanceMetrics.AveragePrecisionAt(ranking, judged, 100);
        }
        return (ndcg / queries.Count, recall / queries.Count, map / queries.Count);
    }
}

/// <summary>The three BEIR files.</summary>
internal sealed record BeirOptionsLike(string Corpus, string Queries, string Qrels);
