using FastEndpoints;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;

namespace StudioApi.Platform.Http.OpenApi;

/// <summary>
/// The responses of every operation, from our conventions rather than per endpoint: a creating POST answers 201 with
/// Location and ETag, a record answers with its ETag, and each error the conventions can produce is listed as an
/// RFC 9457 problem (one <c>ProblemDetails</c> schema, <c>application/problem+json</c>).
/// </summary>
public sealed class ResponsesTransformer : IOpenApiOperationTransformer
{
    public const string ProblemSchemaId = "ProblemDetails";
    public const string ProblemErrorSchemaId = "ProblemFieldError";
    public const string ProblemContentType = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var definition = metadata.OfType<EndpointDefinition>().FirstOrDefault();
        var method = context.Description.HttpMethod ?? "GET";
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var idempotent = metadata.OfType<AcceptsIdempotencyKey>().Any();
        var createsWithETag = metadata.OfType<AnswersCreatedWithETag>().Any();
        var returnsRecord = createsWithETag
                            || definition?.ResDtoType is { } responseType && typeof(RecordResponse).IsAssignableFrom(responseType);
        var headers = (operation.Parameters ?? []).Where(p => p.In == ParameterLocation.Header && p.Name is not null)
            .Select(p => p.Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var hasRouteValues = (operation.Parameters ?? []).Any(p => p.In == ParameterLocation.Path);
        var hasInput = operation.Parameters is { Count: > 0 } || operation.RequestBody is not null;
        var writes = method is "POST" or "PUT" or "PATCH" or "DELETE";
        var responses = operation.Responses ??= new OpenApiResponses();

        // A creating POST (one that takes an Idempotency-Key and returns a record) answers 201 Created;
        // FastEndpoints declares 200 unless told otherwise.
        if (method == "POST" && idempotent && returnsRecord && !responses.ContainsKey("201") && responses.Remove("200", out var ok))
        {
            if (ok is OpenApiResponse created)
                created.Description = "Created";
            responses["201"] = ok;
        }

        foreach (var (status, response) in responses)
        {
            if (response is not OpenApiResponse success || !status.StartsWith('2') || status == "204")
                continue;
            // A batch (bulk scheduling) or a public booking creates something without one URL to show the caller.
            if (status == "201" && returnsRecord)
                AddHeader(success, KnownHeaders.Location);
            // Long work answers 202 with the resource to poll for its progress.
            if (status == "202")
                AddHeader(success, KnownHeaders.Location);
            if (returnsRecord)
                AddHeader(success, KnownHeaders.ETag);
            if (idempotent)
                AddHeader(success, IdempotencyEndpointExtensions.ReplayedHeader);
        }

        var document = context.Document!;
        EnsureProblemSchema(document);
        // Replaces FastEndpoints' bare 401/403 (no body) with the problem they really carry.
        void Problem(string status, bool when, string description)
        {
            if (!when)
                return;
            var response = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemContentType] = new() { Schema = new OpenApiSchemaReference(ProblemSchemaId, document) },
                },
            };
            // A 429 clears after its wait, and so does a 409 for a key whose first request is still running.
            if (status == "429" || (status == "409" && idempotent))
                AddHeader(response, KnownHeaders.RetryAfter);
            responses[status] = response;
        }

        Problem("400", hasInput, "The request is malformed or breaks a validation rule: `errors` names each field and why.");
        Problem("401", true, anonymous ? "The credentials were refused." : "No valid access token: sign in (again).");
        Problem("403", !anonymous, "Your role may not do this.");
        Problem("404", hasRouteValues, "There is no such record, or it is not yours to see.");
        Problem("409", !anonymous && method is "POST" or "PUT" or "PATCH",
            "It conflicts with another record (a unique value is taken) or with the record as it is now (another request changed or "
            + "removed it while this one ran: read it again), or a request with the same Idempotency-Key is still running.");
        Problem("412", headers.Contains(Versioning.IfMatchHeader), "If-Match is stale: the record changed since you read it, and nothing was written.");
        Problem("415", operation.RequestBody is not null, "The body is not JSON.");
        Problem("422", idempotent || (!anonymous && writes),
            "A business rule refused the request, or the Idempotency-Key was already used with another body.");
        Problem("428", headers.Contains(Versioning.IfMatchHeader), "If-Match is missing: send the ETag of the record as you read it.");
        Problem("429", true, "Too many requests: wait Retry-After seconds, then retry.");
        Problem("500", true, "Something went wrong on our side; nothing about it is disclosed.");

        foreach (var documented in metadata.OfType<DocumentedStatus>())
        {
            var status = documented.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (documented.Status >= 400)
                Problem(status, true, documented.Description);
            else
                responses[status] = new OpenApiResponse
                {
                    Description = documented.Description,
                    Content = documented.Status == 206 && responses.TryGetValue("200", out var whole) && whole is OpenApiResponse full ? full.Content : null,
                };
        }

        // Every answer carries the rate-limit fields, and the CORS one when the caller's origin may read it.
        EnsureSharedHeaders(document);
        foreach (var response in responses.Values.OfType<OpenApiResponse>())
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            foreach (var header in KnownHeaders.OnEveryAnswer)
                response.Headers[header] = new OpenApiHeaderReference(header, document);
        }
        return Task.CompletedTask;
    }

    static void EnsureSharedHeaders(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        foreach (var header in KnownHeaders.OnEveryAnswer)
            document.Components.Headers.TryAdd(header, KnownHeaders.Header(header));
    }

    static void AddHeader(OpenApiResponse response, string header)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[header] = KnownHeaders.Header(header);
    }

    /// <summary>
    /// The one problem shape: RFC 9457 fields, the trace id, FastEndpoints' validation <c>errors</c>, and
    /// <c>currentVersion</c> on a 412 (so a client can tell how far behind it was).
    /// </summary>
    static void EnsureProblemSchema(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (document.Components.Schemas.ContainsKey(ProblemSchemaId))
            return;

        static OpenApiSchema Text(int maxLength, string description, bool nullable = false, string? format = null) => new()
        {
            Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String,
            MaxLength = maxLength,
            Format = format,
            Description = description,
        };

        document.Components.Schemas[ProblemErrorSchemaId] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "One broken rule.",
            Required = new HashSet<string> { "name", "reason" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["name"] = Text(400, "The field (camelCase, dotted for nested fields, e.g. `yearbookImageSpec.widthPx`), or `serializerErrors` for a body that is not valid JSON."),
                ["reason"] = Text(4000, "What is wrong, in words for a person."),
                ["code"] = Text(200, "A machine-readable code, when the rule has one.", nullable: true),
            },
        };
        document.Components.Schemas[ProblemSchemaId] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem: what went wrong, for every error the API returns.",
            Required = new HashSet<string> { "type", "title", "status" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text(400, "A URI naming the kind of problem.", format: "uri-reference"),
                ["title"] = Text(200, "A short summary of the kind of problem."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599", Description = "The HTTP status code." },
                ["detail"] = Text(4000, "What went wrong this time, in words for a person.", nullable: true),
                ["instance"] = Text(2048, "The path of the request.", nullable: true),
                ["traceId"] = Text(200, "Quote it when you report the problem: it finds the request in the logs.", nullable: true),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array | JsonSchemaType.Null,
                    Description = "The broken validation rules (400 only).",
                    MaxItems = 1000,
                    Items = new OpenApiSchemaReference(ProblemErrorSchemaId, document),
                },
                ["currentVersion"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer | JsonSchemaType.Null,
                    Format = "int32",
                    Minimum = "1",
                    Maximum = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Description = "The record's current version (412 only).",
                },
            },
        };
    }
}
