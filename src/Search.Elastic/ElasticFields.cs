namespace Search.Elastic;

/// <summary>
/// The field names of the documents a Search index becomes on Elasticsearch or OpenSearch: the
/// article index and its statements index. The mapping, the bulk files and the query translation
/// all read them from here.
/// </summary>
public static class ElasticFields
{
    /// <summary>The article's headline (text).</summary>
    public const string Title = "title";

    /// <summary>The article's body (text).</summary>
    public const string Body = "body";

    /// <summary>Where the article was published (keyword, stored only).</summary>
    public const string Url = "url";

    /// <summary>Who wrote the article (keyword).</summary>
    public const string Byline = "byline";

    /// <summary>Where the article came from (keyword).</summary>
    public const string Source = "source";

    /// <summary>Publication date (date).</summary>
    public const string Published = "published";

    /// <summary>The near-duplicate cluster (keyword).</summary>
    public const string Cluster = "cluster";

    /// <summary>The content fingerprint (keyword, stored only).</summary>
    public const string ContentHash = "content_hash";

    /// <summary>The sub-field of a word-matchable facet (speaker) analysed as words: <c>speaker.words</c>.</summary>
    public const string WordsSuffix = ".words";

    /// <summary>The statements index is the article index's name with this suffix.</summary>
    public const string StatementsSuffix = "-statements";

    /// <summary>Statements: the speaker's full name (keyword, with <see cref="WordsSuffix"/>).</summary>
    public const string StatementSpeaker = "speaker";

    /// <summary>Statements: what the speaker said (text).</summary>
    public const string StatementWords = "words";

    /// <summary>Statements: the sentence the words stand in (text).</summary>
    public const string StatementSentence = "sentence";

    /// <summary>Statements: the id of the article (keyword).</summary>
    public const string StatementArticleId = "article_id";

    /// <summary>Statements: the article's title (text).</summary>
    public const string StatementTitle = "title";

    /// <summary>Statements: the article's year (integer).</summary>
    public const string StatementYear = "year";

    /// <summary>Statements: the groups the words name (keyword array).</summary>
    public const string StatementGroup = "group";

    /// <summary>Statements: the article's address (keyword, stored only).</summary>
    public const string StatementUrl = "url";

    /// <summary>Statements: the statement's order in its article (integer).</summary>
    public const string StatementPosition = "position";
}
