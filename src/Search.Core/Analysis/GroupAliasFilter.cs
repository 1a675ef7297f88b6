using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Search.Core.Analysis;

/// <summary>
/// Adds a group token wherever the alias table finds a group name, so that every alias of a group
/// shares one indexed term. It runs on the tokenizer's output, before lower-casing, because
/// acronyms are matched by case ("LeT" is the group, "let" is a verb).
/// </summary>
/// <remarks>
/// Tokens stream through untouched unless they can start a group name; only then does the filter
/// read ahead, as far as the name goes. An ambiguous alias ("HM") counts only when the text names
/// the group another way, so meeting one whose group has not been named yet makes the filter read
/// the rest of the field to decide. At query time an acronym's own token is dropped (a query for
/// LeT must not match the verb), while longer names keep their words so phrases on them still work.
/// </remarks>
internal sealed class GroupAliasFilter : TokenFilter
{
    private readonly GroupAliasTable _table;
    private readonly bool _forQuery;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly IKeywordAttribute _keyword;
    private readonly ITypeAttribute _type;

    // Tokens read from the input but not yet decided on, and tokens decided on but not yet emitted.
    private readonly List<Buffered> _lookahead = [];
    private readonly Queue<Output> _output = new();
    private readonly HashSet<string> _named = new(StringComparer.Ordinal);
    private bool _inputDone;
    private int _carriedIncrement;

    public GroupAliasFilter(TokenStream input, GroupAliasTable table, bool forQuery) : base(input)
    {
        _table = table;
        _forQuery = forQuery;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    /// <summary>The token type given to group tokens.</summary>
    public const string GroupTokenType = "<GROUP>";

    public override bool IncrementToken()
    {
        while (true)
        {
            if (_output.TryDequeue(out var output))
            {
                if (output.Dropped)
                {
                    // A dropped word's position is carried to the next token that is emitted.
                    _carriedIncrement += output.Token.PositionIncrement;
                    continue;
                }
                Emit(output);
                return true;
            }
            if (_lookahead.Count == 0)
            {
                if (_inputDone || !m_input.IncrementToken())
                {
                    _inputDone = true;
                    return false;
                }
                if (!_table.StartsAlias(_term.Buffer.AsSpan(0, _term.Length)))
                {
                    // Nearly every token: its increment is left alone unless a dropped word's is carried.
                    if (_carriedIncrement != 0)
                    {
                        _positionIncrement.PositionIncrement += _carriedIncrement;
                        _carriedIncrement = 0;
                    }
                    return true;
                }
                _lookahead.Add(Capture());
            }
            DecideFirst();
        }
    }

    public override void Reset()
    {
        base.Reset();
        _lookahead.Clear();
        _output.Clear();
        _named.Clear();
        _inputDone = false;
        _carriedIncrement = 0;
    }

    /// <summary>Decides whether the first buffered token starts a group name, and queues what to emit for it.</summary>
    private void DecideFirst()
    {
        var match = _table.MatchAt(TokenAt, includeAmbiguous: true);
        if (match is { } m && m.Terminal.Ambiguous && !_forQuery && !_named.Contains(m.Terminal.Canonical) && !NamedLater(m.Terminal.Canonical, m.Length))
            match = null;
        if (match is not { } found)
        {
            _output.Enqueue(new Output(_lookahead[0], null, 0, 0));
            _lookahead.RemoveAt(0);
            return;
        }

        var (terminal, length) = found;
        if (!terminal.Ambiguous)
            _named.Add(terminal.Canonical);
        var groupTerm = SearchSchema.GroupTerm(terminal.Canonical);
        var start = _lookahead[0].StartOffset;
        var end = _lookahead[length - 1].EndOffset;
        if (_forQuery && terminal.CaseSensitive)
        {
            // The acronym's words leave no token of their own, but the positions they held are
            // kept so that a phrase around them still lines up with the index.
            _output.Enqueue(new Output(_lookahead[0], groupTerm, start, end));
            for (var k = 1; k < length; k++)
                _output.Enqueue(new Output(_lookahead[k], null, 0, 0, Dropped: true));
        }
        else
        {
            _output.Enqueue(new Output(_lookahead[0], null, 0, 0));
            _output.Enqueue(new Output(_lookahead[0], groupTerm, start, end, SamePosition: true));
            for (var k = 1; k < length; k++)
                _output.Enqueue(new Output(_lookahead[k], null, 0, 0));
        }
        _lookahead.RemoveRange(0, length);
    }

    /// <summary>Whether the rest of the field names the group without an ambiguous alias; reads the rest of the input.</summary>
    private bool NamedLater(string canonical, int after)
    {
        while (!_inputDone)
            Fill();
        var words = _lookahead.Skip(after).Select(t => t.Text).ToArray();
        return _table.Match(words, trustAmbiguous: true).Any(s => s.Canonical == canonical && !s.Ambiguous);
    }

    private string? TokenAt(int index)
    {
        while (_lookahead.Count <= index && !_inputDone)
            Fill();
        return index < _lookahead.Count ? _lookahead[index].Text : null;
    }

    private void Fill()
    {
        if (m_input.IncrementToken())
            _lookahead.Add(Capture());
        else
            _inputDone = true;
    }

    private Buffered Capture() =>
        new(CaptureState(), _term.ToString(), _positionIncrement.PositionIncrement, _offset.StartOffset, _offset.EndOffset);

    private void Emit(Output output)
    {
        RestoreState(output.Token.State);
        if (output.GroupTerm is not null)
        {
            ClearAttributes();
            _term.SetEmpty().Append(output.GroupTerm);
            _offset.SetOffset(output.StartOffset, output.EndOffset);
            _keyword.IsKeyword = true;
            _type.Type = GroupTokenType;
        }
        _positionIncrement.PositionIncrement = output.SamePosition ? 0 : output.Token.PositionIncrement + _carriedIncrement;
        if (!output.SamePosition)
            _carriedIncrement = 0;
    }

    private sealed record Buffered(State State, string Text, int PositionIncrement, int StartOffset, int EndOffset);

    private sealed record Output(Buffered Token, string? GroupTerm, int StartOffset, int EndOffset, bool SamePosition = false, bool Dropped = false);
}
