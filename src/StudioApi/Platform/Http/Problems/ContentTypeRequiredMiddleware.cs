using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace StudioApi.Platform.Http.Problems;

/// <summary>
/// A request without Content-Type to an endpoint that takes a body. FastEndpoints answers it with a bare 415 whose
/// response has already started, so no problem could follow; this answers the same requests first, with the problem.
/// </summary>
public sealed class ContentTypeRequiredMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Headers.ContainsKey(HeaderNames.ContentType)
            && context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts
            && !accepts.ContentTypes.Contains("*/*"))
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"This request needs a body, sent as {string.Join(" or ", accepts.ContentTypes)} with its Content-Type.");
        return next(context);
    }
}
