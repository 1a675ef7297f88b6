using System.Globalization;
using System.Text;
using System.Text.Json;
using Search.Core;
using Search.Ingest.Extraction;

namespace Search.Ingest.Evaluation;

/// <summary>
/// Scores extracted statements against hand-labelled ones (the <c>statements</c> of each label:
/// <c>[{"speaker": …, "words": …}]</c>). A statement matches a label when the speakers are the same
/// person (<see cref="PersonNames.SamePerson"/>) and the words overlap substantially: at least
/// <see cref="MinOverlap"/> of the label's words are among the statement's words and at least as
/// large a share of the statement's words are among the label's (words compared lower-cased, letters
/// and digits only). Each label matches at most one statement and the other way round.
/// </summary>
public static class StatementEvaluator
{
    /// <summary>The share of words two statements must have in common, each way, to match.</summary>
    public const double MinOverlap = 0.5;

    /// <summary>Reads the statement labels of a labels file, by file name; labels without <c>statements</c> are left out.</summary>
    /// <exception cref="SearchException">The file cannot be read or a line is not JSON.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<LabelledStatement>> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var labels = new Dictionary<string, IReadOnlyList<LabelledStatement>>(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (var line in File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (!root.TryGetProperty("file", out var file) || file.GetString() is not { } name
                    || !root.TryGetProperty("statements", out var statements) || statements.ValueKind != JsonValueKind.Array)
                    continue;
                labels[Path.GetFileName(name)] = statements.EnumerateArray()
                    .Select(s => new LabelledStatement(s.GetProperty("speaker").GetString() ?? "", s.GetProperty("words").GetString() ?? ""))
                    .ToArray();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new SearchException($"Cannot read the statement labels in '{path}': {e.Message}", e);
        }
        return labels;
    }

    /// <summary>Scores the statements of <paramref name="articles"/> against the labels of their files.</summary>
    public static StatementScore Evaluate(IReadOnlyDictionary<string, IReadOnlyList<LabelledStatement>> labels, IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(articles);
        var byFile = new Dictionary<string, Article>(StringComparer.OrdinalIgnoreCase);
        foreach (var article in articles)
            byFile.TryAdd(ExtractionEvaluator.FileNameOf(article), article);
        int tp = 0, fp = 0, fn = 0;
        var errors = new List<FileErrors>();
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (file, gold) in labels)
        {
            var found = byFile.TryGetValue(file, out var article) ? article.Statements : [];
            var unmatched = found.ToList();
            var missing = new List<LabelledStatement>();
            foreach (var label in gold)
            {
                var match = unmatched.FirstOrDefault(s => Matches(label, s));
                if (match is null)
                {
                    fn++;
                    missing.Add(label);
                    continue;
                }
                tp++;
                unmatched.Remove(match);
            }
            fp += unmatched.Count;
            var fileErrors = new List<string>();
            var explained = new HashSet<Statement>();
            foreach (var label in missing)
            {
                var (kind, cause) = Classify(label, found, unmatched, article is null ? "" : article.Title + "\n" + article.Body);
                if (cause is not null)
                    explained.Add(cause);
                classes[kind] = classes.GetValueOrDefault(kind) + 1;
                fileErrors.Add($"statement missing ({kind}): {label.Speaker}: \"{label.Words}\"");
            }
            foreach (var extra in unmatched)
            {
                // An extra that explains a missing one (its words cut differently, its speaker wrong) is that one error, counted once.
                if (!explained.Contains(extra))
                    classes[ExtractionErrorClass.StatementExtra] = classes.GetValueOrDefault(ExtractionErrorClass.StatementExtra) + 1;
                fileErrors.Add($"statement extra: {extra.Speaker}: \"{extra.Words}\"");
            }
            if (fileErrors.Count > 0)
                errors.Add(new FileErrors(file, fileErrors));
        }
        return new StatementScore(new FacetScore(tp, fp, fn), errors)
        {
            ErrorClasses = classes.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// Why a labelled statement was missed: its words under another speaker; its speaker credited with
    /// words that share some of the label's, or with a sentence that holds them; its speaker not named on
    /// the line of its words; or none of these.
    /// </summary>
    /// <param name="label">The missed statement.</param>
    /// <param name="found">Every statement extracted from the article.</param>
    /// <param name="unmatched">The extracted statements that matched no label.</param>
    /// <param name="text">The article's title and body.</param>
    /// <returns>The class, and the unmatched statement that explains it (<c>null</c> when none does).</returns>
    internal static (string Class, Statement? Cause) Classify(LabelledStatement label, IReadOnlyList<Statement> found, IReadOnlyList<Statement> unmatched, string text)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(unmatched);
        ArgumentNullException.ThrowIfNull(text);
        var gold = Words(label.Words);
        if (unmatched.FirstOrDefault(s => !PersonNames.SamePerson(label.Speaker, s.Speaker) && Matches(label with { Speaker = s.Speaker }, s)) is { } other)
            return (ExtractionErrorClass.StatementOtherSpeaker, other);
        if (unmatched.FirstOrDefault(s => PersonNames.SamePerson(label.Speaker, s.Speaker) && Words(s.Words).Any(gold.Contains)) is { } cut)
            return (ExtractionErrorClass.StatementBounds, cut);
        if (found.Any(s => PersonNames.SamePerson(label.Speaker, s.Speaker) && s.Sentence.Contains(label.Words, StringComparison.Ordinal)))
            return (ExtractionErrorClass.StatementBounds, null);
        var at = text.IndexOf(label.Words, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            return (ExtractionErrorClass.StatementNotCredited, null);
        var lineStart = text.LastIndexOf('\n', at) + 1;
        var lineEnd = text.IndexOf('\n', at);
        var line = text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)];
        var surname = PersonNames.Words(label.Speaker) is [.., var last] ? last : "";
        return Words(line).Contains(surname) ? (ExtractionErrorClass.StatementNotCredited, null) : (ExtractionErrorClass.StatementSpeakerNamedElsewhere, null);
    }

    /// <summary>Whether an extracted statement is the labelled one (see the type's summary for the rule).</summary>
    public static bool Matches(LabelledStatement label, Statement statement)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(statement);
        if (!PersonNames.SamePerson(label.Speaker, statement.Speaker))
            return false;
        var gold = Words(label.Words);
        var found = Words(statement.Words);
        if (gold.Count == 0 || found.Count == 0)
            return false;
        var common = gold.Count(found.Contains);
        return common >= MinOverlap * gold.Count && found.Count(gold.Contains) >= MinOverlap * found.Count;
    }

    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        return words;
    }
}

/// <summary>A hand-labelled statement.</summary>
/// <param name="Speaker">Who said it.</param>
/// <param name="Words">What they said.</param>
public sealed record LabelledStatement(string Speaker, string Words);

/// <summary>How well statements were found.</summary>
/// <param name="Score">Matched, extra and missed statements.</param>
/// <param name="Errors">The extra and missed statements, file by file.</param>
public sealed record StatementScore(FacetScore Score, IReadOnlyList<FileErrors> Errors)
{
    /// <summary>How many errors fall in each class of <see cref="ExtractionErrorClass"/>'s statement classes, most frequent first.</summary>
    public IReadOnlyDictionary<string, int> ErrorClasses { get; init; } = new Dictionary<string, int>();

    /// <summary>The score as the report prints it, with the errors when asked.</summary>
    public string Format(bool withErrors = true)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"statements  precision {Score.Precision:0.000}  recall {Score.Recall:0.000}  F1 {Score.F1:0.000}  (tp {Score.TruePositives}, fp {Score.FalsePositives}, fn {Score.FalseNegatives}; same speaker and ≥{StatementEvaluator.MinOverlap:0%} of words shared each way)"));
        if (withErrors && ErrorClasses.Count > 0)
        {
            text.AppendLine("statement errors by class");
            foreach (var (kind, count) in ErrorClasses)
                text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {count,4}  {kind}"));
        }
        if (withErrors)
        {
            foreach (var file in Errors)
            {
                text.AppendLine(file.File);
                foreach (var error in file.Errors)
                    text.AppendLine("  " + error);
            }
        }
        return text.ToString();
    }
}
