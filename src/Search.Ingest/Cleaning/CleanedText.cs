namespace Search.Ingest.Cleaning;

/// <summary>Scraped text with the boilerplate removed.</summary>
/// <param name="Title">The headline, or <c>null</c> when the text starts directly with body sentences.</param>
/// <param name="Body">The article paragraphs, separated by blank lines.</param>
/// <param name="Datelines">
/// Lines taken out of the text because they state when it was published: leading date lines and
/// "Published:/Updated:/Posted on" lines, in text order. Year extraction reads only these and the body.
/// </param>
public sealed record CleanedText(string? Title, string Body, IReadOnlyList<string> Datelines);
