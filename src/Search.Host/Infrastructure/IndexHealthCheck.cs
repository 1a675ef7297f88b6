using Microsoft.Extensions.Diagnostics.HealthChecks;
using Search.Core;

namespace Search.Host.Infrastructure;

/// <summary>Healthy when the index answers a search.</summary>
internal sealed class IndexHealthCheck(SearchIndex index) : IHealthCheck
{
    private static readonly SearchRequest Probe = new() { Size = 0, Facets = new FacetOptions { Names = [] } };

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var total = index.Search(Probe, cancellationToken).Total;
            return Task.FromResult(HealthCheckResult.Healthy($"{total} articles."));
        }
        catch (SearchException e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(e.Message));
        }
    }
}
