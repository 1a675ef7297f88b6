using Lucene.Net.Util.Automaton;

namespace Search.Core.Querying;

/// <summary>
/// Counts the states a subset construction makes from an automaton, stopping as soon as the count
/// passes what is left of the budget. Lucene.Net 4.8 determinizes regular expressions and wildcards
/// with no limit (<c>/[ab]*a[ab]{20}/</c> needs millions of states); running the same construction
/// here first, with a limit, tells whether Lucene's run would stay small, at no more than the cost
/// of that small run.
/// </summary>
/// <remarks>
/// One budget is shared by every automaton of a query, so a query cannot spend it many times over.
/// The count is of Lucene's own algorithm (reachable subsets of states over the same input
/// intervals), so it is exact rather than an estimate.
/// </remarks>
internal sealed class DeterminizationBudget(int states)
{
    /// <summary>States still allowed.</summary>
    public int Remaining { get; private set; } = states;

    /// <summary>Spends <paramref name="count"/> states, or throws when fewer are left.</summary>
    /// <exception cref="QueryLimitException">The budget is spent.</exception>
    public void Spend(int count, string what)
    {
        if (count > Remaining)
            throw Exceeded(what);
        Remaining -= count;
    }

    /// <summary>Throws when an automaton of <paramref name="states"/> states would not fit in what is left.</summary>
    /// <exception cref="QueryLimitException">The budget is too small.</exception>
    public void EnsureRoom(long states, string what)
    {
        if (states > Remaining)
            throw Exceeded(what);
    }

    /// <summary>Counts the deterministic states of <paramref name="automaton"/> and spends them.</summary>
    /// <exception cref="QueryLimitException">The automaton needs more states than are left.</exception>
    public void Determinize(Automaton automaton, string what)
    {
        if (automaton.IsDeterministic || automaton.Singleton is not null)
        {
            Spend(Math.Max(1, automaton.GetNumberOfStates()), what);
            return;
        }
        var nfa = Number(automaton.GetInitialState(), what);
        var points = StartPoints(nfa);
        var seen = new HashSet<int[]>(SetComparer.Instance);
        var pending = new Queue<int[]>();
        var start = new[] { 0 };
        seen.Add(start);
        pending.Enqueue(start);
        var buckets = new List<int>?[points.Length];
        while (pending.Count > 0)
        {
            var set = pending.Dequeue();
            Array.Clear(buckets);
            foreach (var member in set)
            {
                foreach (var (min, max, dest) in nfa[member])
                {
                    for (var i = Array.BinarySearch(points, min); i < points.Length && points[i] <= max; i++)
                        (buckets[i] ??= []).Add(dest);
                }
            }
            foreach (var bucket in buckets)
            {
                if (bucket is null)
                    continue;
                var next = bucket.Distinct().Order().ToArray();
                if (seen.Add(next))
                {
                    Spend(1, what);
                    pending.Enqueue(next);
                }
            }
        }
    }

    private QueryLimitException Exceeded(string what) => new(
        nameof(SearchLimits.MaxDeterminizedStates),
        $"The {what} is too complex: matching it would need more than {SearchLimits.MaxDeterminizedStates:N0} automaton states (the limit for one query). Make it more specific, for example with fewer repetitions after a '*' or '+'.");

    /// <summary>The automaton's states reachable from <paramref name="initial"/>, numbered from 0 (the initial state), each with its transitions.</summary>
    private (int Min, int Max, int Dest)[][] Number(State initial, string what)
    {
        var index = new Dictionary<State, int>(ReferenceEqualityComparer.Instance) { [initial] = 0 };
        var order = new List<State> { initial };
        for (var i = 0; i < order.Count; i++)
        {
            foreach (var t in order[i].GetTransitions())
            {
                if (index.TryAdd(t.Dest, order.Count))
                {
                    order.Add(t.Dest);
                    // The automaton itself can be large (a long repetition); counting it bounds the walk.
                    if (order.Count > Remaining)
                        throw Exceeded(what);
                }
            }
        }
        return order.Select(s => s.GetTransitions().Select(t => (t.Min, t.Max, index[t.Dest])).ToArray()).ToArray();
    }

    /// <summary>Where the input intervals start: every transition's lower bound and the point after its upper bound.</summary>
    private static int[] StartPoints((int Min, int Max, int Dest)[][] nfa)
    {
        var points = new SortedSet<int> { 0 };
        foreach (var state in nfa)
        {
            foreach (var (min, max, _) in state)
            {
                points.Add(min);
                if (max < int.MaxValue)
                    points.Add(max + 1);
            }
        }
        return points.ToArray();
    }

    private sealed class SetComparer : IEqualityComparer<int[]>
    {
        public static readonly SetComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] set)
        {
            var hash = new HashCode();
            foreach (var member in set)
                hash.Add(member);
            return hash.ToHashCode();
        }
    }
}
