using Microsoft.OpenApi;

namespace StudioApi.Platform.Http.OpenApi;

/// <summary>
/// Marks an endpoint that reads its body itself as raw bytes of one media type (an image upload), so the contract
/// shows that body rather than none. The endpoint checks the type and size; routing does not (a role that may not
/// call it still gets 403 first).
/// </summary>
public sealed record RawRequestBody(string ContentType, long MaxBytes)
{
    public OpenApiRequestBody ToOpenApi() => new()
    {
        Required = true,
        Description = $"The file's bytes as {ContentType}, at most {MaxBytes} bytes.",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", MaxLength = (int)MaxBytes } },
        },
    };
}

public static class RawRequestBodyExtensions
{
    public static TBuilder AcceptsRawBody<TBuilder>(this TBuilder builder, string contentType, long maxBytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RawRequestBody(contentType, maxBytes));
}
