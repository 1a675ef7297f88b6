using Search.Core;

namespace Search.Ingest;

/// <summary>One outcome of reading article files: an <see cref="IngestedArticle"/> or a <see cref="SkippedFile"/>.</summary>
public abstract record IngestResult
{
    private protected IngestResult() { }
}

/// <summary>An article read and extracted from a file.</summary>
/// <param name="Article">The article, with <see cref="Article.Source"/> and <see cref="Article.ContentHash"/> set.</param>
/// <param name="Source">The file and record it came from; <see cref="Article.Source"/> is its text form.</param>
public sealed record IngestedArticle(Article Article, SourceRef Source) : IngestResult;

/// <summary>A file, a folder or one record of a file that could not be read as an article.</summary>
/// <param name="Source">The file (as given) and, for one bad record of a file holding many, its line or position.</param>
/// <param name="Reason">Why it was skipped, as a sentence a person can act on.</param>
public sealed record SkippedFile(SourceRef Source, string Reason) : IngestResult
{
    /// <summary>The source as one line of text: the path, and <c>#</c> with the record number when there is one.</summary>
    public string Path => Source.ToString();
}
