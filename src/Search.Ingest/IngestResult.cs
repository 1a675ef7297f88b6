using Search.Core;

namespace Search.Ingest;

/// <summary>One outcome of reading article files: an <see cref="IngestedArticle"/> or a <see cref="SkippedFile"/>.</summary>
public abstract record IngestResult
{
    private protected IngestResult() { }
}

/// <summary>An article read and extracted from a file.</summary>
/// <param name="Article">The article, with <see cref="Article.Source"/> and <see cref="Article.ContentHash"/> set.</param>
public sealed record IngestedArticle(Article Article) : IngestResult;

/// <summary>A file (or one line of a JSON Lines file) that could not be read as an article.</summary>
/// <param name="Path">The file path as given; for a bad JSON line, the path followed by <c>#</c> and the line number.</param>
/// <param name="Reason">Why it was skipped, as a sentence a person can act on.</param>
public sealed record SkippedFile(string Path, string Reason) : IngestResult;
