using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StudioApi.Platform.Http.OpenApi;

/// <summary>Title, description, the server and the bearer security scheme of the document.</summary>
public sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";

    /// <summary>
    /// The contract's version (semantic versioning; the major is the /api/v1 in every path): the minor goes up when
    /// operations, fields or headers are added, the major only with a new URL prefix. The SDK packages carry the same
    /// version (openapi/regenerate.sh writes it into sdk/typescript/package.json).
    /// </summary>
    public const string ContractVersion = "1.5.0";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "StudioApi",
            Version = ContractVersion,
            Description = "The headless back end of a photography studio: clients, organizations and rosters, sessions, images, sales, production, communications and workflow.\n\n" +
                          "Request bodies: a field the schema does not list is refused (400, each such field named in `errors`); " +
                          "null in a field that cannot be null counts as leaving it out; an update also accepts, and ignores, " +
                          "the fields of the record as read (its `x-ignored-fields`), so a front end can send back what it read.",
            Contact = new OpenApiContact { Name = "StudioApi" },
        };
        // Relative: the SDKs take the base address of whichever instance (local, staging or production) they talk to.
        document.Servers =
        [
            new OpenApiServer
            {
                Url = "/",
                Description = "The instance serving this document (local, staging or production).",
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(JsonValue.Create(false)) },
            },
        ];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from POST /api/v1/auth/token: a short-lived JWT signed with HS256, handled as RFC8725 " +
                          "recommends (the algorithm is pinned, never taken from the token; issuer, audience and lifetime are checked). " +
                          "Renew it with the refresh token before it expires.",
        };
        return Task.CompletedTask;
    }
}
