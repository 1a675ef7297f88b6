using System.Security.Cryptography;
using System.Text;
using Search.Host.Apis;

namespace Search.Host.Infrastructure;

/// <summary>Lets a request through only when its <c>X-Api-Key</c> header holds the configured key.</summary>
internal sealed class ApiKeyFilter(SearchHostOptions options) : IEndpointFilter
{
    // Hashing both sides first makes the comparison take the same time whatever the lengths.
    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(options.ApiKey ?? throw new InvalidOperationException("Writes need an API key.")));

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var given = context.HttpContext.Request.Headers[SearchApi.ApiKeyHeader].ToString();
        if (given.Length > 0 && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), _expected))
            return next(context);
        var detail = given.Length == 0
            ? $"Writes need the API key in the {SearchApi.ApiKeyHeader} header."
            : $"The key in the {SearchApi.ApiKeyHeader} header is not the configured API key.";
        return ValueTask.FromResult<object?>(TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail));
    }
}
