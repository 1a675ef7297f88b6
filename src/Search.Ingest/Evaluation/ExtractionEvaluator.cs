using System.Globalization;
using Search.Core;
using Search.Ingest.Extraction;

namespace Search.Ingest.Evaluation;

/// <summary>
/// Compares extracted articles with hand labels. Labels are matched to articles by file name, and
/// records of a JSON Lines file by file name, <c>#</c> and line number.
/// Groups match when their canonical names are equal (labels are canonicalised through the same
/// table); speakers match when they name the same person (<see cref="PersonNames.SamePerson"/>).
/// A labelled file with no article counts all its labels as missed.
/// </summary>
public sealed class ExtractionEvaluator
{
    private readonly GroupAliasTable _table;

    /// <summary>Creates an evaluator that canonicalises label groups through <paramref name="table"/>.</summary>
    public ExtractionEvaluator(GroupAliasTable table) => _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <summary>Scores <paramref name="articles"/> against <paramref name="labels"/>.</summary>
    public EvaluationReport Evaluate(IEnumerable<ExtractionLabel> labels, IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(articles);
        var byFile = new Dictionary<string, Article>(StringComparer.OrdinalIgnoreCase);
        foreach (var article in articles)
            byFile.TryAdd(FileNameOf(article), article);

        int gTp = 0, gFp = 0, gFn = 0, sTp = 0, sFp = 0, sFn = 0, yLabelled = 0, yPredicted = 0, yCorrect = 0, files = 0;
        var errors = new List<FileErrors>();
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            files++;
            var fileErrors = new List<string>();
            byFile.TryGetValue(Path.GetFileName(label.File), out var article);
            if (article is null)
                fileErrors.Add("no article was read from this file");

            var goldGroups = label.Groups.Select(g => _table.Canonicalize(g) ?? g).Distinct().ToList();
            var (tp, fp, fn, missed, extra) = Compare(goldGroups, article?.Values(FacetNames.Group) ?? [], (a, b) => a == b, "group", fileErrors);
            gTp += tp; gFp += fp; gFn += fn;
            Count(classes, ExtractionErrorClass.MissedGroupAlias, missed.Count);
            Count(classes, ExtractionErrorClass.WrongGroupMatch, extra.Count);

            (tp, fp, fn, missed, extra) = Compare(label.Speakers, article?.Values(FacetNames.Speaker) ?? [], PersonNames.SamePerson, "speaker", fileErrors);
            sTp += tp; sFp += fp; sFn += fn;
            foreach (var name in missed)
                Count(classes, ExtractionErrorClass.Speaker(name, missing: true, extra), 1);
            // An unmerged pair is one error, already counted from its missing side.
            foreach (var name in extra)
            {
                var kind = ExtractionErrorClass.Speaker(name, missing: false, missed);
                if (kind != ExtractionErrorClass.UnmergedName)
                    Count(classes, kind, 1);
            }

            int? predictedYear = int.TryParse(article?.Values(FacetNames.Year).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
            if (label.Year is not null)
                yLabelled++;
            if (predictedYear is { } year)
            {
                yPredicted++;
                if (year == label.Year)
                    yCorrect++;
                else
                {
                    fileErrors.Add(label.Year is { } expected ? $"year wrong: {Text(year)} (expected {Text(expected)})" : $"year extra: {Text(year)}");
                    Count(classes, ExtractionErrorClass.Year(article), 1);
                }
            }
            else if (label.Year is { } expected)
            {
                fileErrors.Add($"year missing: {Text(expected)}");
                Count(classes, label.YearStatedInText == false ? ExtractionErrorClass.DateNotInText : ExtractionErrorClass.MissedDatePattern, 1);
            }
            if (fileErrors.Count > 0)
                errors.Add(new FileErrors(label.File, fileErrors));
        }
        return new EvaluationReport(files, new FacetScore(gTp, gFp, gFn), new FacetScore(sTp, sFp, sFn), new YearScore(yLabelled, yPredicted, yCorrect), errors)
        {
            ErrorClasses = classes.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// The file name an article is matched by: that of its source path, else of its id. A record of a
    /// JSON Lines file or array keeps its number ("feed.jsonl#2"), as its label names it.
    /// </summary>
    internal static string FileNameOf(Article article)
    {
        var path = article.Source ?? article.Id;
        var hash = path.LastIndexOf('#');
        var isRecord = hash > 0 && hash < path.Length - 1 && path[(hash + 1)..].All(char.IsAsciiDigit);
        return isRecord ? Path.GetFileName(path[..hash]) + path[hash..] : Path.GetFileName(path);
    }

    private static void Count(Dictionary<string, int> classes, string kind, int count)
    {
        if (count > 0)
            classes[kind] = classes.GetValueOrDefault(kind) + count;
    }

    private static (int Tp, int Fp, int Fn, List<string> Missed, List<string> Extra) Compare(IReadOnlyList<string> gold, IReadOnlyList<string> predicted, Func<string, string, bool> same, string facet, List<string> errors)
    {
        var unmatched = predicted.ToList();
        var missed = new List<string>();
        var tp = 0;
        foreach (var expected in gold)
        {
            var index = unmatched.FindIndex(p => same(expected, p));
            if (index >= 0)
            {
                unmatched.RemoveAt(index);
                tp++;
            }
            else
            {
                errors.Add($"{facet} missing: {expected}");
                missed.Add(expected);
            }
        }
        errors.AddRange(unmatched.Select(p => $"{facet} extra: {p}"));
        return (tp, unmatched.Count, gold.Count - tp, missed, unmatched);
    }

    private static string Text(int year) => year.ToString(CultureInfo.InvariantCulture);
}
