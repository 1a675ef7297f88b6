using System.Text.Json;
using Search.Core.Analysis;
using Search.Core.Duplicates;

namespace Search.Core;

/// <summary>
/// An article with the parts of its index entry that depend on its text alone (its body's
/// near-duplicate signature, its evidence as stored, its title and body analysed as its writer
/// analyses them), worked out by <see cref="ArticleWriter.Prepare"/> on any thread, so that a
/// pipeline does this work beside extraction and the writer's one thread does only the writing.
/// Immutable and thread-safe.
/// </summary>
public sealed class PreparedArticle
{
    private PreparedArticle(Article article, bool fingerprinted, BodyFingerprint? fingerprint, string? evidence, Lucene.Net.Analysis.Analyzer? analyzer, AnalyzedText? title, AnalyzedText? body)
    {
        Article = article;
        Fingerprinted = fingerprinted;
        Fingerprint = fingerprint;
        Evidence = evidence;
        AnalyzedWith = analyzer;
        Title = title;
        Body = body;
    }

    /// <summary>The article.</summary>
    public Article Article { get; }

    /// <summary>Whether <see cref="Fingerprint"/> was worked out; a writer that assigns clusters works it out itself otherwise.</summary>
    internal bool Fingerprinted { get; }

    /// <summary>The body's signature, <c>null</c> when the body is too short to have one or it was not worked out.</summary>
    internal BodyFingerprint? Fingerprint { get; }

    /// <summary>The evidence as the index stores it, <c>null</c> when there is none.</summary>
    internal string? Evidence { get; }

    /// <summary>The analyzer <see cref="Title"/> and <see cref="Body"/> were analysed with; a writer uses them only if it is its own.</summary>
    internal Lucene.Net.Analysis.Analyzer? AnalyzedWith { get; }

    /// <summary>The title's tokens, <c>null</c> when the writer is to analyse it.</summary>
    internal AnalyzedText? Title { get; }

    /// <summary>The body's tokens, <c>null</c> when the writer is to analyse it.</summary>
    internal AnalyzedText? Body { get; }

    /// <summary>
    /// The article prepared: with <paramref name="analyzer"/>, its title and body analysed too (for a
    /// writer on another thread); without, left for the writer to analyse as it writes. The body's
    /// signature is worked out only for a writer that assigns near-duplicate clusters.
    /// </summary>
    internal static PreparedArticle Of(Article article, Lucene.Net.Analysis.Analyzer? analyzer, bool fingerprint)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new(article, fingerprint, fingerprint ? BodyFingerprint.Of(article.Body) : null, StoredEvidence(article), analyzer,
            analyzer is null ? null : AnalyzedText.Of(analyzer, SearchSchema.Title, article.Title),
            analyzer is null ? null : AnalyzedText.Of(analyzer, SearchSchema.Body, article.Body));
    }

    /// <summary>
    /// This preparation for <paramref name="article"/>, a copy of the prepared article with other
    /// fields changed (its source, a resolved speaker): what its title, body and evidence share with
    /// the prepared one is reused, the rest worked out again (a changed title or body is analysed by
    /// the writer as it writes).
    /// </summary>
    public PreparedArticle With(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (ReferenceEquals(article, Article))
            return this;
        // Strings and lists compared by reference: a copy made with "with" shares them, and telling an
        // edited body from the same text would cost what fingerprinting it again does.
        var sameBody = ReferenceEquals(article.Body, Article.Body);
        var fingerprint = sameBody || !Fingerprinted ? Fingerprint : BodyFingerprint.Of(article.Body);
        var evidence = ReferenceEquals(article.Evidence, Article.Evidence) ? Evidence : StoredEvidence(article);
        var title = ReferenceEquals(article.Title, Article.Title) ? Title : null;
        return new(article, Fingerprinted, fingerprint, evidence, AnalyzedWith, title, sameBody ? Body : null);
    }

    /// <summary>The article's evidence as the index stores it, <c>null</c> when there is none.</summary>
    internal static string? StoredEvidence(Article article) =>
        article.Evidence.Count > 0 ? JsonSerializer.Serialize(article.Evidence, CoreJson.Evidence.IReadOnlyListFacetEvidence) : null;
}
