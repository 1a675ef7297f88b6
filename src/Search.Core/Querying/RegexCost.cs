using Lucene.Net.Util.Automaton;

namespace Search.Core.Querying;

/// <summary>
/// Checks that a regular expression in Lucene's syntax (<c>/…/</c> in a query) is short enough and
/// determinizes within the query's <see cref="DeterminizationBudget"/>, before Lucene builds it.
/// </summary>
/// <remarks>
/// <para>
/// Why a bounded subset construction rather than a structural bound: a bound read off the
/// expression (2^n states for n character positions) is either loose enough to let
/// <c>[ab]*a[ab]{20}</c> through or tight enough to reject plain long words, while the construction
/// itself costs no more than the small automata it allows.
/// </para>
/// <para>
/// The parser follows Lucene's <c>RegExp</c> grammar with every syntax flag on (what
/// <c>RegexpQuery</c> uses) and builds the automaton the way <c>RegExp.ToAutomaton</c> does:
/// leaves as they are, every operator's result determinized and minimized. Each of those
/// determinizations is first run here against the budget. Operators that multiply automata
/// (bounded repetition, intersection) are checked against the budget before they are built.
/// Lucene then converts the result to UTF-8 and determinizes it once more, which costs far more per
/// state than the rest; that run is counted too.
/// </para>
/// Malformed expressions throw <see cref="ArgumentException"/>, as Lucene does, so the query
/// compiler falls back to plain words for them.
/// </remarks>
internal sealed class RegexCost
{
    private readonly int[] _text;
    private readonly DeterminizationBudget _budget;
    private int _pos;

    private RegexCost(string regex, DeterminizationBudget budget)
    {
        _text = regex.EnumerateRunes().Select(r => r.Value).ToArray();
        _budget = budget;
    }

    /// <summary>Checks <paramref name="regex"/> (without its slashes), spending its states from <paramref name="budget"/>.</summary>
    /// <exception cref="QueryLimitException">The expression is too long or too complex.</exception>
    /// <exception cref="ArgumentException">The expression is malformed.</exception>
    public static void Check(string regex, DeterminizationBudget budget)
    {
        if (regex.Length > SearchLimits.MaxRegexLength)
        {
            throw new QueryLimitException(nameof(SearchLimits.MaxRegexLength),
                $"The regular expression is {regex.Length} characters long; the limit is {SearchLimits.MaxRegexLength}.");
        }
        var cost = new RegexCost(regex, budget);
        var automaton = cost.UnionExp();
        if (cost._pos < cost._text.Length)
            throw new ArgumentException($"End of regular expression expected at position {cost._pos}.");
        budget.Determinize(new UTF32ToUTF8().Convert(automaton), "regular expression");
    }

    private Automaton UnionExp()
    {
        var parts = new List<Automaton> { InterExp() };
        while (Match('|'))
            parts.Add(InterExp());
        return parts.Count == 1 ? parts[0] : Operator(BasicOperations.Union(parts));
    }

    private Automaton InterExp()
    {
        var automaton = ConcatExp();
        while (Match('&'))
        {
            var right = ConcatExp();
            Fits((long)automaton.GetNumberOfStates() * right.GetNumberOfStates());
            automaton = Operator(BasicOperations.Intersection(automaton, right));
        }
        return automaton;
    }

    private Automaton ConcatExp()
    {
        var parts = new List<Automaton> { RepeatExp() };
        while (More && !Peek(")|&"))
            parts.Add(RepeatExp());
        return parts.Count == 1 ? parts[0] : Operator(BasicOperations.Concatenate(parts));
    }

    private Automaton RepeatExp()
    {
        var automaton = ComplExp();
        while (Peek("?*+{"))
        {
            if (Match('?'))
                automaton = Operator(BasicOperations.Optional(automaton));
            else if (Match('*'))
                automaton = Operator(BasicOperations.Repeat(automaton));
            else if (Match('+'))
                automaton = Operator(BasicOperations.Repeat(automaton, 1));
            else
            {
                Match('{');
                var min = Number() ?? throw new ArgumentException($"Integer expected at position {_pos}.");
                var max = Match(',') ? Number() : min;
                if (!Match('}'))
                    throw new ArgumentException($"Expected '}}' at position {_pos}.");
                Fits(automaton.GetNumberOfStates() * ((long)(max ?? min) + 1));
                automaton = Operator(max is { } m ? BasicOperations.Repeat(automaton, min, m) : BasicOperations.Repeat(automaton, min));
            }
        }
        return automaton;
    }

    private Automaton ComplExp() =>
        Match('~') ? Operator(BasicOperations.Complement(ComplExp())) : CharClassExp();

    private Automaton CharClassExp()
    {
        if (!Match('['))
            return SimpleExp();
        var negate = Match('^');
        var parts = new List<Automaton> { CharClass() };
        while (More && !Peek("]"))
            parts.Add(CharClass());
        var automaton = Operator(BasicOperations.Union(parts));
        if (negate)
            automaton = Operator(BasicOperations.Intersection(BasicAutomata.MakeAnyChar(), Operator(BasicOperations.Complement(automaton))));
        if (!Match(']'))
            throw new ArgumentException($"Expected ']' at position {_pos}.");
        return automaton;
    }

    private Automaton CharClass()
    {
        var from = CharExp();
        if (!Match('-'))
            return BasicAutomata.MakeChar(from);
        var to = CharExp();
        return from <= to
            ? BasicAutomata.MakeCharRange(from, to)
            : throw new ArgumentException($"Invalid character range {char.ConvertFromUtf32(from)}-{char.ConvertFromUtf32(to)}.");
    }

    private Automaton SimpleExp()
    {
        if (Match('.'))
            return BasicAutomata.MakeAnyChar();
        if (Match('#'))
            return BasicAutomata.MakeEmpty();
        if (Match('@'))
            return BasicAutomata.MakeAnyString();
        if (Match('"'))
        {
            var start = _pos;
            while (More && !Peek("\""))
                _pos++;
            if (!Match('"'))
                throw new ArgumentException($"Expected '\"' at position {_pos}.");
            return BasicAutomata.MakeString(Substring(start, _pos - 1));
        }
        if (Match('('))
        {
            if (Match(')'))
                return BasicAutomata.MakeString("");
            var inner = UnionExp();
            return Match(')') ? inner : throw new ArgumentException($"Expected ')' at position {_pos}.");
        }
        if (Match('<'))
            return Interval();
        return BasicAutomata.MakeChar(CharExp());
    }

    /// <summary><c>&lt;n-m&gt;</c>, a numeric interval; named automata are not offered, so any other name is an error as in Lucene.</summary>
    private Automaton Interval()
    {
        var start = _pos;
        while (More && !Peek(">"))
            _pos++;
        if (!Match('>'))
            throw new ArgumentException($"Expected '>' at position {_pos}.");
        var body = Substring(start, _pos - 1);
        var dash = body.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || dash == body.Length - 1
            || !int.TryParse(body[..dash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var min)
            || !int.TryParse(body[(dash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var max))
            throw new ArgumentException($"'<{body}>' is not an interval such as <1-100>.");
        var digits = body[..dash].Length == body[(dash + 1)..].Length ? body[..dash].Length : 0;
        return BasicAutomata.MakeInterval(Math.Min(min, max), Math.Max(min, max), digits);
    }

    private int CharExp()
    {
        Match('\\');
        return More ? _text[_pos++] : throw new ArgumentException("Unexpected end of regular expression.");
    }

    /// <summary>An operator's result, determinized within the budget and then minimized as Lucene does.</summary>
    private Automaton Operator(Automaton automaton)
    {
        _budget.Determinize(automaton, "regular expression");
        MinimizationOperations.Minimize(automaton);
        return automaton;
    }

    /// <summary>Refuses to build an automaton of <paramref name="states"/> states when fewer are left in the budget.</summary>
    private void Fits(long states) => _budget.EnsureRoom(states, "regular expression");

    private int? Number()
    {
        var start = _pos;
        while (More && _text[_pos] is >= '0' and <= '9')
            _pos++;
        if (start == _pos)
            return null;
        // More digits than an int holds is a repetition no budget allows.
        return int.TryParse(Substring(start, _pos), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : int.MaxValue;
    }

    private bool More => _pos < _text.Length;

    private bool Peek(string chars) => More && _text[_pos] < 0x10000 && chars.Contains((char)_text[_pos], StringComparison.Ordinal);

    private bool Match(char c)
    {
        if (!More || _text[_pos] != c)
            return false;
        _pos++;
        return true;
    }

    private string Substring(int start, int end) =>
        string.Concat(_text[start..end].Select(char.ConvertFromUtf32));
}
