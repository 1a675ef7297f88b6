using System.Globalization;
using System.Text;
using Search.Core;
using Spectre.Console;

namespace Search.Cli.Rendering;

/// <summary>Writes the analysis views for people: a date histogram as bars of block characters, a pivot as a table of counts.</summary>
internal static class AnalysisRenderer
{
    /// <summary>Columns the longest bar takes.</summary>
    public const int BarWidth = 40;

    // Eighths of a character cell, so short bars still differ from each other.
    private static readonly string[] Eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

    /// <summary>
    /// One line per bucket: the period, a bar as long as its count (or its share of the period's
    /// articles, with <paramref name="byShare"/>) relative to the largest, the count, the period's
    /// articles and the share.
    /// </summary>
    public static void WriteHistogram(IAnsiConsole console, DateHistogram histogram, bool byShare = false)
    {
        if (histogram.Buckets.Count == 0)
        {
            console.WriteLine("No dated articles to chart.");
            return;
        }
        var invariant = CultureInfo.InvariantCulture;
        var largest = histogram.Buckets.Max(b => byShare ? b.Share : b.Count);
        var countWidth = histogram.Buckets.Max(b => b.Count.ToString(invariant).Length);
        var totalWidth = histogram.Buckets.Max(b => b.Total.ToString(invariant).Length);
        foreach (var bucket in histogram.Buckets)
        {
            var bar = Bar(largest == 0 ? 0 : (byShare ? bucket.Share : bucket.Count) / largest);
            var numbers = $"{bucket.Count.ToString(invariant).PadLeft(countWidth)} of {bucket.Total.ToString(invariant).PadLeft(totalWidth)} ({bucket.Share.ToString("0.0%", invariant)})";
            console.MarkupLine($"{bucket.Key} [cyan]{bar.PadRight(BarWidth)}[/] {numbers}");
        }
    }

    /// <summary>A bar for <paramref name="fraction"/> (0 to 1) of <see cref="BarWidth"/>, in whole and eighth blocks.</summary>
    public static string Bar(double fraction)
    {
        var eighths = (int)Math.Round(Math.Clamp(fraction, 0, 1) * BarWidth * 8);
        return new StringBuilder().Append('█', eighths / 8).Append(Eighths[eighths % 8]).ToString();
    }

    /// <summary>The table: a header of column values, then each row value with its counts and total; the last line has the column totals.</summary>
    public static void WritePivot(IAnsiConsole console, PivotTable table)
    {
        if (table.Rows.Count == 0 || table.Columns.Count == 0)
        {
            console.WriteLine($"No matching article has both a {table.RowFacet} and a {table.ColumnFacet}.");
            return;
        }
        var invariant = CultureInfo.InvariantCulture;
        var grid = new Table().Border(TableBorder.Simple);
        grid.AddColumn(new TableColumn(Markup.Escape($"{table.RowFacet} \\ {table.ColumnFacet}")));
        foreach (var column in table.Columns)
            grid.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
        grid.AddColumn(new TableColumn("total").RightAligned());
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var cells = table.Counts[r].Select(c => c == 0 ? "[dim]·[/]" : c.ToString(invariant));
            grid.AddRow([Markup.Escape(table.Rows[r]), .. cells, table.RowTotals[r].ToString(invariant)]);
        }
        grid.AddRow(["[dim]total[/]", .. table.ColumnTotals.Select(c => c.ToString(invariant)), table.Total.ToString(invariant)]);
        console.Write(grid);
    }
}
