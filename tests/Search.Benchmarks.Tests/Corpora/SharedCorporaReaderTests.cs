using Search.Benchmarks.Corpora;

namespace Search.Benchmarks.Tests.Corpora;

/// <summary>The readers on the real shared corpora, checked against the counts their READMEs state.</summary>
public class SharedCorporaReaderTests
{
    [SharedCorporaFact("scifact")]
    public void BeirReader_ReadsSciFactWithTheCountsItsReadmeStates()
    {
        var folder = SharedCorpora.Find("scifact")!;
        Assert.Equal(5183, BeirReader.ReadCorpus(Path.Combine(folder, "corpus.jsonl")).Count());
        Assert.Equal(1109, BeirReader.ReadQueries(Path.Combine(folder, "queries.jsonl")).Count());
        var qrels = BeirReader.ReadQrels(Path.Combine(folder, "qrels", "train.tsv"));
        Assert.Equal(809, qrels.ByQuery.Count);
        Assert.Equal(919, qrels.ByQuery.Values.Sum(j => j.Count));
    }

    [SharedCorporaFact("reuters21578")]
    public void ReutersReader_ReadsEveryStoryWithItsLabels()
    {
        var stories = ReutersReader.ReadFolder(SharedCorpora.Find("reuters21578")!).ToArray();
        Assert.Equal(21578, stories.Length);
        Assert.Equal(1156, stories.Count(s => s.Values("speaker").Count > 0));
        Assert.Equal(881, stories.Count(s => s.Values("group").Count > 0));
        Assert.All(stories, s => Assert.Equal(["1987"], s.Values("year")));
    }

    [SharedCorporaFact("wikipedia_en")]
    public void WikipediaReader_StreamsTheFirstPagesOfAnXzFile()
    {
        var file = Path.Combine(SharedCorpora.Find("wikipedia_en")!, "enwiki-2021-chunk_AA.txt.xz");
        var first = WikipediaReader.ReadFile(file).Take(50).ToArray();
        Assert.Equal(50, first.Length);
        Assert.Equal(new[] { "56564557", "Marcus Claudius Tacitus" }, new[] { first[0].Id, first[0].Title });
    }
}
