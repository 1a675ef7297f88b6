using System.Globalization;
using System.Text.Json;
using Search.Core;
using Search.Ingest.Evaluation;
using Search.Ingest.Reading;
using Xunit.Abstractions;

namespace Search.Ingest.Tests.Evaluation;

/// <summary>
/// The development set (DevSet/*.txt, written in our own words after real scraped pages) is ground
/// truth for the extraction rules, so its labels must agree with its files before any score means anything.
/// </summary>
public sealed class DevSetTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "DevSet");

    private static readonly JsonElement[] Labels = File.ReadLines(Path.Combine(Folder, "labels.jsonl"))
        .Where(line => !string.IsNullOrWhiteSpace(line))
        .Select(line => JsonDocument.Parse(line).RootElement.Clone())
        .ToArray();

    [Fact]
    public void DevSet_Labels_MatchFilesOneToOne()
    {
        var files = Directory.GetFiles(Folder, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var labelled = Labels.Select(l => l.GetProperty("file").GetString()).Order(StringComparer.Ordinal).ToArray();

        Assert.True(files.Length >= 60, $"The development set has {files.Length} articles; it needs at least 60.");
        Assert.Equal(files, labelled);
    }

    [Fact]
    public void DevSet_Labels_AreConsistentWithTheirText()
    {
        var canonical = GroupAliasTable.Default.Groups.Select(g => g.Canonical).ToHashSet(StringComparer.Ordinal);
        foreach (var label in Labels)
        {
            var file = label.GetProperty("file").GetString()!;
            var text = File.ReadAllText(Path.Combine(Folder, file));
            var speakers = Strings(label, "speakers");
            var year = label.GetProperty("year") is { ValueKind: JsonValueKind.Number } y ? y.GetInt32() : (int?)null;

            Assert.All(Strings(label, "groups"), g => Assert.True(canonical.Contains(g), $"{file}: '{g}' is not a canonical group name."));
            Assert.Equal(year is not null, label.GetProperty("year_stated_in_text").GetBoolean());
            if (year is { } stated)
                Assert.Contains(stated.ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
            if (label.GetProperty("published") is { ValueKind: JsonValueKind.String } published)
                Assert.Equal(year, DateOnly.ParseExact(published.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture).Year);

            var statements = label.GetProperty("statements").EnumerateArray().ToArray();
            foreach (var statement in statements)
            {
                var speaker = statement.GetProperty("speaker").GetString()!;
                var words = statement.GetProperty("words").GetString()!;
                Assert.True(speakers.Contains(speaker), $"{file}: statement by '{speaker}', who is not among the speakers.");
                Assert.True(text.Contains(words, StringComparison.Ordinal), $"{file}: the words '{words}' are not in the text.");
            }
            Assert.All(speakers, s => Assert.True(statements.Any(st => st.GetProperty("speaker").GetString() == s), $"{file}: speaker '{s}' has no statement."));
        }
    }

    [Fact]
    public void DevSet_WhenExtracted_EveryLabelledFileIsRead()
    {
        var labels = ExtractionLabel.Load(Path.Combine(Folder, "labels.jsonl"));
        var articles = new ArticleFileReader().Read(Directory.GetFiles(Folder, "*.txt").Order(StringComparer.Ordinal))
            .OfType<IngestedArticle>().Select(r => r.Article).ToList();

        var report = new ExtractionEvaluator(GroupAliasTable.Default).Evaluate(labels, articles);

        // The figures are the development yardstick for the rules, not a gate; print them for the log.
        output.WriteLine(report.Format());
        Assert.Equal(labels.Count, articles.Count);
        Assert.DoesNotContain(report.Errors, e => e.Errors.Contains("no article was read from this file"));
    }

    private static string[] Strings(JsonElement label, string name) =>
        label.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();
}
