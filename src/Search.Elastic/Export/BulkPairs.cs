namespace Search.Elastic.Export;

/// <summary>One document of a bulk file: its action line and its source line, each with its newline.</summary>
internal sealed record BulkPair(ReadOnlyMemory<byte> Action, ReadOnlyMemory<byte> Source);

/// <summary>Splits a bulk file into its pairs, so refused items can be sent again on their own, and joins pairs into a request body.</summary>
internal static class BulkPairs
{
    public static IReadOnlyList<BulkPair> Read(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var lines = new List<ReadOnlyMemory<byte>>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'\n')
                continue;
            lines.Add(bytes.AsMemory(start, i + 1 - start));
            start = i + 1;
        }
        if (lines.Count % 2 != 0 || start != bytes.Length)
            throw new Core.SearchException($"The bulk file '{file}' is not whole: every document needs an action line and a source line, each ending in a newline.");
        var pairs = new BulkPair[lines.Count / 2];
        for (var k = 0; k < pairs.Length; k++)
            pairs[k] = new BulkPair(lines[2 * k], lines[2 * k + 1]);
        return pairs;
    }

    public static ReadOnlyMemory<byte> Join(IReadOnlyList<BulkPair> pairs)
    {
        var body = new byte[pairs.Sum(p => p.Action.Length + p.Source.Length)];
        var at = 0;
        foreach (var pair in pairs)
        {
            pair.Action.Span.CopyTo(body.AsSpan(at));
            at += pair.Action.Length;
            pair.Source.Span.CopyTo(body.AsSpan(at));
            at += pair.Source.Length;
        }
        return body;
    }
}
