using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using StudioApi.Platform.Currencies;

namespace StudioApi.Platform.Http.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>
    /// The contract: Microsoft.AspNetCore.OpenApi, taught by our transformers what it cannot see in FastEndpoints
    /// endpoints (route, query and header parameters, no GET bodies, validation rules, the responses our conventions
    /// produce), plus the bearer scheme. OpenAPI 3.0, which NSwag reads fully.
    /// </summary>
    public static IServiceCollection AddStudioOpenApi(this IServiceCollection services)
    {
        // Built once, on the first request for the document or, when serving, in the background right after the start
        // (OpenApiContract.BuildInBackground): never on the way to listening.
        services.AddSingleton(_ => new ValidationConstraints(typeof(OpenApiSetup).Assembly));
        services.AddSingleton<OpenApiContract>();
        return services.AddOpenApi(DocumentName, openApi =>
        {
            openApi.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            openApi.AddDocumentTransformer<DocumentInfoTransformer>();
            openApi.AddDocumentTransformer<TagsTransformer>();
            openApi.AddOperationTransformer<FastEndpointsOperationTransformer>();
            openApi.AddOperationTransformer<SecurityRequirementTransformer>();
            openApi.AddOperationTransformer<ResponsesTransformer>();
            openApi.AddSchemaTransformer<BoundElsewhereSchemaTransformer>();
            openApi.AddSchemaTransformer<ValidationSchemaTransformer>();
            openApi.AddSchemaTransformer<CurrencySchemaTransformer>();
        });
    }

    /// <summary>Serves the document exactly as it is committed under openapi/ (post-processed and normalized).</summary>
    public static IEndpointConventionBuilder MapStudioOpenApi(this IEndpointRouteBuilder app) =>
        app.MapGet(DocumentPath, async (OpenApiContract contract, CancellationToken ct) =>
                Results.Text(await contract.GetJsonAsync(ct), "application/json; charset=utf-8"))
            .ExcludeFromDescription()
            .AllowAnonymous();
}

/// <summary>The finished contract of this application: generated once, then served from memory.</summary>
public sealed class OpenApiContract([FromKeyedServices(OpenApiSetup.DocumentName)] IOpenApiDocumentProvider provider)
{
    readonly SemaphoreSlim gate = new(1, 1);
    string? json;

    /// <summary>
    /// Builds the document now, off the request path (it takes about a second: every endpoint, schema and validator is
    /// read), so the first request for it is answered at once. A failure is logged; a request then tries again.
    /// </summary>
    public void BuildInBackground(ILogger logger, CancellationToken ct) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await GetJsonAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Building the OpenAPI document in the background failed; the first request for it will try again.");
            }
            catch (OperationCanceledException)
            {
            }
        }, CancellationToken.None);

    public async Task<string> GetJsonAsync(CancellationToken ct)
    {
        if (json is not null)
            return json;
        await gate.WaitAsync(ct);
        try
        {
            if (json is null)
            {
                var document = await provider.GetOpenApiDocumentAsync(ct);
                var raw = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0, ct);
                var node = System.Text.Json.Nodes.JsonNode.Parse(raw) ?? throw new InvalidOperationException("The OpenAPI document is empty.");
                json = OpenApiNormalizer.Normalize(OpenApiPostProcessor.Process(node).ToJsonString());
            }
            return json;
        }
        finally
        {
            gate.Release();
        }
    }
}
