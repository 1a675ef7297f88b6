using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Search.Core;
using Search.Host.Apis;

namespace Search.Host.Infrastructure;

/// <summary>
/// Turns exceptions into ProblemDetails: request mistakes into 400 with the library's sentence,
/// a locked or missing index or a search out of time into 503, anything else into a 500 without internals.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return true;
        }
        var problem = exception switch
        {
            QueryLimitException e => Problem(StatusCodes.Status400BadRequest, "Query over a limit", e.Message, RequestParameterNames.For(e.Parameter), e.Limit),
            InvalidSearchRequestException e => Problem(StatusCodes.Status400BadRequest, "Invalid request", e.Message, RequestParameterNames.For(e.Parameter)),
            // Partial hits would carry short totals and facet counts; a sentence and a retry are more honest.
            SearchTimeoutException e => Problem(StatusCodes.Status503ServiceUnavailable, "Search timed out", e.Message),
            IndexLockedException e => Problem(StatusCodes.Status503ServiceUnavailable, "Index locked", e.Message),
            IndexNotFoundException e => Problem(StatusCodes.Status503ServiceUnavailable, "Index not found", e.Message),
            BackendUnavailableException e => Problem(StatusCodes.Status502BadGateway, "Cluster unavailable", e.Message),
            BadHttpRequestException e => Problem(e.StatusCode, "Bad request", BadRequestDetail(e)),
            _ => Problem(StatusCodes.Status500InternalServerError, "Unexpected error", "The server failed to handle the request; the error has been logged."),
        };
        if (problem.Status >= StatusCodes.Status500InternalServerError)
            LogFailure(logger, context.Request.Method, context.Request.Path.Value ?? "/", exception);
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string title, string detail, string? parameter = null, string? limit = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (parameter is not null)
            problem.Extensions["parameter"] = parameter;
        if (limit is not null)
            problem.Extensions["limit"] = limit;
        return problem;
    }

    private static string BadRequestDetail(BadHttpRequestException exception) => exception.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => exception.Message,
        _ => "The request could not be read; check the parameters and the body.",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, string method, string path, Exception exception);
}
