using System.Text.Json;
using Search.Core.Duplicates;

namespace Search.Core;

/// <summary>
/// An article with the parts of its index entry that depend on its text alone (its body's
/// near-duplicate signature, its evidence as stored), worked out by <see cref="ArticleWriter.Prepare"/>
/// on any thread, so that a pipeline does this work beside extraction and the writer's one thread
/// does only the writing. Immutable and thread-safe.
/// </summary>
public sealed class PreparedArticle
{
    private PreparedArticle(Article article, BodyFingerprint? fingerprint, string? evidence)
    {
        Article = article;
        Fingerprint = fingerprint;
        Evidence = evidence;
    }

    /// <summary>The article.</summary>
    public Article Article { get; }

    /// <summary>The body's signature, <c>null</c> when the body is too short to have one.</summary>
    internal BodyFingerprint? Fingerprint { get; }

    /// <summary>The evidence as the index stores it, <c>null</c> when there is none.</summary>
    internal string? Evidence { get; }

    internal static PreparedArticle Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new(article, BodyFingerprint.Of(article.Body), StoredEvidence(article));
    }

    /// <summary>
    /// This preparation for <paramref name="article"/>, a copy of the prepared article with other
    /// fields changed (its source, a resolved speaker): what its body and evidence share with the
    /// prepared one is reused, the rest worked out again.
    /// </summary>
    public PreparedArticle With(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (ReferenceEquals(article, Article))
            return this;
        // Strings and lists compared by reference: a copy made with "with" shares them, and telling an
        // edited body from the same text would cost what fingerprinting it again does.
        var fingerprint = ReferenceEquals(article.Body, Article.Body) ? Fingerprint : BodyFingerprint.Of(article.Body);
        var evidence = ReferenceEquals(article.Evidence, Article.Evidence) ? Evidence : StoredEvidence(article);
        return new(article, fingerprint, evidence);
    }

    /// <summary>The article's evidence as the index stores it, <c>null</c> when there is none.</summary>
    internal static string? StoredEvidence(Article article) =>
        article.Evidence.Count > 0 ? JsonSerializer.Serialize(article.Evidence, CoreJson.Evidence.IReadOnlyListFacetEvidence) : null;
}
