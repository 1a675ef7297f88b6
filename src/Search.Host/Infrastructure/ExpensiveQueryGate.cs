namespace Search.Host.Infrastructure;

/// <summary>
/// Bounds how many expensive searches (regular expressions, wildcards, fuzzy terms) run at once, so
/// that a client sending many of them cannot take every core from the plain searches of the others.
/// A search that finds no free slot within <see cref="QueueTimeout"/> is refused with a 503.
/// </summary>
internal sealed class ExpensiveQueryGate : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private long _refused;

    public ExpensiveQueryGate() : this(Math.Max(2, Environment.ProcessorCount), TimeSpan.FromSeconds(1)) { }

    public ExpensiveQueryGate(int slots, TimeSpan queueTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(queueTimeout, TimeSpan.Zero);
        Slots = slots;
        QueueTimeout = queueTimeout;
        _slots = new SemaphoreSlim(slots, slots);
    }

    /// <summary>How many expensive searches may run at once: max(2, cores) by default.</summary>
    public int Slots { get; }

    /// <summary>How long an expensive search waits for a slot before it is refused: 1 s by default.</summary>
    public TimeSpan QueueTimeout { get; }

    /// <summary>How many slots are taken now.</summary>
    public int InUse => Slots - _slots.CurrentCount;

    /// <summary>How many searches were refused since the gate was made.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>
    /// Whether the query text uses syntax that expands over the index vocabulary: <c>/regex/</c>,
    /// <c>*</c> or <c>?</c> wildcards, or <c>~</c> fuzzy terms (slop on a phrase counts too; it is cheap but rare).
    /// </summary>
    public static bool IsExpensive(string? query) => query is not null && query.AsSpan().IndexOfAny("/*?~") >= 0;

    /// <summary>Waits for a slot; <c>false</c> (counted as refused) when none came free in time.</summary>
    public async Task<bool> EnterAsync(CancellationToken cancellation)
    {
        if (await _slots.WaitAsync(QueueTimeout, cancellation))
            return true;
        Interlocked.Increment(ref _refused);
        return false;
    }

    /// <summary>Gives back a slot taken by <see cref="EnterAsync"/>.</summary>
    public void Exit() => _slots.Release();

    public void Dispose() => _slots.Dispose();
}

/// <summary>Runs an endpoint's expensive searches through the <see cref="ExpensiveQueryGate"/>.</summary>
internal sealed class ExpensiveQueryFilter(ExpensiveQueryGate gate) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!ExpensiveQueryGate.IsExpensive(http.Request.Query["q"]))
            return await next(context);
        if (!await gate.EnterAsync(http.RequestAborted))
        {
            http.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Too many expensive searches",
                detail: $"{gate.Slots} searches with patterns or fuzzy terms are already running; try again in a moment, or search without '/', '*', '?' or '~'.");
        }
        try
        {
            return await next(context);
        }
        finally
        {
            gate.Exit();
        }
    }
}
