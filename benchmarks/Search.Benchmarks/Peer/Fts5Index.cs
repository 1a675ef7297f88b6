using System.Globalization;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Search.Core;

namespace Search.Benchmarks.Peer;

/// <summary>
/// The peer the library is compared with: SQLite FTS5 over the same articles, with the Porter
/// tokenizer, BM25 ranking with the same title weight, <c>snippet()</c> for passages and GROUP BY
/// over side tables for facet counts. Statements are prepared once and reused, as an application
/// would.
/// </summary>
internal sealed class Fts5Index : IDisposable
{
    private const int TopN = 10;
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _count;
    private readonly SqliteCommand _top;
    private readonly SqliteCommand _topHighlighted;
    private readonly SqliteCommand _clearMatches;
    private readonly SqliteCommand _fillMatches;
    private readonly SqliteCommand _countMatches;
    private readonly SqliteCommand _groupFacet;
    private readonly SqliteCommand _speakerFacet;
    private readonly SqliteCommand _yearFacet;

    private Fts5Index(SqliteConnection connection, float titleWeight)
    {
        _connection = connection;
        Execute("CREATE TEMP TABLE IF NOT EXISTS m(rowid INTEGER PRIMARY KEY)");
        var rank = FormattableString.Invariant($"bm25(fts, 0.0, {titleWeight}, 1.0)");
        _count = Prepare("SELECT count(*) FROM fts WHERE fts MATCH $q");
        _top = Prepare($"SELECT id, title, {rank} AS score FROM fts WHERE fts MATCH $q ORDER BY score LIMIT {TopN}");
        _topHighlighted = Prepare($"SELECT id, highlight(fts, 1, '<b>', '</b>'), snippet(fts, 2, '<b>', '</b>', '…', 40), {rank} AS score FROM fts WHERE fts MATCH $q ORDER BY score LIMIT {TopN}");
        _clearMatches = Prepare("DELETE FROM m");
        _fillMatches = Prepare("INSERT INTO m(rowid) SELECT rowid FROM fts WHERE fts MATCH $q");
        _countMatches = Prepare("SELECT count(*) FROM m");
        _groupFacet = Prepare($"SELECT g.value, count(*) AS c FROM m JOIN doc_group g ON g.doc = m.rowid GROUP BY g.value ORDER BY c DESC, g.value LIMIT {TopN}");
        _speakerFacet = Prepare($"SELECT s.value, count(*) AS c FROM m JOIN doc_speaker s ON s.doc = m.rowid GROUP BY s.value ORDER BY c DESC, s.value LIMIT {TopN}");
        _yearFacet = Prepare($"SELECT d.year, count(*) AS c FROM m JOIN docs d ON d.rowid = m.rowid WHERE d.year IS NOT NULL GROUP BY d.year ORDER BY c DESC, d.year LIMIT {TopN}");
    }

    /// <summary>The database file.</summary>
    public required string Path { get; init; }

    /// <summary>Creates the database at <paramref name="path"/> and loads the articles in one transaction.</summary>
    public static (Fts5Index Index, TimeSpan BuildTime) Build(IEnumerable<Article> articles, string path, float titleWeight)
    {
        if (File.Exists(path))
            File.Delete(path);
        var started = Stopwatch.GetTimestamp();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Run(connection, "PRAGMA journal_mode=WAL");
        Run(connection, "PRAGMA synchronous=NORMAL");
        Run(connection, "CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, title, body, tokenize='porter unicode61 remove_diacritics 2')");
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
        Run(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        return (new Fts5Index(connection, titleWeight) { Path = path }, Stopwatch.GetElapsedTime(started));
    }

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

    /// <summary>Top 10 by BM25 (ids and titles) and the total count, as a results page needs.</summary>
    public int Top(string match, List<string> ids)
    {
        ReadTop(_top, match, ids, highlighted: false);
        return Scalar(_count, match);
    }

    /// <summary>Top 10, total, and the top 10 values of the group, speaker and year facets over all matches.</summary>
    public int TopWithFacets(string match, List<string> ids, bool highlighted)
    {
        _clearMatches.ExecuteNonQuery();
        _fillMatches.Parameters[0].Value = match;
        _fillMatches.ExecuteNonQuery();
        var total = Convert.ToInt32(_countMatches.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        ReadTop(highlighted ? _topHighlighted : _top, match, ids, highlighted);
        ReadFacet(_groupFacet, ids);
        ReadFacet(_speakerFacet, ids);
        ReadFacet(_yearFacet, ids);
        return total;
    }

    public void Dispose()
    {
        foreach (var command in new[] { _count, _top, _topHighlighted, _clearMatches, _fillMatches, _countMatches, _groupFacet, _speakerFacet, _yearFacet })
            command.Dispose();
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
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

    private static void ReadFacet(SqliteCommand command, List<string> sink)
    {
        using var reader = command.ExecuteReader();
        while (reader.Read())
            sink.Add(reader.GetValue(0).ToString() ?? "");
    }

    private static int Scalar(SqliteCommand command, string match)
    {
        command.Parameters[0].Value = match;
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
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
