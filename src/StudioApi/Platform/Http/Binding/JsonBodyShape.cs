using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using FastEndpoints;
using FluentValidation.Results;
using StudioApi.Platform.Http.OpenApi;

namespace StudioApi.Platform.Http.Binding;

/// <summary>
/// The fields a JSON body may carry for one endpoint: the request DTO's body properties (not those bound from the
/// route, headers or claims), at every depth. Checking a body against it
/// <list type="bullet">
/// <item>refuses every unknown field, naming each by its JSON path (<c>contacts[0].nickname</c>), as the contract's
/// <c>additionalProperties: false</c> says;</item>
/// <item>on an update (a PUT answering a versioned record), accepts and drops the fields of that record as read
/// (<c>id</c>, <c>version</c>, <c>createdAt</c>…), so a front end can send back what it has just read;</item>
/// <item>treats null in a field that cannot hold null (a non-nullable string, number or object) as the field left out,
/// which is what the generated SDKs mean when they send an unset optional field as null;</item>
/// <item>refuses a body that is not a JSON object (<c>null</c>, an array) and a null item in a list whose items cannot be null.</item>
/// </list>
/// </summary>
public sealed class JsonBodyShape
{
    /// <summary>The error name of a problem with the body as a whole (FastEndpoints' name for a body that is not JSON).</summary>
    public const string WholeBody = "serializerErrors";

    readonly Type requestType;
    readonly Type? readBackType;
    readonly HashSet<string> bodyProperties;
    readonly JsonSerializerOptions options;

    JsonBodyShape(Type requestType, Type? readBackType, HashSet<string> bodyProperties, JsonSerializerOptions options)
    {
        this.requestType = requestType;
        this.readBackType = readBackType;
        this.bodyProperties = bodyProperties;
        this.options = options;
    }

    /// <summary>The response fields an update accepts and ignores, as JSON paths (<c>version</c>, <c>watermark.image</c>), or none.</summary>
    public IReadOnlyList<string> IgnoredFields()
    {
        var fields = new List<string>();
        if (readBackType is not null)
            CollectIgnored(requestType, readBackType, "", top: true, fields, depth: 0);
        return fields;
    }

    /// <summary>
    /// Checks <paramref name="body"/> and cleans it in place (null-as-absent and read-back fields removed); the failures
    /// name each field that is refused.
    /// </summary>
    public List<ValidationFailure> Check(JsonNode? body)
    {
        var failures = new List<ValidationFailure>();
        if (body is not JsonObject root)
        {
            var kind = body?.GetValueKind() switch
            {
                null => "null",
                JsonValueKind.Array => "an array",
                JsonValueKind.String => "a string",
                JsonValueKind.Number => "a number",
                _ => "a boolean",
            };
            failures.Add(new ValidationFailure(WholeBody, $"The body is {kind}: send a JSON object."));
            return failures;
        }
        var nullability = new NullabilityInfoContext();
        CheckObject(root, requestType, readBackType, "", top: true, failures, nullability, depth: 0);
        return failures;
    }

    void CheckObject(JsonObject obj, Type type, Type? readBack, string path, bool top, List<ValidationFailure> failures,
        NullabilityInfoContext nullability, int depth)
    {
        var properties = options.GetTypeInfo(type).Properties;
        var readBackProperties = readBack is not null && options.GetTypeInfo(readBack) is { Kind: JsonTypeInfoKind.Object } info ? info.Properties : null;
        foreach (var (name, value) in obj.ToList())
        {
            var property = properties.FirstOrDefault(p => SameName(p.Name, name) && (!top || IsBodyProperty(p)));
            var readBackProperty = readBackProperties?.FirstOrDefault(p => SameName(p.Name, name));
            if (property is null)
            {
                if (readBackProperty is not null)
                    obj.Remove(name);
                else
                    failures.Add(new ValidationFailure(Join(path, name), $"There is no field '{name}' here: leave it out (see the contract for the fields this request takes)."));
                continue;
            }
            if (value is null)
            {
                if (!property.IsSetNullable && !property.IsRequired)
                    obj.Remove(name);
                continue;
            }
            var declared = property.AttributeProvider is PropertyInfo clr ? nullability.Create(clr) : null;
            CheckValue(value, property.PropertyType, declared, readBackProperty?.PropertyType, Join(path, name), failures, nullability, depth + 1);
        }
    }

    void CheckValue(JsonNode value, Type type, NullabilityInfo? declared, Type? readBack, string path, List<ValidationFailure> failures,
        NullabilityInfoContext nullability, int depth)
    {
        if (depth > 32)
            return;
        var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when value is JsonObject obj:
                CheckObject(obj, info.Type, readBack, path, top: false, failures, nullability, depth);
                break;
            case JsonTypeInfoKind.Enumerable when value is JsonArray array && info.ElementType is { } elementType:
                var element = declared?.ElementType ?? declared?.GenericTypeArguments.LastOrDefault();
                var readBackElement = readBack is not null && options.GetTypeInfo(readBack) is { Kind: JsonTypeInfoKind.Enumerable } r ? r.ElementType : null;
                for (var i = 0; i < array.Count; i++)
                {
                    var itemPath = $"{path}[{i}]";
                    if (array[i] is { } item)
                        CheckValue(item, elementType, element, readBackElement, itemPath, failures, nullability, depth + 1);
                    else if (!CanHoldNull(elementType, element))
                        failures.Add(new ValidationFailure(itemPath, "An item of this list cannot be null."));
                }
                break;
            case JsonTypeInfoKind.Dictionary when value is JsonObject map && info.ElementType is { } valueType:
                foreach (var (key, item) in map)
                    if (item is not null)
                        CheckValue(item, valueType, declared?.GenericTypeArguments.LastOrDefault(), null, Join(path, key), failures, nullability, depth + 1);
                break;
            // A value of the wrong kind (an array for an object, text for a number) is left to the deserializer, which names the field.
        }
    }

    void CollectIgnored(Type type, Type readBack, string path, bool top, List<string> fields, int depth)
    {
        if (depth > 8)
            return;
        var requestInfo = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
        var readBackInfo = options.GetTypeInfo(Nullable.GetUnderlyingType(readBack) ?? readBack);
        if (requestInfo.Kind == JsonTypeInfoKind.Enumerable && readBackInfo.Kind == JsonTypeInfoKind.Enumerable
            && requestInfo.ElementType is { } requestElement && readBackInfo.ElementType is { } readBackElement)
        {
            CollectIgnored(requestElement, readBackElement, path + "[]", top: false, fields, depth + 1);
            return;
        }
        if (requestInfo.Kind != JsonTypeInfoKind.Object || readBackInfo.Kind != JsonTypeInfoKind.Object)
            return;
        foreach (var field in readBackInfo.Properties)
        {
            var property = requestInfo.Properties.FirstOrDefault(p => SameName(p.Name, field.Name) && (!top || IsBodyProperty(p)));
            if (property is null)
                fields.Add(Join(path, field.Name));
            else
                CollectIgnored(property.PropertyType, field.PropertyType, Join(path, field.Name), top: false, fields, depth + 1);
        }
    }

    static bool CanHoldNull(Type type, NullabilityInfo? declared) =>
        type.IsValueType
            ? Nullable.GetUnderlyingType(type) is not null
            // Unannotated (oblivious) code says nothing: let it through.
            : declared is null || declared.ReadState != NullabilityState.NotNull;

    bool IsBodyProperty(JsonPropertyInfo property) =>
        property.AttributeProvider is PropertyInfo clr && bodyProperties.Contains(clr.Name);

    bool SameName(string a, string b) =>
        string.Equals(a, b, options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>
    /// The shape of an endpoint's JSON body, or null when it takes none (no request DTO, a GET or DELETE, or a DTO
    /// whose every property is bound from elsewhere).
    /// </summary>
    public static JsonBodyShape? Of(EndpointDefinition definition, IEnumerable<string> routeValues, JsonSerializerOptions options)
    {
        var requestType = definition.ReqDtoType;
        if (requestType is null || requestType == typeof(EmptyRequest) || !definition.Verbs.Any(v => v is "POST" or "PUT" or "PATCH")
            || options.GetTypeInfo(requestType).Kind != JsonTypeInfoKind.Object)
            return null;
        var routes = routeValues.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var body = requestType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => RequestBinding.SourceOf(p, routes, bodyless: false) == RequestSource.Body)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        if (body.Count == 0)
            return null;
        // An update answers the record it changed: what a front end read from it may come back with the change.
        var readBack = definition.Verbs.Any(v => v is "PUT" or "PATCH") && definition.ResDtoType is { } response
                       && options.GetTypeInfo(response) is { Kind: JsonTypeInfoKind.Object } info
                       && info.Properties.Any(p => SameName(p.Name, "version", options))
            ? response
            : null;
        return new JsonBodyShape(requestType, readBack, body, options);
    }

    static bool SameName(string a, string b, JsonSerializerOptions options) =>
        string.Equals(a, b, options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}

/// <summary>
/// Each endpoint's <see cref="JsonBodyShape"/>, worked out once. Keyed by the routed endpoint, not its definition:
/// one FastEndpoints definition may serve several routes, each with route values of its own.
/// </summary>
public sealed class JsonBodyShapes
{
    readonly ConcurrentDictionary<Endpoint, JsonBodyShape?> shapes = new();

    public JsonBodyShape? For(Endpoint endpoint, JsonSerializerOptions options) =>
        shapes.GetOrAdd(endpoint, e => e.Metadata.GetMetadata<EndpointDefinition>() is { } definition
            ? JsonBodyShape.Of(definition, RouteValuesOf(e), options)
            : null);

    static IEnumerable<string> RouteValuesOf(Endpoint endpoint) =>
        endpoint is RouteEndpoint route ? route.RoutePattern.Parameters.Select(p => p.Name) : [];
}
