using System.Globalization;
using System.Text;

namespace Search.Ingest.Evaluation;

/// <summary>Counts for one set-valued facet, micro-averaged over files.</summary>
/// <param name="TruePositives">Extracted values that match a label.</param>
/// <param name="FalsePositives">Extracted values no label matches.</param>
/// <param name="FalseNegatives">Labelled values nothing extracted matches.</param>
public sealed record FacetScore(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>TP / (TP + FP); 1 when nothing was extracted (no false claims).</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 1 when nothing was labelled.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>How well the publication year was found.</summary>
/// <param name="Labelled">Files whose label has a year.</param>
/// <param name="Predicted">Files for which a year was extracted.</param>
/// <param name="Correct">Files whose extracted year equals the label.</param>
public sealed record YearScore(int Labelled, int Predicted, int Correct)
{
    /// <summary>Correct / predicted; 1 when no year was predicted (a missing year is not a wrong one).</summary>
    public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;

    /// <summary>Predicted / labelled; 1 when no file has a labelled year.</summary>
    public double Coverage => Labelled == 0 ? 1 : (double)Predicted / Labelled;
}

/// <summary>What went wrong for one labelled file.</summary>
/// <param name="File">The file name from the label.</param>
/// <param name="Errors">Lines such as <c>speaker missing: Nathan Sales</c> or <c>year wrong: 2008 (expected 2018)</c>.</param>
public sealed record FileErrors(string File, IReadOnlyList<string> Errors);

/// <summary>The result of comparing extraction with hand labels.</summary>
/// <param name="Files">How many labelled files were evaluated.</param>
/// <param name="Groups">Group scores.</param>
/// <param name="Speakers">Speaker scores.</param>
/// <param name="Year">Year scores.</param>
/// <param name="Errors">Per-file errors, only for files that have any, in label order.</param>
public sealed record EvaluationReport(int Files, FacetScore Groups, FacetScore Speakers, YearScore Year, IReadOnlyList<FileErrors> Errors)
{
    /// <summary>
    /// How many errors of each <see cref="ExtractionErrorClass"/> the files have, most frequent first.
    /// An unmerged name counts once although it shows as one missing and one extra speaker.
    /// </summary>
    public IReadOnlyDictionary<string, int> ErrorClasses { get; init; } = new Dictionary<string, int>();

    /// <summary>The report as text lines: one score line per facet, the error counts by class, then the errors by file.</summary>
    public string Format()
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"files     {Files}\n");
        builder.Append(CultureInfo.InvariantCulture, $"groups    P={Groups.Precision:F3} R={Groups.Recall:F3} F1={Groups.F1:F3}\n");
        builder.Append(CultureInfo.InvariantCulture, $"speakers  P={Speakers.Precision:F3} R={Speakers.Recall:F3} F1={Speakers.F1:F3}\n");
        builder.Append(CultureInfo.InvariantCulture, $"year      P={Year.Precision:F3} coverage={Year.Coverage:F3} ({Year.Correct} correct, {Year.Predicted} predicted, {Year.Labelled} labelled)\n");
        if (ErrorClasses.Count > 0)
        {
            builder.Append("errors by class\n");
            foreach (var (kind, count) in ErrorClasses)
                builder.Append(CultureInfo.InvariantCulture, $"  {count,4}  {kind}\n");
        }
        foreach (var file in Errors)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{file.File}\n");
            foreach (var error in file.Errors)
                builder.Append(CultureInfo.InvariantCulture, $"  {error}\n");
        }
        return builder.ToString();
    }
}
