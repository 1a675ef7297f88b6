using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Duplicates;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core;

/// <summary>
/// Adds, replaces and deletes articles in an index folder. Changes become durable and visible
/// together at <see cref="Commit"/>; disposing without committing discards them, and a crash
/// before a commit leaves the index as it was at the last commit. One writer per folder at a time,
/// across processes, used from one thread at a time (it refills one document per article and keeps
/// the near-duplicate table unlocked).
/// </summary>
public sealed class ArticleWriter : IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly Lucene.Net.Analysis.Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly Action? _afterCommit;
    private readonly ArticleDocument _document;
    private readonly StatementDocument _statements;
    private readonly FileStream _processLock;
    private readonly bool _nearDuplicates;
    private DuplicateClusters? _clusters;
    private bool _disposed;
    private long _lastStamp;

    /// <summary>
    /// Held open, unshared, for the writer's life. Lucene.Net's own write lock did not stop a
    /// writer in a second process on Linux; an unshared open file does (the OS releases it when a
    /// process dies, so a crash leaves no stale lock).
    /// </summary>
    private const string ProcessLockFile = "search-writer.lock";

    private ArticleWriter(string path, LuceneDirectory directory, Lucene.Net.Analysis.Analyzer analyzer, IndexWriter writer, Action? afterCommit, FileStream processLock, FacetSchema facets, bool nearDuplicates, GroupAliasTable aliases)
    {
        _document = new ArticleDocument(facets);
        _nearDuplicates = nearDuplicates;
        _statements = new StatementDocument(aliases);
        Path = path;
        _directory = directory;
        _analyzer = analyzer;
        _writer = writer;
        _afterCommit = afterCommit;
        _processLock = processLock;
    }

    /// <summary>The index folder.</summary>
    public string Path { get; }

    /// <summary>Opens the writer for a folder, creating the folder and an index in it when absent.</summary>
    /// <exception cref="IndexLockedException">Another writer holds the folder.</exception>
    public static ArticleWriter Open(string path, SearchIndexOptions? options = null) => Open(path, options ?? new SearchIndexOptions(), null);

    /// <summary>Whether a new file can be created in <paramref name="folder"/> (false on a read-only mount or without permission).</summary>
    private static bool CanCreateFilesIn(string folder)
    {
        var probe = System.IO.Path.Combine(folder, ".write-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
                return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    internal static ArticleWriter Open(string path, SearchIndexOptions options, Action? afterCommit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        System.IO.Directory.CreateDirectory(full);
        FileStream processLock;
        try
        {
            processLock = new FileStream(System.IO.Path.Combine(full, ProcessLockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (!CanCreateFilesIn(full))
        {
            // A read-only mount fails here too; "locked by another writer" would send the user looking for a process.
            throw new SearchException($"The index folder '{full}' cannot be written (it may be on a read-only disk or mount); the index is unchanged. Make it writable, or index into another folder with --index.", e);
        }
        catch (IOException e)
        {
            throw new IndexLockedException(full, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SearchException($"Cannot write to the index in '{full}': {e.Message}", e);
        }
        var directory = SearchSchema.OpenDirectoryForWriting(full);
        var analyzer = SearchSchema.IndexAnalyzer(options.Aliases, options.Facets);
        var config = new IndexWriterConfig(SearchSchema.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(options.K1, options.B),
            // New articles are added without delete-by-id terms (see Upsert), so a larger buffer no longer
            // saves passes over the segments at each flush; 256 MB cost about 200 MB of peak memory at 1M.
            RAMBufferSizeMB = 64,
            WriteLockTimeout = 0,
            // Stored fields must stay in their own files for SearchSchema.OpenDirectory to route them.
            UseCompoundFile = false,
            MergePolicy = new TieredMergePolicy { NoCFSRatio = 0 },
            // Snapshots are kept in the folder, so a writer opened later (another request, another
            // process) still keeps a commit that a snapshot is being copied from.
            IndexDeletionPolicy = new PersistentSnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy(), directory, OpenMode.CREATE_OR_APPEND),
        };
        try
        {
            return new ArticleWriter(full, directory, analyzer, new IndexWriter(directory, config), afterCommit, processLock, options.Facets, options.NearDuplicates, options.Aliases);
        }
        catch (Exception e)
        {
            analyzer.Dispose();
            directory.Dispose();
            processLock.Dispose();
            if (e is LockObtainFailedException)
                throw new IndexLockedException(full, e);
            if (e is CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException)
                throw new SearchException($"The index in '{full}' cannot be read ({e.Message}). Move it away and rebuild it with 'search index'.", e);
            // Anything else is not ours to explain; rethrown with its stack trace intact.
            throw;
        }
    }

    /// <summary>
    /// Works out, on the calling thread, what an article's index entry needs from its text alone,
    /// analysing its title and body as this writer does (see <see cref="PreparedArticle"/>); any
    /// thread may call it, several at once, while the writer writes others.
    /// </summary>
    public PreparedArticle Prepare(Article article)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return PreparedArticle.Of(article, _analyzer, fingerprint: _nearDuplicates);
    }

    /// <summary>Adds an article with its statements, replacing any article with the same id and its statements.</summary>
    /// <exception cref="ArgumentException">The article has no id, or a facet value the schema does not accept (two values for a single-valued facet, a malformed number).</exception>
    public void Upsert(Article article)
    {
        // Analysed here as it is written: capturing the tokens first would only add a copy.
        Upsert(PreparedArticle.Of(article, analyzer: null, fingerprint: _nearDuplicates));
    }

    /// <summary><see cref="Upsert(Article)"/> for an article prepared beforehand by <see cref="Prepare"/>.</summary>
    /// <exception cref="ArgumentException">The article has no id, or a facet value the schema does not accept.</exception>
    public void Upsert(PreparedArticle prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var article = prepared.Article;
        if (string.IsNullOrWhiteSpace(article.Id))
            throw new ArgumentException("An article needs a non-empty id.", nameof(prepared));
        if (!_nearDuplicates)
        {
            // Buffered deletes apply only to documents added before them, so the new statements survive this one.
            _writer.DeleteDocuments(new Term(SearchSchema.StatementOf, article.Id));
            _writer.UpdateDocument(new Term(SearchSchema.Id, article.Id), _document.Fill(article, NextStamp(), Analyzed(prepared), prepared.Evidence));
        }
        else
        {
            var clusters = Clusters();
            // The cluster table knows every id in the index, so a new article is added without the
            // delete-by-id terms an update buffers: applying those to every segment at each flush was
            // the largest cost of a bulk build that Lucene itself does not have.
            var stored = clusters.Contains(article.Id);
            // Prepared for a writer without clusters, the article has no signature yet.
            var fingerprint = prepared.Fingerprinted ? prepared.Fingerprint : BodyFingerprint.Of(article.Body);
            var document = _document.Fill(article, NextStamp(), Analyzed(prepared), prepared.Evidence, clusters.Assign(article.Id, fingerprint), fingerprint?.ToBytes());
            if (stored)
            {
                _writer.DeleteDocuments(new Term(SearchSchema.StatementOf, article.Id));
                _writer.UpdateDocument(new Term(SearchSchema.Id, article.Id), document);
            }
            else
                _writer.AddDocument(document);
        }
        // Adding an empty batch still takes the writer's per-document locks and flush checks.
        if (article.Statements.Count > 0)
            _writer.AddDocuments(_statements.For(article));
    }

    /// <summary>The prepared title and body tokens, when they were analysed by this writer's analyzer.</summary>
    private (AnalyzedText? Title, AnalyzedText? Body) Analyzed(PreparedArticle prepared) =>
        ReferenceEquals(prepared.AnalyzedWith, _analyzer) ? (prepared.Title, prepared.Body) : (null, null);

    /// <summary>Deletes the article with this id and its statements, if there is one.</summary>
    public void Delete(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        _writer.DeleteDocuments(new Term(SearchSchema.Id, id), new Term(SearchSchema.StatementOf, id));
        _clusters?.Remove(id);
    }

    /// <summary>
    /// The fingerprints of the articles already in the index, read once, on the first upsert: a
    /// writer that only deletes or lists never pays for them.
    /// </summary>
    private DuplicateClusters Clusters()
    {
        if (_clusters is not null)
            return _clusters;
        var clusters = new DuplicateClusters();
        using (var reader = DirectoryReader.Open(_writer, applyAllDeletes: true))
        {
            foreach (var leaf in reader.Leaves)
            {
                var atomic = leaf.AtomicReader;
                var live = atomic.LiveDocs;
                var ids = atomic.GetSortedDocValues(SearchSchema.Id);
                var labels = atomic.GetSortedDocValues(SearchSchema.Cluster);
                var prints = atomic.GetBinaryDocValues(SearchSchema.Fingerprint);
                var withPrint = atomic.GetDocsWithField(SearchSchema.Fingerprint);
                var scratch = new BytesRef();
                for (var doc = 0; doc < atomic.MaxDoc; doc++)
                {
                    // Statements have no id of their own: they belong to their article's cluster.
                    if ((live is not null && !live.Get(doc)) || ids is null || ids.GetOrd(doc) < 0)
                        continue;
                    ids.Get(doc, scratch);
                    var id = scratch.Utf8ToString();
                    var cluster = id;
                    if (labels is not null && labels.GetOrd(doc) >= 0)
                    {
                        labels.Get(doc, scratch);
                        cluster = scratch.Utf8ToString();
                    }
                    BodyFingerprint? fingerprint = null;
                    if (prints is not null && withPrint is not null && withPrint.Get(doc))
                    {
                        prints.Get(doc, scratch);
                        fingerprint = BodyFingerprint.FromBytes(scratch.Bytes.AsSpan(scratch.Offset, scratch.Length));
                    }
                    clusters.Load(id, cluster, fingerprint);
                }
            }
        }
        return _clusters = clusters;
    }

    /// <summary>
    /// Each value of a multi-valued facet among the stored articles, as of this writer's changes so
    /// far, with how many articles hold it; read from doc values, without loading documents. Empty for
    /// a facet the index does not know.
    /// </summary>
    public IReadOnlyDictionary<string, int> CountFacetValues(string facet)
    {
        ArgumentNullException.ThrowIfNull(facet);
        using var reader = DirectoryReader.Open(_writer, applyAllDeletes: true);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            if (atomic.GetSortedSetDocValues(SearchSchema.FacetField(facet)) is not { } values)
                continue;
            var live = atomic.LiveDocs;
            var perOrdinal = new int[values.ValueCount];
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                    continue;
                values.SetDocument(doc);
                for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
                    perOrdinal[ord]++;
            }
            var term = new Lucene.Net.Util.BytesRef();
            for (var ord = 0; ord < perOrdinal.Length; ord++)
            {
                if (perOrdinal[ord] == 0)
                    continue;
                values.LookupOrd(ord, term);
                var value = term.Utf8ToString();
                counts[value] = counts.GetValueOrDefault(value) + perOrdinal[ord];
            }
        }
        return counts;
    }

    /// <summary>
    /// What the index holds, as of this writer's changes so far: each id with its source and content
    /// hash. The indexer uses it to skip unchanged files and find articles whose files are gone.
    /// </summary>
    public IReadOnlyDictionary<string, StoredArticle> ListStored()
    {
        using var reader = DirectoryReader.Open(_writer, applyAllDeletes: true);
        var fields = new HashSet<string> { SearchSchema.Id, SearchSchema.Source, SearchSchema.ContentHash };
        var stored = new Dictionary<string, StoredArticle>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var live = atomic.LiveDocs;
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                    continue;
                var document = atomic.Document(doc, fields);
                // Statements have no id of their own; their article lists them.
                if (document.Get(SearchSchema.Id) is not { } id)
                    continue;
                stored[id] = new StoredArticle(id, document.Get(SearchSchema.Source), document.Get(SearchSchema.ContentHash));
            }
        }
        return stored;
    }

    /// <summary>
    /// The stored articles among <paramref name="ids"/>, as of this writer's changes so far; ids the
    /// index does not hold are left out. Cheaper than <see cref="ListStored()"/> for a small batch.
    /// </summary>
    public IReadOnlyDictionary<string, StoredArticle> ListStored(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var reader = DirectoryReader.Open(_writer, applyAllDeletes: true);
        var searcher = new IndexSearcher(reader);
        var fields = new HashSet<string> { SearchSchema.Id, SearchSchema.Source, SearchSchema.ContentHash };
        var stored = new Dictionary<string, StoredArticle>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var hits = searcher.Search(new TermQuery(new Term(SearchSchema.Id, id)), 1);
            if (hits.TotalHits == 0)
                continue;
            var document = reader.Document(hits.ScoreDocs[0].Doc, fields);
            stored[id] = new StoredArticle(id, document.Get(SearchSchema.Source), document.Get(SearchSchema.ContentHash));
        }
        return stored;
    }

    /// <summary>
    /// Merges the index into one segment, to be made durable by the next <see cref="Commit"/>. Each
    /// commit of a bulk load leaves a segment, and a search pays for each: on Reuters-21578 the host
    /// served 2.2× the requests a second from one segment as from the eleven a load left, and a
    /// quarter fewer from two than from one (benchmarks/RESULTS.md, "Session 5"). It rewrites the
    /// index once; a crash during the merge leaves the last commit as it was.
    /// </summary>
    public void MergeSegments() => _writer.ForceMerge(1);

    /// <summary>
    /// Lets segments gather, as many as <see cref="MergeSegments"/> merges at once, before the merge
    /// policy merges any, for the rest of this writer's life: a build that will end in
    /// <see cref="MergeSegments"/> would only rewrite what those merges wrote (on Reuters-21578 they
    /// cost 0.35 s of CPU and made the closing merge no shorter).
    /// </summary>
    public void DeferMergesToTheEnd()
    {
        if (_writer.Config.MergePolicy is TieredMergePolicy tiered)
            tiered.SegmentsPerTier = Math.Max(tiered.SegmentsPerTier, tiered.MaxMergeAtOnceExplicit);
    }

    /// <summary>Makes all changes durable and visible to searches.</summary>
    /// <param name="committedBy">What made the change (a command or program name), recorded with the commit.</param>
    public void Commit(string? committedBy = null)
    {
        _writer.SetCommitData(new Dictionary<string, string>
        {
            [CommitData.CommittedAt] = new DateTimeOffset(NextStamp(), TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture),
            [CommitData.CommittedBy] = committedBy ?? "Search.Core",
        });
        _writer.Commit();
        _afterCommit?.Invoke();
    }

    /// <summary>
    /// Pins the last commit: its files stay in the folder, through later commits by this or any later
    /// writer, until <see cref="Unpin"/>. The pin is recorded in the folder, so the writer may be closed
    /// while the files are copied (<see cref="IndexSnapshot.Copy"/>) and writes go on.
    /// </summary>
    /// <exception cref="SearchException">The index has no commit yet.</exception>
    public PinnedCommit PinLastCommit()
    {
        var policy = (PersistentSnapshotDeletionPolicy)_writer.Config.IndexDeletionPolicy;
        IndexCommit commit;
        try
        {
            commit = policy.Snapshot();
        }
        catch (InvalidOperationException e)
        {
            throw new SearchException($"The index in '{Path}' has no commit to snapshot yet.", e);
        }
        commit.UserData.TryGetValue(CommitData.CommittedAt, out var at);
        DateTimeOffset? committedAt = at is not null && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : null;
        return new PinnedCommit(Path, commit.Generation, commit.SegmentsFileName, [.. commit.FileNames], committedAt);
    }

    /// <summary>Releases a pin made by <see cref="PinLastCommit"/> (by any writer) and deletes the files only it kept.</summary>
    public void Unpin(PinnedCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ((PersistentSnapshotDeletionPolicy)_writer.Config.IndexDeletionPolicy).Release(commit.Generation);
        _writer.DeleteUnusedFiles();
    }

    /// <summary>
    /// UTC ticks, strictly increasing within this writer. Every article upserted before a commit is
    /// stamped earlier than the commit, and every later one after it, so "indexed after the commit a
    /// search saw" is exact (<see cref="SearchRequest.IndexedAfter"/>).
    /// </summary>
    private long NextStamp()
    {
        var now = DateTime.UtcNow.Ticks;
        _lastStamp = now > _lastStamp ? now : _lastStamp + 1;
        return _lastStamp;
    }

    /// <summary>Releases the folder. Changes not committed are discarded.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        // Each release runs even if the one before throws: a failed rollback must not keep the folder locked.
        try
        {
            if (_writer.HasUncommittedChanges())
                _writer.Rollback();
            else
                _writer.Dispose();
        }
        finally
        {
            try
            {
                _analyzer.Dispose();
                _directory.Dispose();
            }
            finally
            {
                _processLock.Dispose();
            }
        }
    }
}

/// <summary>An article as the writer lists it: enough to tell whether its file changed or went away.</summary>
/// <param name="Id">The article id.</param>
/// <param name="Source">Where it came from, if recorded.</param>
/// <param name="ContentHash">Its content fingerprint, if recorded.</param>
public sealed record StoredArticle(string Id, string? Source, string? ContentHash);

/// <summary>Keys of the data recorded with each commit.</summary>
internal static class CommitData
{
    public const string CommittedAt = "committed_at";
    public const string CommittedBy = "committed_by";
}
