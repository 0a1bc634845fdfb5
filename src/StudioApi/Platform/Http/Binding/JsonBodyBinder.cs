using System.Text.Json;
using System.Text.Json.Nodes;
using FastEndpoints;
using FluentValidation.Results;

namespace StudioApi.Platform.Http.Binding;

/// <summary>
/// FastEndpoints' request binder for every endpoint, with one step before it: a JSON body is read, checked against the
/// endpoint's <see cref="JsonBodyShape"/> (unknown fields, a body that is no object, null items) and cleaned, and any
/// refusal is a 400 naming each field, before anything runs. Endpoints without a JSON body (no request DTO, GET and
/// DELETE, multipart uploads, raw files) bind exactly as before.
/// </summary>
public sealed class JsonBodyBinder<TRequest>(JsonBodyShapes shapes) : RequestBinder<TRequest> where TRequest : notnull
{
    public override async ValueTask<TRequest> BindAsync(BinderContext ctx, CancellationToken ct)
    {
        var request = ctx.HttpContext.Request;
        if (request.HasJsonContentType() && ctx.HttpContext.GetEndpoint() is { } endpoint
            && shapes.For(endpoint, ctx.SerializerOptions) is { } shape)
        {
            List<ValidationFailure> failures;
            JsonNode? body = null;
            try
            {
                // As deep as the serializer itself reads (0 means its default, 64).
                var depth = ctx.SerializerOptions.MaxDepth > 0 ? ctx.SerializerOptions.MaxDepth : 64;
                body = await JsonNode.ParseAsync(request.Body, documentOptions: new JsonDocumentOptions { MaxDepth = depth }, cancellationToken: ct);
                failures = shape.Check(body);
            }
            catch (JsonException e)
            {
                failures = [new ValidationFailure(JsonBodyShape.WholeBody, $"The body is not valid JSON: {e.Message}")];
            }
            if (failures.Count > 0)
            {
                ctx.ValidationFailures.AddRange(failures);
                throw new ValidationFailureException(ctx.ValidationFailures, "The JSON body was refused.");
            }
            // The cleaned body is what the DTO is read from.
            var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
            request.Body = new MemoryStream(bytes, writable: false);
            request.ContentLength = bytes.Length;
        }
        return await base.BindAsync(ctx, ct);
    }
}
