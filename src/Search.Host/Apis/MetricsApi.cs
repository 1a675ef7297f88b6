using System.Diagnostics;
using System.Net;
using Prometheus;
using Search.Core;
using Search.Host.Infrastructure;

namespace Search.Host.Apis;

/// <summary>
/// <c>GET /metrics</c> in the Prometheus text format: requests by route and status, search latency,
/// the index's documents, segments, size, commit age, hit-cache ratio and writes, the expensive-query
/// slots, and the process's garbage-collection pauses, collections, allocations, CPU time and managed
/// heap (so a soak can tell a leak from the garbage collector sizing its heap).
/// </summary>
/// <remarks>
/// Each host has its own registry rather than prometheus-net's process-wide default, so two hosts in one
/// process (tests, an embedding program) count apart.
/// </remarks>
public static class MetricsApi
{
    /// <summary>
    /// Counts every request and maps <c>/metrics</c>: open when the host listens on loopback only; on other
    /// addresses only with an API key configured, and then only to requests that carry it (otherwise absent).
    /// Call it before the rest of the pipeline so that every request is counted.
    /// </summary>
    public static WebApplication UseMetricsApi(this WebApplication app, SearchHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        var metrics = new HostMetrics(app.Services.GetRequiredService<SearchIndex>(), app.Services.GetRequiredService<IndexWrites>(), app.Services.GetRequiredService<ExpensiveQueryGate>());
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                metrics.Observe(context, Stopwatch.GetElapsedTime(started));
            }
        });
        var loopbackOnly = LoopbackOnly(options.Urls ?? SearchHostOptions.DefaultUrls);
        if (!loopbackOnly && !options.WritesEnabled)
            return app;
        var endpoint = app.MapGet("/metrics", (HttpContext context, CancellationToken cancellation) => metrics.WriteAsync(context.Response, cancellation))
            .ExcludeFromDescription();
        if (!loopbackOnly)
            endpoint.AddEndpointFilter<ApiKeyFilter>();
        return app;
    }

    /// <summary>Whether every address in <paramref name="urls"/> is a loopback one (<c>localhost</c>, 127.0.0.0/8, ::1).</summary>
    public static bool LoopbackOnly(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(url =>
        {
            // Kestrel's wildcard forms ("http://*:5000", "http://+:5000") are not URIs; they bind every address.
            if (!Uri.TryCreate(url.Replace("://*", "://any").Replace("://+", "://any"), UriKind.Absolute, out var uri))
                return false;
            return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        });
    }

    private sealed class HostMetrics
    {
        private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
        private readonly Counter _requests;
        private readonly Histogram _searchSeconds;

        public HostMetrics(SearchIndex index, IndexWrites writes, ExpensiveQueryGate gate)
        {
            var factory = Metrics.WithCustomRegistry(_registry);
            _requests = factory.CreateCounter("search_http_requests_total", "HTTP requests by route template, method and status code.", ["route", "method", "status"]);
            _searchSeconds = factory.CreateHistogram("search_query_duration_seconds", "Time to answer a search request (GET /api/search and saved-search runs), in seconds.", new HistogramConfiguration
            {
                Buckets = Histogram.ExponentialBuckets(0.001, 2, 14),
            });
            var documents = factory.CreateGauge("search_index_documents", "Articles in the index.");
            var segments = factory.CreateGauge("search_index_segments", "Segments in the index's last commit.");
            var size = factory.CreateGauge("search_index_size_bytes", "Size of the index folder on disk, in bytes.");
            var commitAge = factory.CreateGauge("search_index_last_commit_age_seconds", "Seconds since the last commit the host reads (-1 when not recorded).");
            var cacheRatio = factory.CreateGauge("search_hit_cache_hit_ratio", "Share of hits served from the hit-document cache since the host started.");
            var cacheLookups = factory.CreateGauge("search_hit_cache_lookups", "Hit-document cache lookups since the host started, by result.", ["result"]);
            // The runtime's own figures, to tell a slow query from a stop-the-world pause under load.
            var gcPause = factory.CreateGauge("search_gc_pause_seconds_total", "Time the garbage collector has paused the process since it started, in seconds.");
            var gcCollections = factory.CreateGauge("search_gc_collections_total", "Garbage collections since the process started, by generation.", ["generation"]);
            var allocated = factory.CreateGauge("search_allocated_bytes_total", "Bytes allocated on the managed heap since the process started.");
            var cpu = factory.CreateGauge("search_process_cpu_seconds_total", "Processor time the process has used since it started, in seconds.");
            var written = factory.CreateCounter("search_writes_total", "Write requests committed since the host started.");
            var failed = factory.CreateCounter("search_failed_writes_total", "Write requests that failed since the host started.");
            factory.CreateGauge("search_expensive_slots", "Expensive-query slots: how many searches with patterns or fuzzy terms may run at once.").Set(gate.Slots);
            var slotsInUse = factory.CreateGauge("search_expensive_slots_in_use", "Expensive-query slots (patterns, fuzzy terms) taken now.");
            var refused = factory.CreateCounter("search_expensive_refused_total", "Expensive searches refused with a 503 because no slot came free in time.");
            var heap = factory.CreateGauge("search_gc_heap_bytes", "Managed heap after the last garbage collection, in bytes: live objects and fragmentation.");
            var committed = factory.CreateGauge("search_gc_committed_bytes", "Memory the garbage collector has committed from the system, in bytes.");
            var threads = factory.CreateGauge("search_threadpool_threads", "Threads in the .NET thread pool: each keeps Lucene's per-thread reader state alive.");
            _registry.AddBeforeCollectCallback(() =>
            {
                threads.Set(ThreadPool.ThreadCount);
                slotsInUse.Set(gate.InUse);
                refused.IncTo(gate.Refused);
                var gc = GC.GetGCMemoryInfo();
                heap.Set(gc.HeapSizeBytes);
                committed.Set(gc.TotalCommittedBytes);
                var stats = index.GetStats(topValues: 0);
                documents.Set(stats.Documents);
                segments.Set(stats.Segments);
                size.Set(stats.SizeOnDiskBytes);
                commitAge.Set(stats.LastCommit is { } at ? Math.Max(0, (DateTimeOffset.UtcNow - at).TotalSeconds) : -1);
                var cache = index.HitCache;
                cacheRatio.Set(cache.HitRatio);
                cacheLookups.WithLabels("hit").Set(cache.Hits);
                cacheLookups.WithLabels("miss").Set(cache.Misses);
                gcPause.Set(GC.GetTotalPauseDuration().TotalSeconds);
                for (var generation = 0; generation <= GC.MaxGeneration; generation++)
                    gcCollections.WithLabels(generation.ToString(System.Globalization.CultureInfo.InvariantCulture)).Set(GC.CollectionCount(generation));
                allocated.Set(GC.GetTotalAllocatedBytes());
                cpu.Set(Environment.CpuUsage.TotalTime.TotalSeconds);
                written.IncTo(writes.Writes);
                failed.IncTo(writes.FailedWrites);
            });
        }

        public void Observe(HttpContext context, TimeSpan elapsed)
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? (context.Response.StatusCode == StatusCodes.Status404NotFound ? "unmatched" : "static");
            _requests.WithLabels(route, context.Request.Method, context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
            if (route is "/api/search" or "/api/saved/{name}" && HttpMethods.IsGet(context.Request.Method))
                _searchSeconds.Observe(elapsed.TotalSeconds);
        }

        public async Task WriteAsync(HttpResponse response, CancellationToken cancellation)
        {
            response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await _registry.CollectAndExportAsTextAsync(response.Body, cancellation);
        }
    }
}
