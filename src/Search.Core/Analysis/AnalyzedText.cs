using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// The tokens an analyzer makes of one field's text, each term with its position increment and
/// offsets, captured on one thread to be indexed on another by <see cref="AnalyzedTextStream"/>:
/// analysis was a fifth of the work of <c>search index</c>'s writer thread on Reuters, the thread a
/// bulk run waits for, and the extraction threads have time to spare. Immutable once made.
/// </summary>
internal sealed class AnalyzedText
{
    // Per token: where its term ends in _chars, its position increment, its start and end offsets.
    private const int Slots = 4;

    private readonly char[] _chars;
    private readonly int[] _tokens;

    private AnalyzedText(char[] chars, int[] tokens, int count, int finalIncrement, int finalOffset)
    {
        _chars = chars;
        _tokens = tokens;
        Count = count;
        FinalIncrement = finalIncrement;
        FinalOffset = finalOffset;
    }

    /// <summary>How many tokens.</summary>
    public int Count { get; }

    /// <summary>The position increment the stream reported at its end (stop words after the last token).</summary>
    public int FinalIncrement { get; }

    /// <summary>The offset the stream reported at its end (the text's length, as the analyzer counts it).</summary>
    public int FinalOffset { get; }

    /// <summary>Runs <paramref name="analyzer"/> over <paramref name="text"/> as it analyses <paramref name="field"/>, on the calling thread.</summary>
    public static AnalyzedText Of(Analyzer analyzer, string field, string text)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        // Grown as needed and trimmed at the end: a read-ahead holds hundreds of these, and a long text's
        // tokens must not hold room for more.
        var chars = new char[Math.Clamp(text.Length, 16, 1 << 16)];
        var tokens = new int[chars.Length];
        int used = 0, count = 0;
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (used + term.Length > chars.Length)
                Array.Resize(ref chars, Math.Max(chars.Length * 2, used + term.Length));
            if ((count + 1) * Slots > tokens.Length)
                Array.Resize(ref tokens, tokens.Length * 2);
            term.Buffer.AsSpan(0, term.Length).CopyTo(chars.AsSpan(used));
            used += term.Length;
            var at = count++ * Slots;
            tokens[at] = used;
            tokens[at + 1] = increment.PositionIncrement;
            tokens[at + 2] = offset.StartOffset;
            tokens[at + 3] = offset.EndOffset;
        }
        stream.End();
        return new AnalyzedText(chars.AsSpan(0, used).ToArray(), tokens.AsSpan(0, count * Slots).ToArray(), count, increment.PositionIncrement, offset.EndOffset);
    }

    /// <summary>Sets the attributes to the token at <paramref name="index"/>.</summary>
    public void Load(int index, ICharTermAttribute term, IPositionIncrementAttribute increment, IOffsetAttribute offset)
    {
        var at = index * Slots;
        var start = index == 0 ? 0 : _tokens[at - Slots];
        term.CopyBuffer(_chars, start, _tokens[at] - start);
        increment.PositionIncrement = _tokens[at + 1];
        offset.SetOffset(_tokens[at + 2], _tokens[at + 3]);
    }
}

/// <summary>
/// Replays an <see cref="AnalyzedText"/> to the index as the analyzer's own stream would have given
/// it. One instance per field of a writer's reused document, pointed at each article's text in turn:
/// a new stream per article would take its attributes from Lucene.Net's locked, reflective factory.
/// </summary>
internal sealed class AnalyzedTextStream : TokenStream
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private AnalyzedText? _text;
    private int _next;

    public AnalyzedTextStream()
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    /// <summary>Points the stream at <paramref name="text"/>, from its first token.</summary>
    public void Replay(AnalyzedText text)
    {
        _text = text;
        _next = 0;
    }

    public override bool IncrementToken()
    {
        if (_text is null || _next == _text.Count)
            return false;
        ClearAttributes();
        _text.Load(_next++, _term, _increment, _offset);
        return true;
    }

    public override void End()
    {
        base.End();
        if (_text is null)
            return;
        _increment.PositionIncrement = _text.FinalIncrement;
        _offset.SetOffset(_text.FinalOffset, _text.FinalOffset);
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}
