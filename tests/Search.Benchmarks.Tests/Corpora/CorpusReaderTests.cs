using Search.Benchmarks.Corpora;
using Search.Benchmarks.Scale;

namespace Search.Benchmarks.Tests.Corpora;

public class BeirReaderTests
{
    [Fact]
    public void ReadCorpus_ReadsIdTitleAndText()
    {
        const string jsonl = """
            {"_id": "7", "title": "Tidal mills", "text": "Mills driven by the tide \u00e9tait common.", "metadata": {}}

            {"_id": "8", "text": "No title here."}
            """;
        var docs = BeirReader.ReadCorpus(new StringReader(jsonl)).ToArray();
        Assert.Equal([new BeirDocument("7", "Tidal mills", "Mills driven by the tide était common."), new BeirDocument("8", "", "No title here.")], docs);
    }

    [Fact]
    public void ReadQueries_ReadsIdAndText()
    {
        var queries = BeirReader.ReadQueries(new StringReader("""{"_id": "q1", "text": "Do tides turn mills?", "metadata": {}}""")).ToArray();
        Assert.Equal([new BeirQuery("q1", "Do tides turn mills?")], queries);
    }

    [Fact]
    public void ReadCorpus_WhenLineIsNotJson_SaysWhichLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => BeirReader.ReadCorpus(new StringReader("{\"_id\": \"1\"}\nnot json")).ToArray());
        Assert.StartsWith("Line 2 ", error.Message);
    }

    [Fact]
    public void ReadQrels_SkipsHeaderAndGroupsByQuery()
    {
        var qrels = BeirReader.ReadQrels(new StringReader("query-id\tcorpus-id\tscore\n1\t31715818\t1\n1\t42\t0\n3\t14717500\t2\n"));
        Assert.Equal(2, qrels.ByQuery.Count);
        Assert.Equal(1, qrels.ByQuery["1"]["31715818"]);
        Assert.Equal(0, qrels.ByQuery["1"]["42"]);
        Assert.Equal(2, qrels.ByQuery["3"]["14717500"]);
    }

    [Fact]
    public void ReadQrels_WhenScoreIsNotANumber_Throws() =>
        Assert.Throws<InvalidDataException>(() => BeirReader.ReadQrels(new StringReader("h\th\th\n1\t2\thigh\n")));
}

public class ReutersReaderTests
{
    private const string Sample = """
        <!DOCTYPE lewis SYSTEM "lewis.dtd">
        <REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" NEWID="17">
        <DATE> 3-MAR-1987 09:15:44.20</DATE>
        <TOPICS><D>grain</D></TOPICS>
        <PEOPLE><D>ada-morrow</D><D>bruno-kessel</D></PEOPLE>
        <ORGS><D>imf</D></ORGS>
        <TEXT>&#2;
        <TITLE>MILL OUTPUT RISES &lt;XYZ&gt;</TITLE>
        <DATELINE>LONDON, March 3 - </DATELINE><BODY>Flour mills ground more wheat &amp; rye this week.
         Reuter
        &#3;</BODY></TEXT>
        </REUTERS>
        <REUTERS TOPICS="NO" NEWID="18">
        <DATE>4-MAR-1987  10:00:00.00</DATE>
        <PEOPLE></PEOPLE>
        <ORGS></ORGS>
        <TEXT TYPE="UNPROC">&#2;
        Unmarked wire text.
        &#3;</TEXT>
        </REUTERS>
        """;

    [Fact]
    public void Parse_MapsPeopleToSpeakersAndOrgsToGroups()
    {
        var article = ReutersReader.Parse(Sample, "reut2-test.sgm").First();
        Assert.Equal("reuters-17", article.Id);
        Assert.Equal("MILL OUTPUT RISES <XYZ>", article.Title);
        Assert.Equal("Flour mills ground more wheat & rye this week.", article.Body);
        Assert.Equal(["Ada Morrow", "Bruno Kessel"], article.Values("speaker"));
        Assert.Equal(["IMF"], article.Values("group"));
        Assert.Equal(["1987"], article.Values("year"));
        Assert.Equal(new DateTimeOffset(1987, 3, 3, 9, 15, 44, TimeSpan.Zero), article.Published);
        Assert.Equal("reut2-test.sgm", article.Source);
    }

    [Fact]
    public void Parse_WhenTextIsUnprocessed_UsesItAsBody()
    {
        var article = ReutersReader.Parse(Sample, "s").Last();
        Assert.Equal("reuters-18", article.Id);
        Assert.Equal("", article.Title);
        Assert.Equal("Unmarked wire text.", article.Body);
        Assert.Empty(article.Values("speaker"));
        // Two spaces between date and time occur in the collection.
        Assert.Equal(new DateTimeOffset(1987, 3, 4, 10, 0, 0, TimeSpan.Zero), article.Published);
    }
}

public class WikipediaReaderTests
{
    private const string Sample = """
        <doc id="12" url="?curid=12" title="Tidal mill">
        Tidal mill

        A tidal mill is a water mill driven by tidal rise and fall.
        A dam with a sluice is created across a suitable tidal inlet.
        </doc>
        <doc id="13" url="?curid=13" title="Say "when"">
        Say "when"
        Short page & <odd> text.
        </doc>
        """;

    [Fact]
    public void Read_ParsesPagesAndDropsRepeatedTitle()
    {
        var pages = WikipediaReader.Read(new StringReader(Sample)).ToArray();
        Assert.Equal(2, pages.Length);
        Assert.Equal(new WikiDocument("12", "Tidal mill", "A tidal mill is a water mill driven by tidal rise and fall.\nA dam with a sluice is created across a suitable tidal inlet."), pages[0]);
        Assert.Equal("Say \"when\"", pages[1].Title);
        Assert.Equal("Short page & <odd> text.", pages[1].Text);
    }

    [Fact]
    public void Paragraphs_JoinsLinesUntilMinimumLength()
    {
        var pages = WikipediaReader.Read(new StringReader(Sample)).ToArray();
        var paragraphs = WikipediaReader.Paragraphs(pages, minChars: 50).ToArray();
        Assert.Equal(["wiki-12-0", "wiki-12-1", "wiki-13-0"], paragraphs.Select(p => p.Id));
        Assert.Equal("A tidal mill is a water mill driven by tidal rise and fall.", paragraphs[0].Body);
        Assert.All(paragraphs.Take(2), p => Assert.Equal("Tidal mill", p.Title));
    }

    [Fact]
    public void ReadFile_WhenCompressed_DecompressesThroughXz()
    {
        var folder = Directory.CreateTempSubdirectory("wiki-test-");
        try
        {
            var plain = Path.Combine(folder.FullName, "sample.txt");
            File.WriteAllText(plain, Sample);
            var xz = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("xz", ["-z", "-k", plain]) { UseShellExecute = false });
            if (xz is null)
                return;
            xz.WaitForExit();
            var pages = WikipediaReader.ReadFile(plain + ".xz").ToArray();
            Assert.Equal(["12", "13"], pages.Select(p => p.Id));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

public class SyntheticCorpusTests
{
    [Fact]
    public void Generate_IsDeterministicAndHasFacets()
    {
        var first = SyntheticCorpus.Generate(50, seed: 3).ToArray();
        var second = SyntheticCorpus.Generate(50, seed: 3).ToArray();
        Assert.Equal(first.Select(a => a.Body), second.Select(a => a.Body));
        Assert.Equal(50, first.Select(a => a.Id).Distinct().Count());
        Assert.Contains(first, a => a.Values("group").Count > 0);
        Assert.Contains(first, a => a.Values("speaker").Count > 0);
        Assert.All(first, a => Assert.InRange(int.Parse(a.Values("year").Single()), 2000, 2024));
    }

    [Fact]
    public void Repeat_GivesFreshIdsEachRound()
    {
        var articles = CorpusRepeater.Repeat(() => SyntheticCorpus.Generate(3), 7).Select(a => a.Id).ToArray();
        Assert.Equal(["synthetic-0", "synthetic-1", "synthetic-2", "synthetic-0~r1", "synthetic-1~r1", "synthetic-2~r1", "synthetic-0~r2"], articles);
    }
}
