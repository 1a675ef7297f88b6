namespace Search.Ingest.Reading;

/// <summary>A file or record that cannot be read, with a sentence saying why; the reader reports it as a skip.</summary>
internal sealed class ArticleReadException(string reason) : Exception(reason);
