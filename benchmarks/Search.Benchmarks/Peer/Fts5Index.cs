using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Search.Core;

namespace Search.Benchmarks.Peer;

/// <summary>
/// The peer the library is compared with: SQLite FTS5 over the same articles, with the Porter
/// tokenizer, BM25 ranking with the same title weight, <c>highlight()</c> and <c>snippet()</c> for
/// passages and GROUP BY over side tables for facet counts, set up as <see cref="Fts5Tuning"/> says.
/// Statements are prepared once and reused, as an application would.
/// </summary>
internal sealed class Fts5Index : IDisposable
{
    private const int TopN = 10;
    private readonly SqliteConnection _connection;
    private readonly Fts5Tuning _tuning;
    private readonly SqliteCommand _count;
    private readonly SqliteCommand _top;
    private readonly SqliteCommand _topHighlighted;
    private readonly SqliteCommand[] _facetStatements;

    private Fts5Index(SqliteConnection connection, string path, Fts5Tuning tuning, float titleWeight)
    {
        _connection = connection;
        _tuning = tuning;
        Path = path;
        Execute(FormattableString.Invariant($"PRAGMA mmap_size={tuning.MmapSize}"));
        Execute(FormattableString.Invariant($"PRAGMA cache_size=-{tuning.CacheKib}"));
        var bm25 = FormattableString.Invariant($"bm25(fts, 0.0, {titleWeight}, 1.0)");
        var plainRank = tuning.Top == Fts5TopOrder.RankColumn ? "rank" : bm25;
        var highlightedRank = tuning.Top == Fts5TopOrder.Bm25Expression ? bm25 : "rank";
        _count = Prepare("SELECT count(*) FROM fts WHERE fts MATCH $q");
        _top = Prepare($"SELECT id, title, {plainRank} AS score FROM fts WHERE fts MATCH $q ORDER BY score LIMIT {TopN}");
        _topHighlighted = Prepare($"SELECT id, highlight(fts, 1, '<b>', '</b>'), snippet(fts, 2, '<b>', '</b>', '…', 40), {highlightedRank} AS score FROM fts WHERE fts MATCH $q ORDER BY score LIMIT {TopN}");
        var group = $"SELECT g.value, count(*) AS c FROM {{0}} JOIN doc_group g ON g.doc = m.rowid GROUP BY g.value ORDER BY c DESC, g.value LIMIT {TopN}";
        var speaker = $"SELECT s.value, count(*) AS c FROM {{0}} JOIN doc_speaker s ON s.doc = m.rowid GROUP BY s.value ORDER BY c DESC, s.value LIMIT {TopN}";
        var year = $"SELECT d.year, count(*) AS c FROM {{0}} JOIN docs d ON d.rowid = m.rowid WHERE d.year IS NOT NULL GROUP BY d.year ORDER BY c DESC, d.year LIMIT {TopN}";
        string Over(string template, string source) => string.Format(CultureInfo.InvariantCulture, template, source);
        const string Matches = "(SELECT rowid FROM fts WHERE fts MATCH $q) m";
        if (tuning.Facets == Fts5FacetPlan.TempTable)
            Execute("CREATE TEMP TABLE IF NOT EXISTS m(rowid INTEGER PRIMARY KEY)");
        _facetStatements = tuning.Facets switch
        {
            Fts5FacetPlan.TempTable =>
            [
                Prepare("DELETE FROM m"),
                Prepare("INSERT INTO m(rowid) SELECT rowid FROM fts WHERE fts MATCH $q"),
                Prepare("SELECT count(*) FROM m"),
                Prepare(Over(group, "m")),
                Prepare(Over(speaker, "m")),
                Prepare(Over(year, "m")),
            ],
            Fts5FacetPlan.PerFacet =>
            [
                _count,
                Prepare(Over(group, Matches)),
                Prepare(Over(speaker, Matches)),
                Prepare(Over(year, Matches)),
            ],
            Fts5FacetPlan.OneStatement =>
            [
                Prepare(
                    "WITH m(rowid) AS MATERIALIZED (SELECT rowid FROM fts WHERE fts MATCH $q) " +
                    "SELECT NULL, count(*) FROM m " +
                    $"UNION ALL SELECT * FROM ({Over(group, "m")}) " +
                    $"UNION ALL SELECT * FROM ({Over(speaker, "m")}) " +
                    $"UNION ALL SELECT * FROM ({Over(year, "m")})"),
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(tuning), tuning.Facets, "Unknown facet plan."),
        };
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Creates the database at <paramref name="path"/>, loads the articles in one transaction and closes it.</summary>
    /// <returns>The wall time of the build, optimize included.</returns>
    public static TimeSpan Build(IEnumerable<Article> articles, string path, Fts5Tuning tuning, float titleWeight)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
            File.Delete(file);
        var started = Stopwatch.GetTimestamp();
        using (var connection = Connect(path))
        {
            Run(connection, FormattableString.Invariant($"PRAGMA page_size={tuning.PageSize}"));
            Run(connection, tuning.UnjournaledBuild ? "PRAGMA journal_mode=OFF" : "PRAGMA journal_mode=WAL");
            Run(connection, tuning.UnjournaledBuild ? "PRAGMA synchronous=OFF" : "PRAGMA synchronous=NORMAL");
            Run(connection, $"CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, title, body, tokenize='porter unicode61 remove_diacritics 2', detail={tuning.Detail})");
            Run(connection, FormattableString.Invariant($"INSERT INTO fts(fts, rank) VALUES('rank', 'bm25(0.0, {titleWeight}, 1.0)')"));
            if (tuning.AutoMerge is { } automerge)
                Run(connection, FormattableString.Invariant($"INSERT INTO fts(fts, rank) VALUES('automerge', {automerge})"));
            if (tuning.CrisisMerge is { } crisismerge)
                Run(connection, FormattableString.Invariant($"INSERT INTO fts(fts, rank) VALUES('crisismerge', {crisismerge})"));
            Run(connection, "CREATE TABLE docs(rowid INTEGER PRIMARY KEY, year INTEGER)");
            Run(connection, "CREATE TABLE doc_group(doc INTEGER NOT NULL, value TEXT NOT NULL, PRIMARY KEY(doc, value)) WITHOUT ROWID");
            Run(connection, "CREATE TABLE doc_speaker(doc INTEGER NOT NULL, value TEXT NOT NULL, PRIMARY KEY(doc, value)) WITHOUT ROWID");
            using (var transaction = connection.BeginTransaction())
            {
                using var insertText = Command(connection, transaction, "INSERT INTO fts(rowid, id, title, body) VALUES ($r, $id, $t, $b)", "$r", "$id", "$t", "$b");
                using var insertDoc = Command(connection, transaction, "INSERT INTO docs(rowid, year) VALUES ($r, $y)", "$r", "$y");
                using var insertGroup = Command(connection, transaction, "INSERT OR IGNORE INTO doc_group(doc, value) VALUES ($r, $v)", "$r", "$v");
                using var insertSpeaker = Command(connection, transaction, "INSERT OR IGNORE INTO doc_speaker(doc, value) VALUES ($r, $v)", "$r", "$v");
                long rowid = 0;
                foreach (var article in articles)
                {
                    rowid++;
                    Bind(insertText, rowid, article.Id, article.Title, article.Body);
                    insertText.ExecuteNonQuery();
                    Bind(insertDoc, rowid, article.Values(FacetNames.Year).FirstOrDefault() is { } y ? int.Parse(y, CultureInfo.InvariantCulture) : DBNull.Value);
                    insertDoc.ExecuteNonQuery();
                    foreach (var group in article.Values(FacetNames.Group))
                    {
                        Bind(insertGroup, rowid, group);
                        insertGroup.ExecuteNonQuery();
                    }
                    foreach (var speaker in article.Values(FacetNames.Speaker))
                    {
                        Bind(insertSpeaker, rowid, speaker);
                        insertSpeaker.ExecuteNonQuery();
                    }
                }
                transaction.Commit();
            }
            if (tuning.Optimize)
                Run(connection, "INSERT INTO fts(fts) VALUES('optimize')");
            if (!tuning.UnjournaledBuild)
                Run(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Opens a database <see cref="Build"/> made, for querying with <paramref name="tuning"/>'s query settings.</summary>
    public static Fts5Index Open(string path, Fts5Tuning tuning, float titleWeight) =>
        new(Connect(path), path, tuning, titleWeight);

    /// <summary>The SQLite library version in use.</summary>
    public string Version
    {
        get
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT sqlite_version()";
            return (string)command.ExecuteScalar()!;
        }
    }

    /// <summary>Bytes on disk (database plus write-ahead log).</summary>
    public long SizeBytes =>
        new[] { Path, Path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    /// <summary>How many articles match.</summary>
    public int Count(string match) => Scalar(_count, match);

    /// <summary>Top 10 by BM25 (ids and titles, in <paramref name="sink"/>) and the total count, as a results page needs.</summary>
    public int Top(string match, List<string> sink)
    {
        ReadTop(_top, match, sink, highlighted: false);
        return Scalar(_count, match);
    }

    /// <summary>Top 10, total, and the top 10 values of the group, speaker and year facets over all matches.</summary>
    public int TopWithFacets(string match, List<string> sink, bool highlighted)
    {
        var total = CountFacets(match, sink);
        ReadTop(highlighted ? _topHighlighted : _top, match, sink, highlighted);
        return total;
    }

    /// <summary>The ids of the top 10 in rank order (for comparing variants).</summary>
    public IReadOnlyList<string> TopIds(string match)
    {
        var sink = new List<string>();
        ReadTop(_top, match, sink, highlighted: false);
        return sink.Where((_, i) => i % 2 == 0).ToArray();
    }

    public void Dispose()
    {
        foreach (var command in _facetStatements.Append(_count).Append(_top).Append(_topHighlighted).Distinct())
            command.Dispose();
        _connection.Dispose();
    }

    private int CountFacets(string match, List<string> sink)
    {
        switch (_tuning.Facets)
        {
            case Fts5FacetPlan.TempTable:
                _facetStatements[0].ExecuteNonQuery();
                _facetStatements[1].Parameters[0].Value = match;
                _facetStatements[1].ExecuteNonQuery();
                var total = Convert.ToInt32(_facetStatements[2].ExecuteScalar(), CultureInfo.InvariantCulture);
                foreach (var facet in _facetStatements[3..])
                    ReadFacet(facet, null, sink);
                return total;
            case Fts5FacetPlan.PerFacet:
                var count = Scalar(_count, match);
                foreach (var facet in _facetStatements[1..])
                    ReadFacet(facet, match, sink);
                return count;
            default:
                var statement = _facetStatements[0];
                statement.Parameters[0].Value = match;
                using (var reader = statement.ExecuteReader())
                {
                    // The first row is the count; the facet rows follow.
                    reader.Read();
                    var matches = reader.GetInt32(1);
                    while (reader.Read())
                        sink.Add(reader.GetValue(0).ToString() ?? "");
                    return matches;
                }
        }
    }

    private static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void ReadTop(SqliteCommand command, string match, List<string> sink, bool highlighted)
    {
        command.Parameters[0].Value = match;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            sink.Add(reader.GetString(0));
            sink.Add(reader.GetString(1));
            if (highlighted)
                sink.Add(reader.GetString(2));
        }
    }

    private static void ReadFacet(SqliteCommand command, string? match, List<string> sink)
    {
        if (match is not null)
            command.Parameters[0].Value = match;
        using var reader = command.ExecuteReader();
        while (reader.Read())
            sink.Add(reader.GetValue(0).ToString() ?? "");
    }

    private static int Scalar(SqliteCommand command, string match)
    {
        command.Parameters[0].Value = match;
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        if (sql.Contains("$q", StringComparison.Ordinal))
            command.Parameters.Add(new SqliteParameter("$q", ""));
        command.Prepare();
        return command;
    }

    private void Execute(string sql) => Run(_connection, sql);

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i];
    }
}
