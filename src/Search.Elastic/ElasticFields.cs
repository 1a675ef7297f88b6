namespace Search.Elastic;

/// <summary>
/// The field names of the cluster's indices: the one place the export (mappings, bulk lines) and the
/// search backend (query DSL) read them from, so the two cannot disagree. Facet fields are named by
/// <see cref="Search.Core.FacetDefinition.Name"/>.
/// </summary>
public static class ElasticFields
{
    /// <summary>The article index's name unless told otherwise.</summary>
    public const string DefaultIndex = "news";

    /// <summary>The title: text, <c>news</c> analyzer, offsets for highlighting.</summary>
    public const string Title = "title";

    /// <summary>The body: text, <c>news</c> analyzer, offsets for highlighting.</summary>
    public const string Body = "body";

    /// <summary>The article's address: keyword, not indexed.</summary>
    public const string Url = "url";

    /// <summary>The byline: keyword.</summary>
    public const string Byline = "byline";

    /// <summary>The source: keyword.</summary>
    public const string Source = "source";

    /// <summary>The publication date: date.</summary>
    public const string Published = "published";

    /// <summary>The near-duplicate cluster: keyword.</summary>
    public const string Cluster = "cluster";

    /// <summary>The content hash: keyword, not indexed.</summary>
    public const string ContentHash = "content_hash";

    /// <summary>The suffix of a word-matchable facet's text sub-field (<c>speaker.words</c>).</summary>
    public const string WordsSuffix = ".words";

    /// <summary>The suffix of the statements index's name (<c>news-statements</c>).</summary>
    public const string StatementsSuffix = "-statements";

    /// <summary>Statement fields, in the separate statements index.</summary>
    public static class Statements
    {
        /// <summary>Who said it: keyword, with a <c>.words</c> text sub-field.</summary>
        public const string Speaker = "speaker";

        /// <summary>What was said: text, <c>news</c> analyzer.</summary>
        public const string Words = "words";

        /// <summary>The whole sentence: text.</summary>
        public const string Sentence = "sentence";

        /// <summary>The article it was said in: keyword.</summary>
        public const string ArticleId = "article_id";

        /// <summary>The article's title: text.</summary>
        public const string Title = "title";

        /// <summary>The article's year: integer.</summary>
        public const string Year = "year";

        /// <summary>The article's groups: keyword array.</summary>
        public const string Group = "group";

        /// <summary>The article's address: keyword.</summary>
        public const string Url = "url";

        /// <summary>The statement's position in the article: integer.</summary>
        public const string Position = "position";
    }
}
