using System.Text;

namespace Search.Host.Infrastructure;

/// <summary>Reads a request body as UTF-8 text, refusing bodies over the limit.</summary>
internal static class RequestBody
{
    public static async Task<string> ReadTextAsync(HttpRequest request, long maxBytes, CancellationToken cancellation)
    {
        if (request.ContentLength > maxBytes)
            throw TooLarge(maxBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw TooLarge(maxBytes);
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static BadHttpRequestException TooLarge(long maxBytes) =>
        new($"The request body is over the limit of {maxBytes:N0} bytes; send fewer articles per request.", StatusCodes.Status413PayloadTooLarge);
}
