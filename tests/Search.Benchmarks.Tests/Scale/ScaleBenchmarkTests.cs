using Search.Benchmarks.Corpora;
using Search.Benchmarks.Scale;

namespace Search.Benchmarks.Tests.Scale;

public class ScaleBenchmarkTests
{
    [Fact]
    public void Run_MeasuresAtEachCheckpointAndWritesPlots()
    {
        var plots = Directory.CreateTempSubdirectory("scale-plots-");
        try
        {
            var output = new StringWriter();
            var result = ScaleBenchmark.Run(new ScaleOptions
            {
                Documents = SyntheticCorpus.Generate(250, seed: 4),
                Checkpoints = [100, 200],
                Queries = 10,
                PlotDirectory = plots.FullName,
                CorpusDescription = "synthetic",
            }, output);

            Assert.Equal([100, 200], result.Points.Select(p => p.Documents));
            Assert.False(result.StoppedEarly);
            Assert.All(result.Points, p => Assert.True(p.IndexBytes > 0 && p.PeakRssBytes > 0));
            Assert.Equal(2, result.PlotFiles.Count);
            Assert.All(result.PlotFiles, f => Assert.True(new FileInfo(f).Length > 1000));
            // The export runs in a child process of its own and reads every article.
            Assert.Equal(200, result.Export!.Rows);
            Assert.True(result.Export.PeakRssBytes > 0);
            Assert.Contains("export of every article as CSV at 200 documents", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            plots.Delete(recursive: true);
        }
    }

    [Fact]
    public void Run_WhenSourceRunsDry_MeasuresWhereItStopped()
    {
        var result = ScaleBenchmark.Run(new ScaleOptions { Documents = SyntheticCorpus.Generate(150, seed: 4), Checkpoints = [100, 1000], Queries = 5, MeasureExport = false }, TextWriter.Null);
        Assert.Equal([100, 150], result.Points.Select(p => p.Documents));
        Assert.True(result.StoppedEarly);
    }
}
