using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Http.Problems;

/// <summary>Turns the exceptions a slice may raise into RFC 9457 problem responses; anything else is a 500 without internals.</summary>
public sealed class ApiProblemHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ApiProblem p => p,
            // Someone saved the record between our read and our write: the version guard caught it. A 412 answers only
            // a request that named a version (If-Match); one that did not (a restore, a status change, a new password)
            // met a change that won the race: a conflict with the record's state now.
            DbUpdateConcurrencyException when httpContext.Request.Headers.ContainsKey(HeaderNames.IfMatch) =>
                new ApiProblem(StatusCodes.Status412PreconditionFailed, "Precondition failed",
                    "The record was changed by someone else while this request ran: nothing was overwritten. Read it again and retry."),
            DbUpdateConcurrencyException => ApiProblem.Conflict(
                "The record was changed or removed by someone else while this request ran: nothing was written. Read it again and retry."),
            DbUpdateException db when db.IsUniqueViolation() => ApiProblem.Conflict("A record with the same unique value already exists."),
            BadHttpRequestException bad => new ApiProblem(bad.StatusCode, "Bad request", bad.Message),
            // The studio's calendar has no working day to count from: fixable in the settings.
            Platform.Time.BusinessCalendarException calendar => ApiProblem.RuleBroken(calendar.Message),
            _ => null,
        };
        if (problem is null)
            return false; // the default handler writes a plain 500 problem

        httpContext.Response.StatusCode = problem.Status;
        foreach (var (name, value) in problem.Headers)
            httpContext.Response.Headers[name] = value;
        var details = new ProblemDetails { Status = problem.Status, Title = problem.Title, Detail = problem.Detail };
        foreach (var (key, value) in problem.Extensions)
            details.Extensions[key] = value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = details,
            Exception = exception,
        });
    }
}
