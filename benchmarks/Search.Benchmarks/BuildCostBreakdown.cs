using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core;
using Search.Core.Duplicates;

namespace Search.Benchmarks;

/// <summary>
/// Where index build time goes, for the proposals in RESULTS.md: the analysis chain one filter at
/// a time (plain Lucene, best of three), the library's full chain on the original text and on text
/// where the common words that start a group alias ("the", "is", "al") are replaced, and plain
/// Lucene writers (add vs update by id, stored vs not, 64 vs 256 MB RAM buffer, Lucene.Net's file
/// output vs the one <see cref="ArticleWriter"/> writes through) next to
/// <see cref="ArticleWriter"/>, and the documents <see cref="ArticleWriter"/> writes built up one part
/// of the schema at a time, which prices each part. A diagnostic, not a product path.
/// </summary>
internal static partial class BuildCostBreakdown
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// Runs the breakdown. <paramref name="only"/> names writers by their keys (<c>plain</c>, <c>ours</c>,
    /// <c>ours-prepared</c>, <c>schema</c>, ...): only those run, after the plain baseline, and the
    /// analysis steps are left out, so a comparison can take many rounds in the time of a few.
    /// </summary>
    public static void Run(IReadOnlyList<Article> articles, TextWriter output, int rounds = 3, IReadOnlyCollection<string>? only = null)
    {
        if (only is { Count: > 0 })
        {
            RunWriters(articles, output, rounds, only);
            return;
        }
        output.WriteLine($"build cost breakdown: {articles.Count} articles, {articles.Sum(a => (long)a.Title.Length + a.Body.Length) / 1e6:F1} M characters");
        output.WriteLine("| step | best of 3 (s) |");
        output.WriteLine("| --- | --- |");
        void Row(string name, Func<long> run)
        {
            run();
            var best = double.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                var started = Stopwatch.GetTimestamp();
                run();
                best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
            output.WriteLine(FormattableString.Invariant($"| {name} | {best:F2} |"));
        }
        var texts = articles.SelectMany(a => new[] { a.Title, a.Body }).ToArray();
        var replaced = texts.Select(t => AliasStarters().Replace(t, "xq")).ToArray();
        Row("StandardTokenizer only", () => Count(Chain(0), texts, materialize: false));
        Row("+ lower case", () => Count(Chain(1), texts, materialize: false));
        Row("+ possessive, ASCII folding, stop words", () => Count(Chain(2), texts, materialize: false));
        Row("+ Porter (library chain without group aliases)", () => Count(Chain(3), texts, materialize: false));
        Row("same, plus a string per token (as TextAnalysis does)", () => Count(Chain(3), texts, materialize: true));
        Row("TextAnalysis.CountTokens (library chain, the floor)", () => texts.Sum(t => (long)TextAnalysis.CountTokens("body", t)));
        Row("TextAnalysis.CountTokens, 'the'/'is'/'al' replaced by 'xq'", () => replaced.Sum(t => (long)TextAnalysis.CountTokens("body", t)));
        Row("chain without group aliases + string per token, same replaced text", () => Count(Chain(3), replaced, materialize: true));
        Row("BodyFingerprint.Of, every body", () => articles.Sum(a => BodyFingerprint.Of(a.Body) is null ? 0L : 1L));
        Row("BodyFingerprint.Of and DuplicateClusters.Assign, every body", () =>
        {
            var clusters = new DuplicateClusters();
            return articles.Sum(a => (long)clusters.Assign(a.Id, BodyFingerprint.Of(a.Body)).Length);
        });

        var scratch = Path.Combine(Path.GetTempPath(), "breakdown-prepare-" + Guid.NewGuid().ToString("N"));
        using (var preparer = ArticleWriter.Open(scratch))
            Row("ArticleWriter.Prepare (body signature, stored evidence, title and body analysed), every article", () => articles.Sum(a => (long)(preparer.Prepare(a).Evidence?.Length ?? 0)));
        ScratchFolder.TryDelete(scratch);

        output.WriteLine();
        RunWriters(articles, output, rounds, only: null);
    }

    /// <summary>The writers, each with the key <c>--writers</c> selects it by; the first is the baseline every ratio is taken against.</summary>
    private static (string Key, string Name, Action<string> Build)[] Writers(IReadOnlyList<Article> articles) =>
    [
        ("plain", "plain Lucene, AddDocument, stored, 64 MB (the plain baseline)", path => Plain(articles, path, update: false, store: true, 64)),
        ("plain-update", "plain Lucene, UpdateDocument by id, stored, 64 MB", path => Plain(articles, path, update: true, store: true, 64)),
        ("plain-unstored", "plain Lucene, AddDocument, not stored, 64 MB", path => Plain(articles, path, update: false, store: false, 64)),
        ("plain-256", "plain Lucene, AddDocument, stored, 256 MB", path => Plain(articles, path, update: false, store: true, 256)),
        ("plain-our-output", "plain Lucene, AddDocument, stored, 64 MB, written through ArticleWriter's file output", path => Plain(articles, path, update: false, store: true, 64, SearchSchema.OpenDirectoryForWriting)),
        ("plain-2", "plain Lucene, AddDocument from two threads, stored, 64 MB", path => Plain(articles, path, update: false, store: true, 64, threads: 2)),
        ("ours", "ArticleWriter.Upsert (full schema, group aliases, near-duplicate clusters)", path => Ours(path, new SearchIndexOptions(), articles)),
        ("ours-no-clusters", "ArticleWriter.Upsert without near-duplicate clusters", path => Ours(path, new SearchIndexOptions { NearDuplicates = false }, articles)),
        ("ours-prepared", "ArticleWriter.Upsert of articles prepared on a second thread as it writes, as search index does (full schema)", path => OursPrepared(path, articles)),
        .. SchemaPart.All.Select(part => ("schema", part.Name, (Action<string>)(path => part.Build(articles, path)))),
    ];

    private static void RunWriters(IReadOnlyList<Article> articles, TextWriter output, int rounds, IReadOnlyCollection<string>? only)
    {
        var all = Writers(articles);
        if (only?.FirstOrDefault(key => all.All(w => w.Key != key)) is { } unknown)
            throw new UsageException($"No writer is called '{unknown}'; the writers are {string.Join(", ", all.Select(w => w.Key).Distinct())}.");
        var writers = all.Where((w, i) => i == 0 || only is null || only.Contains(w.Key)).Select(w => (w.Name, w.Build)).ToArray();
        if (only is not null)
            output.WriteLine($"index-only writers: {articles.Count} articles, {articles.Sum(a => (long)a.Title.Length + a.Body.Length) / 1e6:F1} M characters, {rounds} interleaved rounds");
        // Rounds interleave the writers, so load that comes and goes touches them alike. Processor
        // time (all threads, the merges and collections included) is steadier than wall time when
        // others share the cores.
        // Best-of figures compare each writer's luckiest round; the ratio of the same round, taken
        // against the plain writer that ran minutes apart at most, shows how far one run's ratio can
        // be trusted: their median and range are the last columns.
        var wall = writers.Select(_ => double.MaxValue).ToArray();
        var cpu = writers.Select(_ => double.MaxValue).ToArray();
        var roundWall = writers.Select(_ => new double[rounds]).ToArray();
        var roundCpu = writers.Select(_ => new double[rounds]).ToArray();
        var allocated = new double[writers.Length];
        // Each writer runs once untimed first: its first run compiled its code, and took about twice
        // as long as its later ones.
        foreach (var (_, build) in writers)
        {
            var path = Path.Combine(Path.GetTempPath(), "search-breakdown-" + Guid.NewGuid().ToString("N"));
            build(path);
            System.IO.Directory.Delete(path, recursive: true);
        }
        for (var round = 0; round < rounds; round++)
        {
            for (var step = 0; step < writers.Length; step++)
            {
                // Each round starts one writer later, so no writer always runs first (the one that did
                // came out slower than writers doing more work), and each starts on a collected heap
                // rather than during the collection of what the writer before it left.
                var w = (step + round) % writers.Length;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var path = Path.Combine(Path.GetTempPath(), "search-breakdown-" + Guid.NewGuid().ToString("N"));
                var started = Stopwatch.GetTimestamp();
                var cpuBefore = Environment.CpuUsage.TotalTime;
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                writers[w].Build(path);
                allocated[w] = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6;
                roundWall[w][round] = Stopwatch.GetElapsedTime(started).TotalSeconds;
                wall[w] = Math.Min(wall[w], roundWall[w][round]);
                roundCpu[w][round] = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
                cpu[w] = Math.Min(cpu[w], roundCpu[w][round]);
                System.IO.Directory.Delete(path, recursive: true);
            }
        }
        var columns = $"best of {rounds}, interleaved (s) | × plain add, 64 MB | processor time, best of {rounds} (s) | × plain add | allocated (MB) | × plain add, same round: median (range) |";
        output.WriteLine($"| writer (Reuters-sized text fields, one commit) | {columns}");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        for (var w = 0; w < writers.Length; w++)
        {
            var part = Array.FindIndex(SchemaPart.All, p => p.Name == writers[w].Name);
            if (part == 0)
            {
                output.WriteLine();
                output.WriteLine($"| the same documents through a plain IndexWriter, the schema built up a part at a time | {columns} the part adds, same round: median wall / processor (s) |");
                output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
            }
            // A part's cost is taken round by round against the row before it, which ran in the same
            // round, rather than from two best-of figures that may come from different rounds.
            var cost = part > 0
                ? FormattableString.Invariant($" {RunConditions.Median(Enumerable.Range(0, rounds).Select(r => roundWall[w][r] - roundWall[w - 1][r])):F2} / {RunConditions.Median(Enumerable.Range(0, rounds).Select(r => roundCpu[w][r] - roundCpu[w - 1][r])):F2} |")
                : part == 0 ? " |" : "";
            var median = RunConditions.Median(Enumerable.Range(0, rounds).Select(r => roundWall[w][r] / roundWall[0][r]));
            var paired = Enumerable.Range(0, rounds).Select(r => roundWall[w][r] / roundWall[0][r]).ToArray();
            output.WriteLine(FormattableString.Invariant($"| {writers[w].Name} | {wall[w]:F2} | {wall[w] / wall[0]:F2} | {cpu[w]:F2} | {cpu[w] / cpu[0]:F2} | {allocated[w]:F0} | {median:F2} ({paired.Min():F2}–{paired.Max():F2}) |{cost}"));
        }
    }

    private static void Plain(IReadOnlyList<Article> articles, string path, bool update, bool store, double buffer, Func<string, Lucene.Net.Store.Directory>? open = null, int threads = 1)
    {
        using var directory = (open ?? FSDirectory.Open)(path);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(Version, Chain(3)) { RAMBufferSizeMB = buffer, Similarity = new BM25Similarity() });
        var stored = store ? Field.Store.YES : Field.Store.NO;
        void Add(Article article)
        {
            var doc = new Document { new StringField("id", article.Id, Field.Store.YES), new TextField("title", article.Title, stored), new TextField("body", article.Body, stored) };
            if (update)
                writer.UpdateDocument(new Term("id", article.Id), doc);
            else
                writer.AddDocument(doc);
        }
        if (threads == 1)
        {
            foreach (var article in articles)
                Add(article);
        }
        else
            Parallel.ForEach(articles, new ParallelOptions { MaxDegreeOfParallelism = threads }, Add);
        writer.Commit();
    }

    /// <summary>ArticleWriter's build; articles prepared as they are enumerated cost what <c>Upsert(Article)</c> does, which prepares each itself.</summary>
    private static void Ours(string path, SearchIndexOptions options, IEnumerable<Article> articles)
    {
        using var writer = ArticleWriter.Open(path, options);
        foreach (var article in articles)
            writer.Upsert(article);
        writer.Commit("breakdown");
    }

    /// <summary>The writer's thread writes what a second thread prepares (<see cref="ArticleWriter.Prepare"/>), a bounded queue between them.</summary>
    private static void OursPrepared(string path, IEnumerable<Article> articles)
    {
        using var writer = ArticleWriter.Open(path, new SearchIndexOptions());
        using var ready = new BlockingCollection<PreparedArticle>(boundedCapacity: 256);
        var preparing = Task.Run(() =>
        {
            try
            {
                foreach (var article in articles)
                    ready.Add(writer.Prepare(article));
            }
            finally
            {
                ready.CompleteAdding();
            }
        });
        foreach (var entry in ready.GetConsumingEnumerable())
            writer.Upsert(entry);
        preparing.GetAwaiter().GetResult();
        writer.Commit("breakdown");
    }

    private static Analyzer Chain(int level) => Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = source;
        if (level >= 1)
            stream = new LowerCaseFilter(Version, stream);
        if (level >= 2)
            stream = new StopFilter(Version, new ASCIIFoldingFilter(new EnglishPossessiveFilter(Version, stream)), EnglishAnalyzer.DefaultStopSet);
        if (level >= 3)
            stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    private static long Count(Analyzer analyzer, string[] texts, bool materialize)
    {
        var count = 0L;
        foreach (var text in texts)
        {
            using var stream = analyzer.GetTokenStream("body", text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
                count += materialize ? term.ToString().Length > 0 ? 1 : 0 : 1;
            stream.End();
        }
        return count;
    }

    [GeneratedRegex(@"\b(?:[Tt]he|[Ii]s|[Aa]l)\b")]
    private static partial Regex AliasStarters();
}
