using System.Diagnostics;
using System.Globalization;
using Search.Core;
using Search.Elastic.Export;

namespace Search.Benchmarks.Scale;

/// <summary>
/// Exports an index as Elasticsearch bulk files (<see cref="ElasticExporter"/>) in this process and
/// prints the documents, files, bytes, time and the process's peak resident set: run it on its own
/// (verb <see cref="Verb"/>) against a built index, so the peak is the export's alone.
/// </summary>
public static class ElasticExportProbe
{
    /// <summary>The tool verb.</summary>
    public const string Verb = "elastic-export";

    /// <summary>Exports <paramref name="indexPath"/> into <paramref name="folder"/> and prints one line of <c>key=value</c> figures.</summary>
    public static void Run(string indexPath, string folder, TextWriter output)
    {
        if (indexPath.Length == 0 || !Directory.Exists(indexPath))
            throw new UsageException("elastic-export needs --index DIR, a built index (for example the scale run's, kept with scale --index DIR).");
        if (folder.Length == 0)
            throw new UsageException("elastic-export needs --out FOLDER for the bulk files.");
        var started = Stopwatch.GetTimestamp();
        using var index = SearchIndex.Open(indexPath);
        var result = ElasticExporter.Export(index, new ElasticExportOptions { Folder = folder });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var bytes = result.BulkFiles.Sum(f => new FileInfo(f).Length);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"articles={result.Articles} statements={result.Statements} files={result.BulkFiles.Count} bulk_mb={bytes / 1048576.0:F0} largest_file_mb={result.BulkFiles.Max(f => new FileInfo(f).Length) / 1048576.0:F2} seconds={seconds:F1} peak_rss_mb={ScaleBenchmark.PeakRss() / 1048576.0:F0}"));
    }
}
