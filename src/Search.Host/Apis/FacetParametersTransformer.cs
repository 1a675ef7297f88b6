using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Search.Core;

namespace Search.Host.Apis;

/// <summary>
/// Documents the facet filters of the search endpoints. They are read from the query string by
/// facet name rather than bound to properties, so the generated document learns them from the
/// index's schema here.
/// </summary>
internal sealed class FacetParametersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ParameterDescriptions.Any(p => p.Name == "q"))
            return Task.CompletedTask;
        var facets = context.ApplicationServices.GetRequiredService<ISearchBackend>().Facets;
        operation.Parameters ??= [];
        foreach (var facet in facets.Definitions)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = facet.Name,
                In = ParameterLocation.Query,
                Description = $"{facet.Label} to filter on; repeat for several (OR-ed).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            });
        }
        return Task.CompletedTask;
    }
}
