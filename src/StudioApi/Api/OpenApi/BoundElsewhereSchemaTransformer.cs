using System.Reflection;
using FastEndpoints;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StudioApi.Api.OpenApi;

/// <summary>
/// A request DTO property bound from the route ([RouteParam]) or a header ([FromHeader]) is a path or header
/// parameter of the operation, not a body field: remove it from the DTO's body schema.
/// </summary>
public sealed class BoundElsewhereSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not null || schema.Properties is null)
            return Task.CompletedTask;

        foreach (var property in context.JsonTypeInfo.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<FromHeaderAttribute>() is null && property.GetCustomAttribute<RouteParamAttribute>() is null)
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
}
