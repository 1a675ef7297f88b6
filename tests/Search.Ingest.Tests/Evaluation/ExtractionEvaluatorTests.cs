using Search.Core;
using Search.Ingest.Evaluation;

namespace Search.Ingest.Tests.Evaluation;

public sealed class ExtractionEvaluatorTests
{
    private static readonly ExtractionEvaluator Evaluator = new(GroupAliasTable.Default);

    private static Article Article(string file, string[] groups, string[] speakers, int? year) =>
        new() { Id = file, Source = "/data/" + file, Facets = new Dictionary<string, IReadOnlyList<string>> { ["group"] = groups, ["speaker"] = speakers, ["year"] = year is { } y ? [y.ToString()] : [] } };

    [Fact]
    public void Evaluator_WhenMixedResults_MicroAveragesCounts()
    {
        ExtractionLabel[] labels =
        [
            new("a.txt", null, ["LeT", "Jaish-e-Mohammed"], ["Matthew Miller", "Donald Lu"], 2023),
            new("b.txt", null, [], ["Mark Toner"], 2016),
            new("c.txt", null, ["Taliban"], [], null),
        ];
        Article[] articles =
        [
            Article("a.txt", ["Lashkar-e-Taiba", "Hamas"], ["Matt Miller"], 2023),
            Article("b.txt", [], ["Toner", "Sajid Mir"], 2008),
            Article("c.txt", ["Taliban"], [], 2020),
        ];

        var report = Evaluator.Evaluate(labels, articles);

        Assert.Equal(new FacetScore(2, 1, 1), report.Groups);
        Assert.Equal(new FacetScore(2, 1, 1), report.Speakers);
        Assert.Equal(new YearScore(Labelled: 2, Predicted: 3, Correct: 1), report.Year);
        Assert.Equal(2.0 / 3, report.Groups.Precision, 9);
        Assert.Equal(2.0 / 3, report.Groups.Recall, 9);
        Assert.Equal(2.0 / 3, report.Groups.F1, 9);
        Assert.Equal(1.0 / 3, report.Year.Precision, 9);
        Assert.Equal(1.5, report.Year.Coverage, 9);
        Assert.Equal(
            [
                new FileErrors("a.txt", ["group missing: Jaish-e-Mohammed", "group extra: Hamas", "speaker missing: Donald Lu"]),
                new FileErrors("b.txt", ["speaker extra: Sajid Mir", "year wrong: 2008 (expected 2016)"]),
                new FileErrors("c.txt", ["year extra: 2020"]),
            ],
            report.Errors,
            (x, y) => x.File == y.File && x.Errors.SequenceEqual(y.Errors));
    }

    [Fact]
    public void Evaluator_WhenLabelHasNoArticle_CountsAllAsMissed()
    {
        var report = Evaluator.Evaluate([new ExtractionLabel("gone.txt", null, ["LeT"], ["Donald Lu"], 2022)], []);

        Assert.Equal(new FacetScore(0, 0, 1), report.Groups);
        Assert.Equal(new FacetScore(0, 0, 1), report.Speakers);
        Assert.Equal(new YearScore(1, 0, 0), report.Year);
        Assert.Equal("no article was read from this file", report.Errors.Single().Errors[0]);
    }

    [Fact]
    public void Evaluator_WhenJsonlRecords_MatchesLabelsByFileAndLine()
    {
        ExtractionLabel[] labels =
        [
            new("feed.jsonl#1", null, ["LeT"], [], null),
            new("feed.jsonl#3", null, ["Taliban"], [], null),
        ];
        Article[] articles =
        [
            new() { Id = "wire-9", Source = "/data/feed.jsonl#3", Facets = new Dictionary<string, IReadOnlyList<string>> { ["group"] = ["Taliban"] } },
            new() { Id = "wire-7", Source = "/data/feed.jsonl#1", Facets = new Dictionary<string, IReadOnlyList<string>> { ["group"] = ["Lashkar-e-Taiba"] } },
        ];

        var report = Evaluator.Evaluate(labels, articles);

        Assert.Equal(new FacetScore(2, 0, 0), report.Groups);
        Assert.Empty(report.Errors);
    }

    [Theory]
    [InlineData("/data/feed.jsonl#12", "x", "feed.jsonl#12")]
    [InlineData("/data/a.txt", "a.txt", "a.txt")]
    [InlineData("/data/odd#name.txt", "odd#name.txt", "odd#name.txt")]
    [InlineData(null, "sub/feed.jsonl#4", "feed.jsonl#4")]
    [InlineData(null, "sub/a.txt", "a.txt")]
    public void FileNameOf_KeepsRecordNumberOnly(string? source, string id, string expected)
    {
        var article = new Article { Id = id, Source = source };

        Assert.Equal(expected, ExtractionEvaluator.FileNameOf(article));
    }

    [Fact]
    public void Report_Format_WritesScoreLines()
    {
        var report = new EvaluationReport(2, new FacetScore(19, 0, 1), new FacetScore(3, 1, 0), new YearScore(4, 2, 2), []);

        Assert.Equal(
            "files     2\n" +
            "groups    P=1.000 R=0.950 F1=0.974\n" +
            "speakers  P=0.750 R=1.000 F1=0.857\n" +
            "year      P=1.000 coverage=0.500 (2 correct, 2 predicted, 4 labelled)\n",
            report.Format());
    }

    [Fact]
    public void Labels_WhenSeedFormat_ParsesFields()
    {
        var labels = ExtractionLabel.Parse(new StringReader(
            """{"file": "a.txt", "url": null, "title": null, "groups": ["LeT"], "speakers": ["Donald Lu"], "year": 2022, "notes": "x"}""" + "\n\n"), "labels.jsonl");

        var label = Assert.Single(labels);
        Assert.Equal("a.txt", label.File);
        Assert.Null(label.Title);
        Assert.Equal(["LeT"], label.Groups);
        Assert.Equal(["Donald Lu"], label.Speakers);
        Assert.Equal(2022, label.Year);
    }

    [Fact]
    public void Labels_WhenLineIsNotJson_ThrowsWithLineNumber()
    {
        var error = Assert.Throws<SearchException>(() => ExtractionLabel.Parse(new StringReader("{\"file\": \"a\"}\n{oops"), "labels.jsonl"));

        Assert.StartsWith("labels.jsonl, line 2:", error.Message);
    }
    [Fact]
    public void Evaluator_CountsErrorsByClass()
    {
        ExtractionLabel[] labels =
        [
            new("a.txt", null, ["Lashkar-e-Taiba", "Jaish-e-Mohammed"], ["Asad Majeed Khan", "Donald Lu"], 2023),
            new("b.txt", null, [], ["Mark Toner"], 2016),
            new("c.txt", null, [], [], 2019),
            new("d.txt", null, [], [], 2018) { YearStatedInText = false },
        ];
        Article[] articles =
        [
            Article("a.txt", ["Lashkar-e-Taiba", "Hamas"], ["Majeed", "Chrysler Corp"], 2023),
            Article("b.txt", [], ["Mark Toner", "Sajid Mir"], 2016),
            Article("c.txt", [], [], null),
            Article("d.txt", [], [], null),
        ];

        var report = Evaluator.Evaluate(labels, articles);

        Assert.Equal(
            new Dictionary<string, int>
            {
                ["group matched wrongly"] = 1,
                ["missed date pattern"] = 1,
                ["missed group alias"] = 1,
                ["missed verb pattern"] = 1,
                ["organisation as speaker"] = 1,
                ["person mentioned, not speaking"] = 1,
                ["unmerged name"] = 1,
                ["year not in the text"] = 1,
            },
            report.ErrorClasses);
        Assert.Contains("errors by class\n     1  group matched wrongly\n", report.Format());
    }
}
