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
/// The whole field is buffered: an ambiguous alias ("HM") counts only when the same text names
/// the group another way, which the filter cannot know until it has seen every token. Articles are
/// small, so the buffer is too. At query time an acronym's own token is dropped (a query for LeT
/// must not match the verb), while longer names keep their words so phrases on them still work.
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
    private readonly List<Token> _pending = [];
    private int _next;
    private bool _buffered;

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
        if (!_buffered)
        {
            Buffer();
            _buffered = true;
        }
        if (_next >= _pending.Count)
            return false;
        var token = _pending[_next++];
        RestoreState(token.State);
        if (token.GroupTerm is not null)
        {
            ClearAttributes();
            _term.SetEmpty().Append(token.GroupTerm);
            _offset.SetOffset(token.StartOffset, token.EndOffset);
            _keyword.IsKeyword = true;
            _type.Type = GroupTokenType;
        }
        _positionIncrement.PositionIncrement = token.PositionIncrement;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
        _next = 0;
        _buffered = false;
    }

    private void Buffer()
    {
        var states = new List<State>();
        var words = new List<string>();
        var increments = new List<int>();
        var offsets = new List<(int Start, int End)>();
        while (m_input.IncrementToken())
        {
            states.Add(CaptureState());
            words.Add(_term.ToString());
            increments.Add(_positionIncrement.PositionIncrement);
            offsets.Add((_offset.StartOffset, _offset.EndOffset));
        }

        var spans = _table.Match(words, trustAmbiguous: _forQuery);
        var spanAt = spans.ToDictionary(s => s.Start);
        var carried = 0;
        for (var i = 0; i < words.Count;)
        {
            if (!spanAt.TryGetValue(i, out var span))
            {
                _pending.Add(new Token(states[i], increments[i] + carried, null, 0, 0));
                carried = 0;
                i++;
                continue;
            }

            var groupTerm = SearchSchema.GroupTerm(span.Canonical);
            var (start, end) = (offsets[i].Start, offsets[i + span.Length - 1].End);
            if (_forQuery && span.Acronym)
            {
                // The acronym's words leave no token of their own, but the positions they held
                // are kept so that a phrase around them still lines up with the index.
                _pending.Add(new Token(states[i], increments[i] + carried, groupTerm, start, end));
                carried = increments.Skip(i + 1).Take(span.Length - 1).Sum();
            }
            else
            {
                _pending.Add(new Token(states[i], increments[i] + carried, null, 0, 0));
                _pending.Add(new Token(states[i], 0, groupTerm, start, end));
                for (var k = i + 1; k < i + span.Length; k++)
                    _pending.Add(new Token(states[k], increments[k], null, 0, 0));
                carried = 0;
            }
            i += span.Length;
        }
    }

    private sealed record Token(State State, int PositionIncrement, string? GroupTerm, int StartOffset, int EndOffset);
}
