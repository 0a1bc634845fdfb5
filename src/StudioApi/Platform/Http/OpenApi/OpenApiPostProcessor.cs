using System.Text.Json.Nodes;

namespace StudioApi.Platform.Http.OpenApi;

/// <summary>
/// The last pass over the serialized document, for what is simplest to say about JSON rather than the object model:
/// <list type="bullet">
/// <item>a nullable reference (<c>oneOf: [{enum: [null]}, {$ref}]</c>) becomes <c>allOf: [{$ref}], nullable: true</c>, which OpenAPI 3.0 generators read well;</item>
/// <item>a schema only responses use lists every property as required: the API always writes every property (null included);</item>
/// <item>objects say <c>additionalProperties: false</c>: a DTO has exactly the properties listed (only a problem may carry extension members);</item>
/// <item>limits nothing else gave: strings get a maxLength (by format, or the database's default column length),
/// integers the range of their format (ids start at 1);</item>
/// <item>schemas nothing refers to any more (the request DTOs of GET and DELETE, bound from path and query) are dropped.</item>
/// </list>
/// </summary>
public static class OpenApiPostProcessor
{
    /// <summary>The default string column length (StudioDbContext's convention): what a string without a rule can hold.</summary>
    public const int DefaultMaxLength = 400;

    const string SchemaRefPrefix = "#/components/schemas/";

    public static JsonNode Process(JsonNode document)
    {
        Visit(document, null, SimplifyNullableReferences);
        RequireEveryPropertyOfResponseSchemas(document);
        Visit(document, null, AddDefaultLimits);
        Visit(document, null, CloseObjects);
        DropUnreferencedSchemas(document);
        return document;
    }

    /// <summary>Calls <paramref name="action"/> on every object of the tree, with the key it sits under (a property or parameter name).</summary>
    static void Visit(JsonNode? node, string? name, Action<JsonObject, string?> action)
    {
        switch (node)
        {
            case JsonObject obj:
                action(obj, name);
                var parameterName = obj["in"] is JsonValue && obj["name"] is JsonValue n ? n.GetValue<string>() : null;
                foreach (var (key, child) in obj.ToList())
                {
                    var childName = key == "schema" && parameterName is not null ? parameterName
                        : key is "items" or "allOf" or "oneOf" or "anyOf" ? name
                        : key;
                    Visit(child, childName, action);
                }
                break;
            case JsonArray array:
                foreach (var item in array.ToList())
                    Visit(item, name, action);
                break;
        }
    }

    static void SimplifyNullableReferences(JsonObject schema, string? _)
    {
        if (schema["oneOf"] is not JsonArray { Count: 2 } oneOf)
            return;
        var reference = oneOf.OfType<JsonObject>().FirstOrDefault(s => s.ContainsKey("$ref"));
        var nullSchema = oneOf.OfType<JsonObject>().FirstOrDefault(IsNullOnly);
        if (reference is null || nullSchema is null)
            return;
        schema.Remove("oneOf");
        schema["allOf"] = new JsonArray(reference.DeepClone());
        schema["nullable"] = true;
    }

    static bool IsNullOnly(JsonObject schema) =>
        schema["enum"] is JsonArray { Count: 1 } values && values[0] is null
        || schema["type"] is JsonValue type && type.GetValue<string>() == "null";

    static void RequireEveryPropertyOfResponseSchemas(JsonNode document)
    {
        if (document["components"]?["schemas"] is not JsonObject schemas || document["paths"] is not JsonObject paths)
            return;
        var fromRequests = new HashSet<string>();
        var fromSuccesses = new HashSet<string>();
        foreach (var (_, pathItem) in paths)
        {
            foreach (var (_, operation) in pathItem as JsonObject ?? [])
            {
                if (operation is not JsonObject op)
                    continue;
                CollectReferences(op["requestBody"], schemas, fromRequests);
                CollectReferences(op["parameters"], schemas, fromRequests);
                foreach (var (status, response) in op["responses"] as JsonObject ?? [])
                    if (status.StartsWith('2'))
                        CollectReferences(response, schemas, fromSuccesses);
            }
        }
        foreach (var id in fromSuccesses.Except(fromRequests))
        {
            if (schemas[id] is JsonObject { } schema && schema["properties"] is JsonObject properties)
                schema["required"] = new JsonArray(properties.Select(p => (JsonNode?)JsonValue.Create(p.Key)).ToArray());
        }
    }

    static void AddDefaultLimits(JsonObject schema, string? name)
    {
        if (schema["type"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var type))
            return;
        var format = schema["format"] is JsonValue f ? f.GetValue<string>() : null;
        if (type == "string" && !schema.ContainsKey("maxLength") && !schema.ContainsKey("enum"))
        {
            schema["maxLength"] = format switch
            {
                "date-time" => 40,
                "date" => 10,
                "time" => 20,
                "duration" => 40,
                "uuid" => 36,
                "email" => 320,
                "uri" or "uri-reference" => 2048,
                // A file (a download): its size in bytes, which no export comes near.
                "binary" => 1 << 30,
                _ => DefaultMaxLength,
            };
        }
        else if (type == "integer")
        {
            var int64 = format == "int64";
            var isId = name is not null && (name == "id" || name.EndsWith("Id", StringComparison.Ordinal));
            if (!schema.ContainsKey("minimum"))
                schema["minimum"] = isId ? 1 : int64 ? long.MinValue : int.MinValue;
            if (!schema.ContainsKey("maximum"))
                schema["maximum"] = int64 ? long.MaxValue : int.MaxValue;
            if (format is null)
                schema["format"] = "int32";
        }
    }

    static void CloseObjects(JsonObject schema, string? _)
    {
        if (schema["type"] is JsonValue type && type.TryGetValue<string>(out var t) && t == "object"
            && schema.ContainsKey("properties") && !schema.ContainsKey("additionalProperties")
            && !ReferenceEquals(schema, schema.Root["components"]?["schemas"]?[ResponsesTransformer.ProblemSchemaId]))
            schema["additionalProperties"] = false;
    }

    static void DropUnreferencedSchemas(JsonNode document)
    {
        if (document["components"]?["schemas"] is not JsonObject schemas)
            return;
        var used = new HashSet<string>();
        foreach (var (key, node) in document.AsObject())
            if (key != "components")
                CollectReferences(node, schemas, used);
        foreach (var (key, node) in document["components"]!.AsObject())
            if (key != "schemas")
                CollectReferences(node, schemas, used);
        foreach (var id in schemas.Select(s => s.Key).Where(id => !used.Contains(id)).ToList())
            schemas.Remove(id);
    }

    /// <summary>Adds the ids of every component schema <paramref name="node"/> refers to, directly or through other schemas.</summary>
    static void CollectReferences(JsonNode? node, JsonObject schemas, HashSet<string> ids)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (key == "$ref" && child is JsonValue value && value.GetValue<string>() is var reference
                        && reference.StartsWith(SchemaRefPrefix, StringComparison.Ordinal))
                    {
                        var id = reference[SchemaRefPrefix.Length..];
                        if (ids.Add(id))
                            CollectReferences(schemas[id], schemas, ids);
                    }
                    else
                    {
                        CollectReferences(child, schemas, ids);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                    CollectReferences(item, schemas, ids);
                break;
        }
    }
}
