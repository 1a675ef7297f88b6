using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Search.Host.Tests.Infrastructure;

/// <summary>Keeps every log line written at Information or above, for assertions.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, string Message)> _entries = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _logged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<(string Category, string Message)> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    /// <summary>
    /// The entries matching <paramref name="match"/>, as soon as there is one: woken by each new line
    /// rather than polling on a timer. <paramref name="cancellation"/> only guards against a line that never comes.
    /// </summary>
    public async Task<IReadOnlyList<(string Category, string Message)>> WaitForAsync(Func<(string Category, string Message), bool> match, CancellationToken cancellation)
    {
        while (true)
        {
            Task next;
            lock (_gate)
                next = _logged.Task;
            var found = Entries.Where(match).ToArray();
            if (found.Length > 0)
                return found;
            await next.WaitAsync(cancellation);
        }
    }

    public void Dispose()
    {
    }

    private void Add(string category, string message)
    {
        _entries.Enqueue((category, message));
        TaskCompletionSource logged;
        lock (_gate)
        {
            logged = _logged;
            _logged = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        logged.SetResult();
    }

    private sealed class Logger(string category, CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                provider.Add(category, formatter(state, exception));
        }
    }
}
