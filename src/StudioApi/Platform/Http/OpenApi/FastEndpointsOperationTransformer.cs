using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using FastEndpoints;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using StudioApi.Platform.Http.Binding;

namespace StudioApi.Platform.Http.OpenApi;

/// <summary>
/// Microsoft.AspNetCore.OpenApi reads a FastEndpoints endpoint as "a request DTO in the body". This puts the DTO's
/// route values in the path, its [FromHeader] properties in headers, its [QueryParam] properties and for GET/DELETE
/// all the rest in the query string, dropping the body those verbs do not have (and the body of any verb whose DTO
/// has nothing left for one). See <see cref="RequestBinding"/>.
/// Query parameters take their schema from the DTO's own: descriptions from its XML docs, limits from its validator.
/// </summary>
public sealed class FastEndpointsOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var definition = context.Description.ActionDescriptor.EndpointMetadata.OfType<EndpointDefinition>().FirstOrDefault();
        var requestType = definition?.ReqDtoType;
        var method = context.Description.HttpMethod ?? "GET";
        var bodyless = method is "GET" or "DELETE" or "HEAD";
        if (requestType is null || requestType == typeof(EmptyRequest))
        {
            if (requestType == typeof(EmptyRequest))
                operation.RequestBody = null;
            return;
        }

        var routeNames = RouteParameterNames(context.Description.RelativePath ?? "");
        var dtoSchema = await context.GetOrCreateSchemaAsync(requestType, null, cancellationToken);
        var constraints = context.ApplicationServices.GetRequiredService<ValidationConstraints>();

        var parameters = new List<IOpenApiParameter>();
        var bodyFields = 0;
        foreach (var property in requestType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var wireName = RequestBinding.WireName(property);
            switch (RequestBinding.SourceOf(property, routeNames, bodyless))
            {
                case RequestSource.Header:
                {
                    var header = property.GetCustomAttribute<FromHeaderAttribute>()!;
                    var name = header.HeaderName ?? property.Name;
                    parameters.Add(new OpenApiParameter
                    {
                        Name = name,
                        In = ParameterLocation.Header,
                        Required = header.IsRequired || KnownHeaders.IsRequired(name)
                                   || name == Idempotency.IdempotencyEndpointExtensions.Header
                                   && context.Description.ActionDescriptor.EndpointMetadata.OfType<Idempotency.AcceptsIdempotencyKey>().Any(a => a.Required),
                        Description = KnownHeaders.Describe(name),
                        Schema = KnownHeaders.Schema(name),
                        // NSwag names the SDK argument after this (ifMatch rather than if_Match).
                        Extensions = new Dictionary<string, IOpenApiExtension>
                        {
                            ["x-originalName"] = new JsonNodeExtension(JsonValue.Create(JsonNamingPolicy.CamelCase.ConvertName(property.Name))),
                        },
                    });
                    break;
                }
                case RequestSource.Route:
                {
                    var schema = await context.GetOrCreateSchemaAsync(property.PropertyType, null, cancellationToken);
                    if (constraints.For(requestType, property.Name) is { } rules)
                        ValidationSchemaTransformer.Apply(schema, rules);
                    parameters.Add(new OpenApiParameter
                    {
                        Name = routeNames.FirstOrDefault(r => string.Equals(r, wireName, StringComparison.OrdinalIgnoreCase)) ?? wireName,
                        In = ParameterLocation.Path,
                        Required = true,
                        Schema = schema,
                    });
                    break;
                }
                case RequestSource.Query:
                {
                    // The DTO's own schema has the XML-doc description and the validator's limits.
                    var schema = dtoSchema.Properties?.TryGetValue(wireName, out var s) == true && s is OpenApiSchema inline
                        ? QueryValue(inline)
                        : await context.GetOrCreateSchemaAsync(property.PropertyType, null, cancellationToken);
                    var description = schema.Description;
                    schema.Description = null;
                    if (schema.Default is JsonValue defaultValue)
                        description = $"{description} Default: `{defaultValue}`.".TrimStart();
                    parameters.Add(new OpenApiParameter
                    {
                        Name = wireName,
                        In = ParameterLocation.Query,
                        Required = dtoSchema.Required?.Contains(wireName) == true,
                        Description = description,
                        Schema = await EnumReferenceAsync(property.PropertyType, context, cancellationToken)
                                 ?? ValuesReference(requestType, property, schema, context)
                                 ?? schema,
                    });
                    break;
                }
                case RequestSource.Body:
                    bodyFields++;
                    break;
            }
        }

        operation.Parameters = parameters.Count > 0 ? parameters : null;
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<MultipartFilesBody>().FirstOrDefault() is { } files)
            operation.RequestBody = MultipartBody(files);
        else if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RawRequestBody>().FirstOrDefault() is { } raw)
            operation.RequestBody = raw.ToOpenApi();
        else if (bodyless || bodyFields == 0)
            operation.RequestBody = null;
        else if (operation.RequestBody is { Content: { } content } && content.Remove("*/*", out var anything))
            content["application/json"] = anything;
        if (operation.RequestBody?.Content?.ContainsKey("application/json") == true)
            DescribeReadBack(operation, definition!, routeNames, context.ApplicationServices);
    }

    /// <summary>
    /// An update accepts the record as read (see <see cref="JsonBodyShape"/>): its fields the request does not take are
    /// listed in <c>x-ignored-fields</c> and said in words. The body schema keeps only what the update takes, so SDK
    /// request types do not grow read-only members, and anything else stays refused (<c>additionalProperties: false</c>).
    /// </summary>
    static void DescribeReadBack(OpenApiOperation operation, EndpointDefinition definition, ISet<string> routeNames, IServiceProvider services)
    {
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        if (JsonBodyShape.Of(definition, routeNames, json)?.IgnoredFields() is not { Count: > 0 } ignored)
            return;
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-ignored-fields"] = new JsonNodeExtension(new JsonArray(ignored.Select(f => (JsonNode)JsonValue.Create(f)).ToArray()));
        var note = "The record as read may be sent back with your changes: its fields this request does not take " +
                   $"({string.Join(", ", ignored.Take(4))}{(ignored.Count > 4 ? ", …" : "")}; all in x-ignored-fields) are accepted and ignored. " +
                   "Any other unknown field is refused (400).";
        operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? note : $"{operation.Description}\n\n{note}";
    }

    static OpenApiRequestBody MultipartBody(MultipartFilesBody files) => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { files.Field },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        [files.Field] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Array,
                            Description = files.Description,
                            MinItems = 1,
                            MaxItems = files.MaxFiles,
                            Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                        },
                    },
                },
            },
        },
    };

    /// <summary>
    /// An enum filter refers to the enum's component (ClientKind), so SDKs get one type for it, not a second one
    /// named after the parameter.
    /// </summary>
    static async Task<IOpenApiSchema?> EnumReferenceAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var enumType = Nullable.GetUnderlyingType(type) ?? type;
        if (!enumType.IsEnum)
            return null;
        var components = context.Document!.Components ??= new OpenApiComponents();
        components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!components.Schemas.ContainsKey(enumType.Name))
            components.Schemas[enumType.Name] = await context.GetOrCreateSchemaAsync(enumType, null, ct);
        return new OpenApiSchemaReference(enumType.Name, context.Document);
    }

    /// <summary>
    /// A string query value with a fixed list of values (a list's sort) becomes a component of its own, named after
    /// the request (ListClientsRequest.Sort → ListClientsSort), so SDKs get one named enumeration per list.
    /// </summary>
    static IOpenApiSchema? ValuesReference(Type requestType, PropertyInfo property, OpenApiSchema schema, OpenApiOperationTransformerContext context)
    {
        if (schema.Enum is not { Count: > 0 } || schema.Type != JsonSchemaType.String)
            return null;
        var stem = requestType.Name.EndsWith("Request", StringComparison.Ordinal) ? requestType.Name[..^"Request".Length] : requestType.Name;
        var name = stem + property.Name;
        var components = context.Document!.Components ??= new OpenApiComponents();
        components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        components.Schemas.TryAdd(name, schema);
        return new OpenApiSchemaReference(name, context.Document);
    }

    /// <summary>A query value's schema: the DTO property's, less "nullable" (an absent parameter is the null).</summary>
    static OpenApiSchema QueryValue(OpenApiSchema property)
    {
        var copy = property.CreateShallowCopy() as OpenApiSchema ?? property;
        if (copy.Type is { } type)
            copy.Type = type & ~JsonSchemaType.Null;
        return copy;
    }

    static HashSet<string> RouteParameterNames(string route) =>
        route.Split('/')
            .Where(s => s.StartsWith('{') && s.EndsWith('}'))
            .Select(s => s.Trim('{', '}').Split(':')[0].TrimEnd('?'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
