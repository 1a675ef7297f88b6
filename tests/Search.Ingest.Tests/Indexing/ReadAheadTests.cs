using System.Collections.Concurrent;
using Search.Core;
using Search.Ingest.Indexing;
using Search.Ingest.Tests.Reading;

namespace Search.Ingest.Tests.Indexing;

public sealed class ReadAheadTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ArticleWriter _writer;

    public ReadAheadTests() => _writer = ArticleWriter.Open(Path.Combine(_temp.Path, "index"));

    public void Dispose()
    {
        _writer.Dispose();
        _temp.Dispose();
    }

    private PreparedArticle Prepare(Article article) => _writer.Prepare(article);

    private static Func<IngestResult> Article(int n, Action? whileRunning = null) => () =>
    {
        whileRunning?.Invoke();
        // Uneven work, so batches finish out of order.
        Thread.SpinWait(n % 7 * 2000);
        var source = new SourceRef($"/in/{n}.txt");
        return new IngestedArticle(new Article { Id = n.ToString(System.Globalization.CultureInfo.InvariantCulture), Title = "t", Body = $"Body {n}.", Source = source.ToString() }, source);
    };

    private static string Id(Outcome outcome) => ((IngestedArticle)outcome.Result).Article.Id;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Of_YieldsEveryResultOnceInTheOrderRead_AndPreparesEach(int extractionThreads)
    {
        var outcomes = ReadAhead.Of(Enumerable.Range(0, 1000).Select(n => Article(n)), Prepare, CancellationToken.None, extractionThreads).ToList();

        Assert.Equal(Enumerable.Range(0, 1000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), outcomes.Select(Id));
        Assert.All(outcomes, outcome => Assert.Same(((IngestedArticle)outcome.Result).Article, outcome.Prepared?.Article));
    }

    [Fact]
    public void Of_WithNoExtractionThread_TheCallingThreadExtractsEverything()
    {
        var threads = new ConcurrentDictionary<int, bool>();
        var caller = Environment.CurrentManagedThreadId;

        var outcomes = ReadAhead.Of(Enumerable.Range(0, 300).Select(n => Article(n, () => threads[Environment.CurrentManagedThreadId] = true)), Prepare, CancellationToken.None, extractionThreads: 0).ToList();

        Assert.Equal(300, outcomes.Count);
        Assert.Equal([caller], threads.Keys);
    }

    [Fact]
    public void Of_WhenAnExtractionThrows_TheResultsBeforeItComeOutThenItsException()
    {
        var functions = Enumerable.Range(0, 100).Select(n => n == 40 ? () => throw new InvalidDataException("record 40") : Article(n));
        var seen = new List<string>();

        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var outcome in ReadAhead.Of(functions, Prepare, CancellationToken.None, extractionThreads: 1))
                seen.Add(Id(outcome));
        });

        Assert.Equal("record 40", error.Message);
        Assert.Equal(Enumerable.Range(0, 40).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), seen);
    }

    [Fact]
    public void Of_WhenTheSourceThrows_TheResultsReadBeforeComeOutThenItsException()
    {
        static IEnumerable<Func<IngestResult>> Source()
        {
            for (var n = 0; n < 50; n++)
                yield return Article(n);
            throw new IOException("disk gone");
        }
        var seen = 0;

        var error = Assert.Throws<IOException>(() =>
        {
            foreach (var _ in ReadAhead.Of(Source(), Prepare, CancellationToken.None, extractionThreads: 1))
                seen++;
        });

        Assert.Equal("disk gone", error.Message);
        Assert.Equal(50, seen);
    }

    [Fact]
    public void Of_StoppedEarly_StopsReadingBeforeItReturns()
    {
        var read = 0;
        IEnumerable<Func<IngestResult>> Endless()
        {
            for (var n = 0; ; n++)
            {
                Interlocked.Increment(ref read);
                yield return Article(n);
            }
        }

        var first = ReadAhead.Of(Endless(), Prepare, CancellationToken.None, extractionThreads: 1).Take(10).ToList();
        var readWhenStopped = Volatile.Read(ref read);
        Thread.Sleep(100);

        Assert.Equal(10, first.Count);
        Assert.Equal(readWhenStopped, Volatile.Read(ref read));
        // Read ahead by a bounded number of articles, not the endless source.
        Assert.InRange(readWhenStopped, 10, 1000);
    }
}
