using System.Text.Json;
using System.Text.RegularExpressions;

namespace Search.Cli.Tests.Commands;

/// <summary>
/// Every <c>search</c> command the README shows runs here against a copy of the shipped samples and
/// does what the README says, so the first commands a newcomer copies cannot rot.
/// </summary>
public sealed class ReadmeCommandTests : ReadmeCommandChecks
{
    [Fact]
    public void Readme_EveryCommand_DoesWhatTheReadmeSays() => CheckEveryCommand();

    internal override CliRun Run(string[] args, string? input = null) => Cli.Run(args, input, workingDirectory: Repo.Path);
}

/// <summary>
/// The README's commands with what the README says each gives, run by a subclass in one way of running
/// <c>search</c> (in this process, or a native build), in a copy of the repository's samples.
/// </summary>
public abstract partial class ReadmeCommandChecks : IDisposable
{
    internal static readonly string RepositoryRoot = FindRepositoryRoot();
    private static readonly string ReadabilityPages = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpora", "readability", "test-pages"));
    private readonly TempFolder _repo = new();

    /// <summary>The copy of the repository the commands run in: <c>Search.sln</c>, the samples and their labels.</summary>
    internal TempFolder Repo => _repo;

    protected ReadmeCommandChecks()
    {
        _repo.Write("Search.sln", "");
        Directory.CreateDirectory(_repo.Combine("index", "samples"));
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot, "index", "samples")))
            File.Copy(file, _repo.Combine("index", "samples", Path.GetFileName(file)));
        File.Copy(Path.Combine(RepositoryRoot, "index", "labels.jsonl"), _repo.Combine("index", "labels.jsonl"));
    }

    public void Dispose()
    {
        _repo.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs <c>search</c> with <paramref name="args"/> in <see cref="Repo"/>, with <paramref name="input"/> on its standard input.</summary>
    internal abstract CliRun Run(string[] args, string? input = null);

    /// <summary>The README's commands, each with what the README says it gives.</summary>
    private Dictionary<string, Action<string[]>> Expectations() => new()
    {
        ["\"LeT\""] = args =>
        {
            var run = Run(args);
            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith("1. ", run.Output);
            Assert.Contains("Lashkar-e-Taiba", run.Output);
            Assert.Matches(@"\ngroup: +Lashkar-e-Taiba \(\d+\)", run.Output);
            Assert.Contains("\nspeaker: ", run.Output);
            Assert.Contains("\nyear: ", run.Output);
        },
        ["\"Lashkar-e-Taiba\" --speaker \"Alice Wells\" --from 2016 --to 2024"] = args =>
        {
            var run = Run(args);
            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith("1. Hafiz Saeed jailed in terror-financing cases", run.Output);
            Assert.Contains("1 article in", run.Output);
        },
        ["\"sanctions\" --group LeT --group JeM --json"] = args =>
        {
            var run = Run(args);
            Assert.Equal(0, run.ExitCode);
            using var json = JsonDocument.Parse(run.Output);
            Assert.True(json.RootElement.GetProperty("total").GetInt32() > 0);
            Assert.All(json.RootElement.GetProperty("hits").EnumerateArray(), hit =>
                Assert.Contains(hit.GetProperty("facets").GetProperty("group").EnumerateArray().Select(g => g.GetString()),
                    g => g is "Lashkar-e-Taiba" or "Jaish-e-Mohammed"));
        },
        ["index path/to/articles --index my-index"] = args =>
        {
            var first = Run(args);
            var second = Run(args);
            Assert.Equal(0, first.ExitCode);
            Assert.Equal(0, second.ExitCode);
            Assert.Matches(@"Added: [1-9]\d*\n", first.Output);
            Assert.Matches(@"Added: 0\nUpdated: 0\nUnchanged: [1-9]\d*\n", second.Output);
        },
        ["extract path/to/articles --json"] = args =>
        {
            var run = Run(args);
            Assert.Equal(0, run.ExitCode);
            // One JSON document per article, a line each.
            var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length > 40);
            Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
        },
        ["shell"] = args =>
        {
            var run = Run(args, input: "LeT\n:quit\n");
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Lashkar-e-Taiba", run.Output);
        },
        ["similar 2025-trf-fto-designation.txt --json"] = args =>
        {
            var run = Run(args);
            Assert.Equal(0, run.ExitCode);
            using var json = JsonDocument.Parse(run.Output);
            Assert.DoesNotContain("2025-trf-fto-designation.txt", json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        },
        ["duplicates"] = args => Assert.Equal(0, Run(args).ExitCode),
        ["\"Lashkar-e-Tayba\" --explain"] = args =>
        {
            var run = Run(args);
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("   score:\n", run.Output.Replace("\r\n", "\n"));
        },
        ["\"TRF\" --histogram month"] = args =>
        {
            var run = Run(args);
            Assert.Equal(0, run.ExitCode);
            Assert.Matches(@"\n\d{4}-\d{2} [█ ]{40} \d+ of \d+ \(\d+\.\d%\)\n", run.Output.Replace("\r\n", "\n"));
        },
        ["pivot speaker group \"TTP\" --from 2019"] = args =>
        {
            var run = Run(args);
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Tehrik-i-Taliban Pakistan", run.Output);
        },
        ["export \"\" --group LeT --format csv --out let.csv"] = args =>
        {
            var run = Run(args);
            Assert.Equal(0, run.ExitCode);
            var lines = File.ReadAllLines(_repo.Combine("let.csv"));
            Assert.Equal("id,title,published,group,speaker,year,month,url,score,passage", lines[0]);
            Assert.Matches(@"^Wrote [1-9]\d* articles to .*let\.csv\.\n$", run.Error.Replace("\r\n", "\n"));
        },
        ["batch names.txt --phrase --save names"] = args =>
        {
            _repo.Write("names.txt", "# a list to check\nHafiz Saeed\nJamaat-ud-Dawa\n\"open\n");
            var run = Run(args);
            Assert.Equal(0, run.ExitCode);
            Assert.Matches(@"│ Hafiz Saeed +│ +[1-9]\d* │ \d{4}-\d{2}-\d{2} │ \d{4}-\d{2}-\d{2} │", run.Output);
            Assert.Contains("3 entries, 3 with matches, 0 with errors", run.Output);
            Assert.Equal("Saved the batch as names; 'search run names --new' counts what is indexed after now.\n", run.Error.Replace("\r\n", "\n"));
        },
        // Watching runs until stopped; IndexWatchTests exercise it. Here: the options exist.
        ["index ~/scraper-out --watch --remove-missing"] = args => Assert.Equal(0, Run([.. args, "--help"]).ExitCode),
        ["save let \"LeT sanctions\" --from 2020"] = args =>
        {
            var run = Run(args);
            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith("Saved let: ", run.Output);
        },
        ["saved"] = args =>
        {
            var run = Run(args);
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("│ let ", run.Output);
        },
        ["run let --new"] = args => Assert.Equal(0, Run(args).ExitCode),
        ["unsave let"] = args => Assert.Equal("Removed let.\n", Run(args).Output.Replace("\r\n", "\n")),
        ["snapshot --index my-index --to backups/my-index"] = args =>
        {
            var run = Run(args);
            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith("Snapshot: ", run.Output);
        },
        ["quotes \"Lashkar-e-Taiba\" --speaker \"Marco Rubio\" --json"] = args =>
        {
            var run = Run(args);
            Assert.Equal(0, run.ExitCode);
            using var json = JsonDocument.Parse(run.Output);
            var quotes = json.RootElement.GetProperty("quotes").EnumerateArray().ToArray();
            Assert.NotEmpty(quotes);
            Assert.All(quotes, q => Assert.Equal("Marco Rubio", q.GetProperty("speaker").GetString()));
        },
        // The server runs until stopped; the host's tests exercise it over HTTP. Here: the verb exists.
        ["serve"] = args => Assert.Equal(0, Run([.. args, "--help"]).ExitCode),
        ["stats"] = args =>
        {
            var run = Run(args);
            Assert.Equal(0, run.ExitCode);
            Assert.Matches(@"Articles: \d+\n", run.Output);
        },
        // All 130 of Readability's pages take about a minute; two of them show the verb works.
        ["eval-html ../shared/corpora/readability/test-pages"] = args =>
        {
            if (!Directory.Exists(ReadabilityPages))
            {
                Console.WriteLine($"Skipped the README's eval-html command: {ReadabilityPages} is absent.");
                return;
            }
            foreach (var page in new[] { "003-metadata-preferred", "005-unescape-html-entities" })
            {
                Directory.CreateDirectory(_repo.Combine("readability", page));
                foreach (var file in Directory.GetFiles(Path.Combine(ReadabilityPages, page)))
                    File.Copy(file, _repo.Combine("readability", page, Path.GetFileName(file)));
            }
            var run = Run(args);
            Assert.Equal(0, run.ExitCode);
            Assert.Matches(@"pages +2 \(0 threw\)\n", run.Output);
            Assert.Matches(@"title accuracy +\d\.\d+\n", run.Output);
        },
        ["export-elasticsearch --out es-export"] = args =>
        {
            var run = Run(args);
            Assert.Equal(0, run.ExitCode);
            Assert.Matches(@"^Wrote \d+ articles and \d+ statements to .* \(1 bulk file\)\.\n$", run.Output);
            Assert.True(File.Exists(_repo.Combine("es-export", "settings-and-mappings.json")));
        },
        // No cluster runs here: the local engine answers like one, at the README's address.
        ["export-elasticsearch --out es-export --name news --url http://localhost:9200 --api-key \"$ES_API_KEY\""] = args =>
        {
            using var engine = new Search.Elastic.Tests.Export.FakeEngine()
                .Answer(200, """{"acknowledged":true,"shards_acknowledged":true,"index":"news"}""")
                .Answer(200, """{"acknowledged":true,"shards_acknowledged":true,"index":"news-statements"}""")
                .AnswerAllCreated();
            var run = Run(args.Select(a => a == "http://localhost:9200" ? engine.Url.ToString() : a).ToArray());
            Assert.Equal("", run.Error);
            Assert.Equal(0, run.ExitCode);
            Assert.Matches(@"\nIndexed \d+ documents into news and news-statements on http://127\.0\.0\.1:\d+\.\n$", run.Output);
        },
        ["eval-extraction --labels index/labels.jsonl index/samples"] = args =>
        {
            var run = Run(args);
            Assert.Equal(0, run.ExitCode);
            Assert.Matches(@"groups +P=\d\.\d+ R=\d\.\d+ F1=\d\.\d+", run.Output);
        },
    };

    /// <summary>Runs every command of the README's shell blocks and checks it against what the README says.</summary>
    protected void CheckEveryCommand()
    {
        var commands = ReadmeCommands();
        var expectations = Expectations();

        Assert.Equal(expectations.Keys.Order(), commands.Select(c => c.Text).Order());
        foreach (var (text, args) in commands)
            expectations[text](args);
    }

    /// <summary>The commands of the README's shell blocks that run <c>search</c>, without comments, with their placeholders filled in.</summary>
    private List<(string Text, string[] Args)> ReadmeCommands()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        var commands = new List<(string, string[])>();
        foreach (Match block in ShellBlockPattern().Matches(readme))
        {
            foreach (var line in block.Groups[1].Value.Split('\n'))
            {
                var command = line.Split(" #", 2)[0].Trim();
                var text = command.StartsWith("search ", StringComparison.Ordinal) ? command["search ".Length..]
                    : command.StartsWith("dotnet run --project src/Search.Cli -- ", StringComparison.Ordinal) ? command["dotnet run --project src/Search.Cli -- ".Length..]
                    : null;
                if (text is null)
                    continue;
                var args = Words(text).Select(w => w switch
                {
                    "path/to/articles" or "index/samples" => _repo.Combine("index", "samples"),
                    "index/labels.jsonl" => _repo.Combine("index", "labels.jsonl"),
                    "../shared/corpora/readability/test-pages" => _repo.Combine("readability"),
                    "my-index" => _repo.Combine("my-index"),
                    "let.csv" => _repo.Combine("let.csv"),
                    "names.txt" => _repo.Combine("names.txt"),
                    "backups/my-index" => _repo.Combine("backups", "my-index"),
                    "es-export" => _repo.Combine("es-export"),
                    "[--json]" => "--json", // the README's optional part, taken
                    _ => w,
                }).ToArray();
                commands.Add((text, args));
            }
        }
        return commands;
    }

    private static IEnumerable<string> Words(string command) =>
        WordPattern().Matches(command).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Value);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Search.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("The tests run outside the repository.");
    }

    [GeneratedRegex(@"```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlockPattern();

    [GeneratedRegex(@"""([^""]*)""|\S+")]
    private static partial Regex WordPattern();
}
