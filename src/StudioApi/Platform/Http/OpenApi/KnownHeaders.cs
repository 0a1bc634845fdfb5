using Microsoft.OpenApi;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.RateLimiting;

namespace StudioApi.Platform.Http.OpenApi;

/// <summary>The HTTP headers of our conventions, described once for every operation and response that uses them.</summary>
public static class KnownHeaders
{
    public const string ETag = "ETag";
    public const string Location = "Location";
    public const string RetryAfter = "Retry-After";
    public const string AllowOrigin = "Access-Control-Allow-Origin";

    /// <summary>Headers every answer may carry, declared once under components/headers and referred to from each response.</summary>
    public static readonly string[] OnEveryAnswer = [RateLimitHeaders.State, RateLimitHeaders.Policy, AllowOrigin];

    /// <summary>
    /// If-Match binds as optional (so the endpoint, not model binding, answers 428 without it) but every change
    /// needs it: the contract says required, so SDKs ask for it.
    /// </summary>
    public static bool IsRequired(string header) => string.Equals(header, Versioning.IfMatchHeader, StringComparison.OrdinalIgnoreCase);

    public static string? Describe(string header) => header switch
    {
        Versioning.IfMatchHeader => "The ETag of the record as you last read it, e.g. \"3\". Without it the change is refused with 428; a stale one gets 412 and nothing is written.",
        IdempotencyEndpointExtensions.Header => "A key of your choosing (1–200 characters) that makes retries safe: the same key and body replay the first response instead of repeating the work; the same key with another body is refused with 422.",
        ETag => "The record's version as an entity tag, e.g. \"3\": send it back in If-Match to change the record.",
        Location => "The URL of the record just created.",
        RetryAfter => "Seconds to wait before retrying.",
        IdempotencyEndpointExtensions.ReplayedHeader => "`true` when this is the stored first answer to an earlier request with the same Idempotency-Key (nothing was done again).",
        RateLimitHeaders.State => "Where the caller stands in each request budget this request drew on (IETF draft-ietf-httpapi-ratelimit-headers): " +
                                  "`\"caller\";r=598;t=42` is 598 requests left, the window starting over in 42 seconds. " +
                                  "Policies: `caller` (every caller, per user or anonymous address), `sign-in` and `online-booking` (per address). Slow down as r nears 0.",
        RateLimitHeaders.Policy => "The request budgets this request drew on: `\"caller\";q=600;w=60` is 600 requests per 60-second window (IETF draft-ietf-httpapi-ratelimit-headers).",
        AllowOrigin => "Present when the request's Origin may read the answer: an origin listed in the deployment's Cors:AllowedOrigins, " +
                       "or `*` on the public calls that need no token (online booking, signed image links). Credentials are never allowed.",
        _ => null,
    };

    public static OpenApiSchema Schema(string header) => header switch
    {
        Versioning.IfMatchHeader => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 64 },
        IdempotencyEndpointExtensions.Header => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200 },
        ETag => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 64, Pattern = "^\"[0-9]+\"$" },
        Location => new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", MaxLength = 2048 },
        RetryAfter => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Maximum = "86400" },
        IdempotencyEndpointExtensions.ReplayedHeader => new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("true")] },
        RateLimitHeaders.State => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 400 },
        RateLimitHeaders.Policy => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 400 },
        AllowOrigin => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 2048 },
        _ => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 400 },
    };

    public static OpenApiHeader Header(string header) => new() { Description = Describe(header), Schema = Schema(header) };
}
