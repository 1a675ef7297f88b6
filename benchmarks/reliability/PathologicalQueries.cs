namespace Search.Reliability;

/// <summary>
/// Queries that cost minutes or gigabytes in an engine without bounds: exponential regular
/// expressions, hundreds of fuzzy terms, long patterns, deep nesting, huge ranges and wildcards that
/// match the whole vocabulary. Each must be answered (hits, a 400 naming a limit, or a 503 when the
/// time budget runs out) within the budget.
/// </summary>
public static class PathologicalQueries
{
    /// <summary>The corpus, each with a short name for reports.</summary>
    public static IReadOnlyList<(string Name, string Query)> All { get; } =
    [
        ("regex [ab]*a[ab]{20}", "/[ab]*a[ab]{20}/"),
        ("regex [ab]*a[ab]{16}", "/[ab]*a[ab]{16}/"),
        ("regex [ab]*a[ab]{14}", "/[ab]*a[ab]{14}/"),
        ("regex (.*a){14}.{9}", "/(.*a){14}.{9}/"),
        ("regex a{1000} nested", "/(a{1000}){1000}/"),
        ("regex 250 characters", "/" + string.Concat(Enumerable.Repeat("(ab|cd)*", 31)) + "/"),
        ("regex .* chain", "/" + string.Concat(Enumerable.Repeat(".*", 60)) + "x/"),
        ("200 fuzzy terms", string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{i}~"))),
        ("16 fuzzy terms, edit 2", string.Join(' ', Enumerable.Range(0, 16).Select(i => $"a{i}~2"))),
        ("wildcard *a*b*c*", "*a*b*c*"),
        ("wildcard *", "*"),
        ("wildcard *:*", "*:*"),
        ("wildcard ?*?*?*?*", "?*?*?*?*"),
        ("wildcard 20 ?", "d*a????????????????????"),
        ("prefix a*", "a*"),
        ("range title a..z", "title:[a TO zzzzzzzz]"),
        ("range year huge", "year:[0 TO 2147483647]"),
        ("nesting 400 deep", new string('(', 400) + "a" + new string(')', 400)),
        ("400 OR terms", string.Join(" OR ", Enumerable.Range(0, 400).Select(i => $"w{i}"))),
        ("long phrase slop", "\"" + string.Join(' ', Enumerable.Range(0, 300).Select(i => $"x{i}")) + "\"~100"),
        ("2000 characters", new string('a', 1999) + "*"),
    ];
}
