namespace Search.Core;

/// <summary>
/// Words an article attributes to a person: a quotation or reported speech ("said that …"). The
/// index keeps each statement as its own searchable unit, written and deleted with its article.
/// </summary>
/// <param name="Speaker">The speaker's normalised full name, as in the article's <c>speaker</c> facet.</param>
/// <param name="Words">What the speaker said: the quoted words, or the reported clause.</param>
/// <param name="Sentence">The sentence (or sentences, for a quotation that runs on) the words stand in.</param>
/// <param name="Position">The statement's order in the article, from 0.</param>
public sealed record Statement(string Speaker, string Words, string Sentence, int Position);
