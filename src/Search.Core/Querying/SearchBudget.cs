namespace Search.Core.Querying;

/// <summary>
/// The time budget of one library call: a token that fires when the caller cancels or the budget
/// runs out, visible to the code Lucene calls back into (term rewriting) through an ambient slot,
/// because Lucene's rewrite methods take no token. Lucene runs a search on the calling thread, so
/// the slot is set for exactly the work of this call. Dispose it when the call ends.
/// </summary>
internal sealed class SearchBudget : IDisposable
{
    private static readonly AsyncLocal<SearchBudget?> Ambient = new();
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _caller;
    private readonly SearchBudget? _outer;

    private SearchBudget(TimeSpan budget, CancellationToken caller)
    {
        Budget = budget;
        _caller = caller;
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        // The timer counts whole milliseconds and fires on another thread; a budget shorter than
        // that is spent before the search starts, so it is spent at once rather than by a race.
        if (budget < TimeSpan.FromMilliseconds(1))
            _source.Cancel();
        else
            _source.CancelAfter(budget);
        _outer = Ambient.Value;
        Ambient.Value = this;
    }

    /// <summary>The time this call may take.</summary>
    public TimeSpan Budget { get; }

    /// <summary>Fires when the caller cancels or the budget runs out.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Starts a budget and makes it the ambient one until disposed.</summary>
    public static SearchBudget Start(TimeSpan budget, CancellationToken caller) => new(budget, caller);

    /// <summary>Throws when the ambient budget (if any) is spent or its caller cancelled.</summary>
    /// <exception cref="OperationCanceledException">The budget ran out or the caller cancelled.</exception>
    public static void ThrowIfSpent() => Ambient.Value?._source.Token.ThrowIfCancellationRequested();

    /// <summary>
    /// Whether <paramref name="exception"/> is this budget running out rather than the caller
    /// cancelling: the caller's cancellation stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    public bool RanOut(Exception exception) =>
        exception is OperationCanceledException && _source.IsCancellationRequested && !_caller.IsCancellationRequested;

    /// <summary>Runs <paramref name="work"/> under a budget; running out becomes <see cref="SearchTimeoutException"/>.</summary>
    public static T Run<T>(TimeSpan budget, CancellationToken caller, Func<CancellationToken, T> work)
    {
        // No budget at all: no timer, and the caller's token is the only way to stop the work.
        if (budget == Timeout.InfiniteTimeSpan)
            return work(caller);
        using var scope = Start(budget, caller);
        try
        {
            return work(scope.Token);
        }
        catch (OperationCanceledException e) when (scope.RanOut(e))
        {
            throw new SearchTimeoutException(budget, e);
        }
    }

    public void Dispose()
    {
        Ambient.Value = _outer;
        _source.Dispose();
    }
}
