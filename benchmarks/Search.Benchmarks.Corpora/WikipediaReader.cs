using System.Diagnostics;
using System.Text;
using Search.Core;

namespace Search.Benchmarks.Corpora;

/// <summary>One page of WikiExtractor output.</summary>
/// <param name="Id">The page id.</param>
/// <param name="Title">The page title.</param>
/// <param name="Text">The plain text without the repeated title line; paragraphs separated by newlines.</param>
public sealed record WikiDocument(string Id, string Title, string Text);

/// <summary>
/// Streams WikiExtractor output (<c>&lt;doc id=… title=…&gt;</c> … <c>&lt;/doc&gt;</c> blocks). The text
/// inside is not escaped, so it is read line by line: a line starting with <c>&lt;doc </c> opens a page
/// and a line equal to <c>&lt;/doc&gt;</c> closes it. <c>.xz</c> files are decompressed by piping them
/// through the system's <c>xz -dc</c> (.NET has no XZ decoder); other files are read as UTF-8.
/// </summary>
public static class WikipediaReader
{
    /// <summary>Streams every page of the <c>*.txt.xz</c> (or <c>*.txt</c>) files in a folder, in file-name order.</summary>
    public static IEnumerable<WikiDocument> ReadFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"There is no Wikipedia folder at '{folder}'.");
        var files = Directory.EnumerateFiles(folder, "*.txt.xz").Concat(Directory.EnumerateFiles(folder, "*.txt")).Order(StringComparer.Ordinal).ToArray();
        return files.SelectMany(ReadFile);
    }

    /// <summary>Streams the pages of one file; <c>.xz</c> goes through <c>xz -dc</c>.</summary>
    /// <exception cref="InvalidOperationException">The <c>xz</c> program is missing or fails.</exception>
    public static IEnumerable<WikiDocument> ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!path.EndsWith(".xz", StringComparison.OrdinalIgnoreCase))
        {
            using var plain = new StreamReader(path, Encoding.UTF8);
            foreach (var doc in Read(plain))
                yield return doc;
            yield break;
        }
        using var xz = StartXz(path);
        var finished = false;
        try
        {
            foreach (var doc in Read(xz.StandardOutput))
                yield return doc;
            finished = true;
        }
        finally
        {
            // A reader that stops early must not leave xz blocked on a full pipe.
            if (!finished && !xz.HasExited)
                xz.Kill();
        }
        var error = xz.StandardError.ReadToEnd();
        xz.WaitForExit();
        if (xz.ExitCode != 0)
            throw new InvalidOperationException($"'xz -dc {path}' failed with exit code {xz.ExitCode}: {error.Trim()}");
    }

    /// <summary>Streams the pages in WikiExtractor text.</summary>
    public static IEnumerable<WikiDocument> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? id = null, title = null;
        var text = new StringBuilder();
        var firstLine = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("<doc ", StringComparison.Ordinal))
            {
                id = Attribute(line, "id") ?? "";
                title = TitleAttribute(line);
                text.Clear();
                firstLine = true;
                continue;
            }
            if (id is null)
                continue;
            if (line == "</doc>")
            {
                yield return new WikiDocument(id, title ?? "", text.ToString().Trim());
                id = null;
                continue;
            }
            if (firstLine)
            {
                firstLine = false;
                if (line == title)
                    continue;
            }
            text.Append(line).Append('\n');
        }
    }

    /// <summary>The page as an article: id <c>wiki-ID</c>, no facet values.</summary>
    public static Article ToArticle(WikiDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return new Article { Id = "wiki-" + doc.Id, Title = doc.Title, Body = doc.Text };
    }

    /// <summary>
    /// Splits pages into paragraph documents, so a corpus of long pages yields many realistic short
    /// documents without repeating text. Consecutive lines are joined until at least
    /// <paramref name="minChars"/> characters; ids are <c>wiki-PAGE-N</c>, titles the page title.
    /// </summary>
    public static IEnumerable<Article> Paragraphs(IEnumerable<WikiDocument> pages, int minChars = 200)
    {
        ArgumentNullException.ThrowIfNull(pages);
        foreach (var page in pages)
        {
            var n = 0;
            var buffer = new StringBuilder();
            foreach (var line in page.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (buffer.Length > 0)
                    buffer.Append('\n');
                buffer.Append(line);
                if (buffer.Length < minChars)
                    continue;
                yield return new Article { Id = $"wiki-{page.Id}-{n++}", Title = page.Title, Body = buffer.ToString() };
                buffer.Clear();
            }
            if (buffer.Length > 0 || n == 0)
                yield return new Article { Id = $"wiki-{page.Id}-{n}", Title = page.Title, Body = buffer.ToString() };
        }
    }

    private static Process StartXz(string path)
    {
        var start = new ProcessStartInfo("xz")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-dc");
        start.ArgumentList.Add(path);
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("The 'xz' program could not be started.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Reading .xz files needs the 'xz' program (Debian package xz-utils) on the PATH.", e);
        }
    }

    private static string? Attribute(string line, string name)
    {
        var key = " " + name + "=\"";
        var start = line.IndexOf(key, StringComparison.Ordinal);
        if (start < 0)
            return null;
        start += key.Length;
        var end = line.IndexOf('"', start);
        return end < 0 ? null : line[start..end];
    }

    /// <summary>Titles are not escaped and may contain quotes, so the title runs to the last <c>"&gt;</c>.</summary>
    private static string? TitleAttribute(string line)
    {
        const string key = " title=\"";
        var start = line.IndexOf(key, StringComparison.Ordinal);
        var end = line.LastIndexOf("\">", StringComparison.Ordinal);
        return start < 0 || end < start + key.Length ? null : line[(start + key.Length)..end];
    }
}
