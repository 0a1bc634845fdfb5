using Microsoft.OpenApi;

namespace StudioApi.Api.OpenApi;

public static class OpenApiSetup
{
    /// <summary>
    /// The contract: Microsoft.AspNetCore.OpenApi, taught by our transformers what it cannot see in FastEndpoints
    /// endpoints (route, query and header parameters, no GET bodies), plus the bearer scheme. OpenAPI 3.0, which NSwag reads fully.
    /// </summary>
    public static IServiceCollection AddStudioOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", openApi =>
        {
            openApi.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            openApi.AddDocumentTransformer<DocumentInfoTransformer>();
            openApi.AddOperationTransformer<FastEndpointsOperationTransformer>();
            openApi.AddOperationTransformer<SecurityRequirementTransformer>();
            openApi.AddSchemaTransformer<BoundElsewhereSchemaTransformer>();
        });
}
