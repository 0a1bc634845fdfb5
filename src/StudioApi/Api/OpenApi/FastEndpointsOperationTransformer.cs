using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using FastEndpoints;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StudioApi.Api.OpenApi;

/// <summary>
/// Microsoft.AspNetCore.OpenApi reads a FastEndpoints endpoint as "a request DTO in the body". This puts the DTO's
/// route values in the path, its [FromHeader] properties in headers, and for GET/DELETE the rest in the query string,
/// dropping the body those verbs do not have.
/// </summary>
public sealed class FastEndpointsOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var definition = context.Description.ActionDescriptor.EndpointMetadata.OfType<EndpointDefinition>().FirstOrDefault();
        var requestType = definition?.ReqDtoType;
        if (requestType is null || requestType == typeof(EmptyRequest))
            return;

        var route = context.Description.RelativePath ?? "";
        var routeNames = RouteParameterNames(route);
        var method = context.Description.HttpMethod ?? "GET";
        var bodyless = method is "GET" or "DELETE" or "HEAD";

        var parameters = new List<IOpenApiParameter>();
        foreach (var property in requestType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var header = property.GetCustomAttribute<FromHeaderAttribute>();
            if (header is not null)
            {
                parameters.Add(new OpenApiParameter
                {
                    Name = header.HeaderName ?? property.Name,
                    In = ParameterLocation.Header,
                    Required = header.IsRequired,
                    Schema = await context.GetOrCreateSchemaAsync(typeof(string), null, cancellationToken),
                });
            }
            else if (routeNames.Contains(property.Name))
            {
                parameters.Add(new OpenApiParameter
                {
                    Name = routeNames.First(r => string.Equals(r, property.Name, StringComparison.OrdinalIgnoreCase)),
                    In = ParameterLocation.Path,
                    Required = true,
                    Schema = await context.GetOrCreateSchemaAsync(property.PropertyType, null, cancellationToken),
                });
            }
            else if (bodyless && property.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            {
                parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Query,
                    Required = false,
                    Schema = await context.GetOrCreateSchemaAsync(property.PropertyType, null, cancellationToken),
                });
            }
        }

        operation.Parameters = parameters.Count > 0 ? parameters : null;
        if (bodyless)
            operation.RequestBody = null;
    }

    static HashSet<string> RouteParameterNames(string route) =>
        route.Split('/')
            .Where(s => s.StartsWith('{') && s.EndsWith('}'))
            .Select(s => s.Trim('{', '}').Split(':')[0].TrimEnd('?'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
