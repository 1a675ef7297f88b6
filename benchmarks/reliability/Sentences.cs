namespace Search.Reliability;

/// <summary>What counts as an error message a person can read: a sentence, not a stack trace or a code.</summary>
public static class Sentences
{
    /// <summary>
    /// Whether <paramref name="text"/> starts with a capital letter (or quotes the value it is about),
    /// ends with a full stop and holds no stack trace or exception name.
    /// </summary>
    public static bool IsSentence(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && (char.IsUpper(text.TrimStart()[0]) || text.TrimStart()[0] == '\'')
        && text.TrimEnd().EndsWith('.')
        && !text.Contains("   at ", StringComparison.Ordinal)
        && !text.Contains("Exception", StringComparison.Ordinal);
}
