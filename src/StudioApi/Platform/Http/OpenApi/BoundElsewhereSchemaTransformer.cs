using System.Reflection;
using FastEndpoints;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StudioApi.Platform.Http.OpenApi;

/// <summary>
/// A request DTO property bound from the route (a route value of an endpoint taking the DTO, or [RouteParam]),
/// a header ([FromHeader]) or the query ([QueryParam]) is a parameter of the operation, and one bound from claims
/// is not the caller's to send: neither is a body field, so remove it from the DTO's body schema.
/// </summary>
public sealed class BoundElsewhereSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Properties is not { Count: > 0 })
            return Task.CompletedTask;

        var routeValues = RouteValuesOf(context.JsonTypeInfo.Type, context.ApplicationServices);
        foreach (var property in context.JsonTypeInfo.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (RequestBinding.SourceOf(property, routeValues, bodyless: false) == RequestSource.Body)
                continue;
            var jsonName = context.JsonTypeInfo.Properties.FirstOrDefault(p => p.AttributeProvider is PropertyInfo pi && pi.Name == property.Name)?.Name;
            if (jsonName is not null)
            {
                schema.Properties.Remove(jsonName);
                schema.Required?.Remove(jsonName);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>The route value names of every FastEndpoints endpoint whose request DTO is <paramref name="dtoType"/>.</summary>
    static HashSet<string> RouteValuesOf(Type dtoType, IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<EndpointDefinition>()?.ReqDtoType == dtoType)
            .SelectMany(e => e.RoutePattern.Parameters.Select(p => p.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
