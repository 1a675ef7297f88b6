using ScottPlot;

namespace Search.Benchmarks.Scale;

/// <summary>Writes the scale run's plots: build time and query latency against document count, both axes logarithmic.</summary>
internal static class ScalePlots
{
    public static IReadOnlyList<string> Write(IReadOnlyList<ScalePoint> points, string folder, string description)
    {
        Directory.CreateDirectory(folder);
        var docs = points.Select(p => Math.Log10(p.Documents)).ToArray();

        var build = new Plot();
        build.Add.Scatter(docs, points.Select(p => Math.Log10(p.BuildTime.TotalSeconds)).ToArray()).LegendText = "build time";
        Label(build, "Index build time vs documents", "build time (s, log scale)", description, points.Select(p => p.BuildTime.TotalSeconds));
        var buildFile = Path.Combine(folder, "scale-build-time.png");
        build.SavePng(buildFile, 800, 500);

        var latency = new Plot();
        latency.Add.Scatter(docs, points.Select(p => Math.Log10(p.TopTen.P50)).ToArray()).LegendText = "top-10 p50";
        latency.Add.Scatter(docs, points.Select(p => Math.Log10(p.TopTen.P99)).ToArray()).LegendText = "top-10 p99";
        latency.Add.Scatter(docs, points.Select(p => Math.Log10(p.Full.P50)).ToArray()).LegendText = "facets+highlight p50";
        latency.Add.Scatter(docs, points.Select(p => Math.Log10(p.Full.P99)).ToArray()).LegendText = "facets+highlight p99";
        Label(latency, "Query latency vs documents", "latency (ms, log scale)", description,
            points.SelectMany(p => new[] { p.TopTen.P50, p.TopTen.P99, p.Full.P50, p.Full.P99 }));
        var latencyFile = Path.Combine(folder, "scale-query-latency.png");
        latency.SavePng(latencyFile, 800, 500);
        return [buildFile, latencyFile];
    }

    private static void Label(Plot plot, string title, string yLabel, string description, IEnumerable<double> yValues)
    {
        plot.Title(description.Length > 0 ? title + "\n" + description : title);
        plot.XLabel("documents (log scale)");
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperLeft);
        var xTicks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var power in Enumerable.Range(3, 5))
            xTicks.AddMajor(power, Math.Pow(10, power).ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        plot.Axes.Bottom.TickGenerator = xTicks;
        var values = yValues.Where(v => v > 0).ToArray();
        var yTicks = new ScottPlot.TickGenerators.NumericManual();
        var low = (int)Math.Floor(Math.Log10(values.Min()));
        var high = (int)Math.Ceiling(Math.Log10(values.Max()));
        for (var power = low; power <= high; power++)
        {
            foreach (var step in new[] { 1, 2, 5 })
            {
                var value = step * Math.Pow(10, power);
                yTicks.AddMajor(Math.Log10(value), value.ToString("G", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        plot.Axes.Left.TickGenerator = yTicks;
    }
}
