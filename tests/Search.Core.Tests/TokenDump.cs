using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Tests;

/// <summary>A token stream read as Lucene's indexer reads it, each token as text+position increment@start-end.</summary>
internal static class TokenDump
{
    /// <summary>
    /// The stream's tokens, the group term's control character shown as ^; with <paramref name="withEnd"/>,
    /// then its state after <c>End</c> (the final increment and offset) as <c>end+…</c>. Disposes the stream.
    /// </summary>
    public static List<string> Of(TokenStream stream, bool withEnd = false)
    {
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var tokens = new List<string>();
            stream.Reset();
            while (stream.IncrementToken())
                tokens.Add($"{term.ToString().Replace('\u0001', '^')}+{increment.PositionIncrement}@{offset.StartOffset}-{offset.EndOffset}");
            stream.End();
            if (withEnd)
                tokens.Add($"end+{increment.PositionIncrement}@{offset.StartOffset}-{offset.EndOffset}");
            return tokens;
        }
    }
}
