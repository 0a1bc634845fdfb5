using Microsoft.OpenApi;

namespace StudioApi.Platform.Http.OpenApi;

/// <summary>
/// Marks an endpoint that reads its body itself as raw bytes of one media type (an image upload), so the contract
/// shows that body rather than none. The endpoint checks the type and size; routing does not (a role that may not
/// call it still gets 403 first).
/// </summary>
public sealed record RawRequestBody(string ContentType, long MaxBytes)
{
    /// <summary>For a form (<c>application/x-www-form-urlencoded</c>): its fields, each a string, and which are required.</summary>
    public IReadOnlyList<(string Name, bool Required, string Description)>? FormFields { get; init; }

    /// <summary>The form may carry more fields than those listed (a provider's callback, which adds fields over time).</summary>
    public bool MoreFields { get; init; }

    public OpenApiRequestBody ToOpenApi() => FormFields is { } fields ? FormToOpenApi(fields) : new()
    {
        Required = true,
        Description = $"The file's bytes as {ContentType}, at most {MaxBytes} bytes.",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", MaxLength = (int)MaxBytes } },
        },
    };

    OpenApiRequestBody FormToOpenApi(IReadOnlyList<(string Name, bool Required, string Description)> fields) => new()
    {
        Required = true,
        Description = $"A form ({ContentType}), at most {MaxBytes} bytes.",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ContentType] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = fields.ToDictionary(f => f.Name, f => (IOpenApiSchema)new OpenApiSchema
                    {
                        Type = JsonSchemaType.String, MaxLength = 200, Description = f.Description,
                    }),
                    Required = fields.Where(f => f.Required).Select(f => f.Name).ToHashSet(),
                    AdditionalProperties = MoreFields ? new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 2000 } : null,
                    MaxProperties = MoreFields ? 100 : null,
                },
            },
        },
    };
}

public static class RawRequestBodyExtensions
{
    public static TBuilder AcceptsRawBody<TBuilder>(this TBuilder builder, string contentType, long maxBytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RawRequestBody(contentType, maxBytes));

    /// <summary>The endpoint reads a form (<c>application/x-www-form-urlencoded</c>) itself; the contract lists its fields.</summary>
    public static TBuilder AcceptsFormBody<TBuilder>(this TBuilder builder, long maxBytes, params (string Name, bool Required, string Description)[] fields)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RawRequestBody("application/x-www-form-urlencoded", maxBytes) { FormFields = fields });

    /// <summary>A form of a provider's (a callback) whose fields named here are the ones read; it carries others too.</summary>
    public static TBuilder AcceptsProviderFormBody<TBuilder>(this TBuilder builder, long maxBytes, params (string Name, bool Required, string Description)[] fields)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RawRequestBody("application/x-www-form-urlencoded", maxBytes) { FormFields = fields, MoreFields = true });
}
