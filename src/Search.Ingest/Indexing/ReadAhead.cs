using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Search.Core;

namespace Search.Ingest.Indexing;

/// <summary>
/// Reads, cleans and extracts articles ahead of the thread that writes them, and hands them over in
/// the order read. The writer's thread is the one a bulk run waits for: in perf of <c>search index</c>
/// on Reuters it is busy from the first article to the last, while extraction needs less than the
/// other core. So extraction gets one thread fewer than there are cores, and the writer a core of its
/// own; when the next batch in order is not ready, the writer runs a batch no extraction thread has
/// taken (that one or a later one) instead of waiting, so a run whose extraction is the slower side
/// (long HTML pages) still uses every core.
/// </summary>
internal static class ReadAhead
{
    /// <summary>Articles read and extracted ahead of the writer at most: enough to ride out a slow file, little memory.</summary>
    private const int Limit = 256;

    /// <summary>
    /// Articles one batch cleans and extracts in turn, at most. A task per article woke a pool thread,
    /// the reader and the writer for every article, and the pool threads spun between them on the
    /// cores the writer needed: on Reuters, batches took an eighth off the processor time of the whole
    /// run. The first batches are smaller (1, 2, 4, …), so that a run of a few long files still spreads
    /// over the cores.
    /// </summary>
    private const int LargestBatch = 16;

    /// <summary>
    /// Enumerates <paramref name="pending"/> on a thread of its own and yields each result in order, up
    /// to <see cref="Limit"/> ahead, so reading, cleaning and extraction run while the caller writes.
    /// With <paramref name="prepare"/>, the results' functions (their cleaning and extraction) run in
    /// batches on extraction threads and, when it would otherwise wait, on the caller's thread, and
    /// each article is prepared for the writer there too (<see cref="ArticleWriter.Prepare"/>);
    /// without, they run on the reading thread. An exception from the source or a function comes out of
    /// the enumeration at the point it happened; stopping the enumeration early stops the reading
    /// thread before returning.
    /// </summary>
    public static IEnumerable<Outcome> Of(IEnumerable<Func<IngestResult>> pending, Func<Article, PreparedArticle>? prepare, CancellationToken cancellation) =>
        Of(pending, prepare, cancellation, extractionThreads: Environment.ProcessorCount - 1);

    /// <summary><see cref="Of(IEnumerable{Func{IngestResult}}, Func{Article, PreparedArticle}?, CancellationToken)"/> with as many extraction threads as given (tests run it with none, one and several).</summary>
    internal static IEnumerable<Outcome> Of(IEnumerable<Func<IngestResult>> pending, Func<Article, PreparedArticle>? prepare, CancellationToken cancellation, int extractionThreads)
    {
        var extractInParallel = prepare is not null;
        var largestBatch = extractInParallel ? LargestBatch : 1;
        // Synchronous continuations: the reader wakes the writer directly, not through a thread-pool hop.
        var inOrder = Channel.CreateBounded<Batch>(new BoundedChannelOptions(Limit / largestBatch) { SingleReader = true, SingleWriter = true, AllowSynchronousContinuations = true });
        // Not disposed: an extraction thread may still be finishing a batch after the enumeration ends.
        var untaken = new BlockingCollection<Batch>(new ConcurrentQueue<Batch>());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (extractInParallel)
            StartExtractionThreads(extractionThreads, untaken, stop.Token);
        var reading = Task.Factory.StartNew(() =>
        {
            var functions = new List<Func<IngestResult>>(largestBatch);
            Exception? failure = null;
            try
            {
                var batchSize = 1;
                foreach (var next in pending)
                {
                    functions.Add(next);
                    if (functions.Count == batchSize)
                    {
                        Send(functions.ToArray());
                        functions.Clear();
                        batchSize = Math.Min(batchSize * 2, largestBatch);
                    }
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
            try
            {
                // The last batch, whole or cut short by the source's exception, comes out before it (a stopped run needs none of it).
                if (functions.Count > 0 && !stop.IsCancellationRequested)
                    Send(functions.ToArray());
            }
            finally
            {
                inOrder.Writer.Complete(failure);
                untaken.CompleteAdding();
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            while (true)
            {
                if (inOrder.Reader.TryRead(out var batch))
                {
                    foreach (var (outcome, error) in batch.Outcomes(untaken))
                    {
                        error?.Throw();
                        yield return outcome!.Value;
                    }
                }
                // Completed with the source's exception, this throws it; completed cleanly, it is false.
                else if (!inOrder.Reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult())
                {
                    yield break;
                }
            }
        }
        finally
        {
            stop.Cancel();
            // The reader may hold files open; it finishes the record in hand and stops. Batches already
            // started finish on their threads and are dropped: they hold no files.
            try
            {
                reading.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Its outcome already reached the caller through the channel, or no longer matters.
            }
        }

        void Send(Func<IngestResult>[] functions)
        {
            var batch = new Batch(functions, prepare);
            if (extractInParallel)
                untaken.Add(batch);
            else
                batch.Run();
            if (!inOrder.Writer.TryWrite(batch))
                inOrder.Writer.WriteAsync(batch, stop.Token).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// Threads (one fewer than the cores in a run, none on one core, where the writer's thread extracts
    /// too), each running batches in the order read until there are no more or the run stops. Threads
    /// of their own, not the pool's: pool threads spin between work items on the cores the writer needs.
    /// </summary>
    private static void StartExtractionThreads(int count, BlockingCollection<Batch> untaken, CancellationToken stop)
    {
        for (var i = 0; i < count; i++)
        {
            new Thread(() =>
            {
                try
                {
                    foreach (var batch in untaken.GetConsumingEnumerable(stop))
                        batch.Run();
                }
                catch (OperationCanceledException)
                {
                    // The enumeration ended early; what is left untaken is not needed.
                }
            })
            {
                IsBackground = true,
                Name = "Search extraction",
            }.Start();
        }
    }

    /// <summary>Functions run in turn by one thread, their outcomes in order.</summary>
    private sealed class Batch(Func<IngestResult>[] functions, Func<Article, PreparedArticle>? prepare)
    {
        private readonly ManualResetEventSlim _done = new();
        private (Outcome? Outcome, ExceptionDispatchInfo? Error)[]? _outcomes;
        private ExceptionDispatchInfo? _failure;

        /// <summary>
        /// Runs each function in turn, and prepares each article for the writer there too when given
        /// how; one that throws leaves its exception in its place, and the rest still run.
        /// </summary>
        public void Run()
        {
            try
            {
                var outcomes = new (Outcome?, ExceptionDispatchInfo?)[functions.Length];
                for (var i = 0; i < functions.Length; i++)
                {
                    try
                    {
                        var result = functions[i]();
                        outcomes[i] = (new Outcome(result, prepare is not null && result is IngestedArticle ingested ? prepare(ingested.Article) : null), null);
                    }
                    catch (Exception e)
                    {
                        outcomes[i] = (null, ExceptionDispatchInfo.Capture(e));
                    }
                }
                _outcomes = outcomes;
            }
            catch (Exception e)
            {
                // Out of memory for the array, say: on an extraction thread it would end the process,
                // and the writer would wait for this batch for ever. It reaches the writer instead.
                _failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                _done.Set();
            }
        }

        /// <summary>The outcomes, once run; until then the calling thread runs batches nobody has taken, this one or later ones.</summary>
        public (Outcome? Outcome, ExceptionDispatchInfo? Error)[] Outcomes(BlockingCollection<Batch> untaken)
        {
            while (!_done.IsSet && untaken.TryTake(out var other))
                other.Run();
            _done.Wait();
            _done.Dispose();
            _failure?.Throw();
            return _outcomes!;
        }
    }
}

/// <summary>A result to write, with its article already prepared for the writer when that was done beside extraction.</summary>
internal readonly record struct Outcome(IngestResult Result, PreparedArticle? Prepared = null);
