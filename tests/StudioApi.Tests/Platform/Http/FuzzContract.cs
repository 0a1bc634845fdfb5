using System.Text.Json.Nodes;

namespace StudioApi.Tests.Platform.Http;

/// <summary>
/// The served OpenAPI document as <see cref="ContractFuzzTests"/> reads it: its operations, their parameters and
/// bodies, the statuses each documents, and schemas with references resolved.
/// </summary>
public sealed class FuzzContract(JsonObject document)
{
    static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    readonly JsonObject schemas = document["components"]?["schemas"]?.AsObject() ?? [];

    public IReadOnlyList<FuzzOperation> Operations { get; } =
    [
        .. from path in document["paths"]!.AsObject()
           from method in path.Value!.AsObject()
           where Methods.Contains(method.Key)
           select new FuzzOperation(path.Key, method.Key.ToUpperInvariant(), method.Value!.AsObject()),
    ];

    /// <summary>The schema itself: references followed, a lone <c>allOf</c> (how a nullable reference is written) unwrapped.</summary>
    public JsonObject? Resolve(JsonNode? schema)
    {
        for (var hops = 0; schema is JsonObject obj && hops < 20; hops++)
        {
            if (obj["$ref"]?.GetValue<string>() is { } reference)
                schema = schemas[reference[(reference.LastIndexOf('/') + 1)..]];
            else if (obj["allOf"] is JsonArray { Count: 1 } only)
                schema = only[0];
            else
                return obj;
        }
        return null;
    }

    public static string? TypeOf(JsonObject? schema) => schema?["type"]?.GetValue<string>();
}

public sealed record FuzzParameter(string Name, string In, bool Required, JsonObject? Schema);

public sealed class FuzzOperation(string path, string method, JsonObject operation)
{
    public string Path { get; } = path;
    public string Method { get; } = method;
    public string Id { get; } = operation["operationId"]?.GetValue<string>() ?? $"{method} {path}";
    public bool IsPublic { get; } = operation["security"] is JsonArray { Count: 0 };

    public IReadOnlyList<FuzzParameter> Parameters { get; } =
    [
        .. (operation["parameters"]?.AsArray() ?? []).OfType<JsonObject>().Select(p => new FuzzParameter(
            p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["required"]?.GetValue<bool>() == true, p["schema"] as JsonObject)),
    ];

    public IReadOnlySet<int> DocumentedStatuses { get; } =
        (operation["responses"]?.AsObject() ?? []).Select(r => int.TryParse(r.Key, out var s) ? s : 0).Where(s => s > 0).ToHashSet();

    /// <summary>The media type of the body (<c>application/json</c>, <c>multipart/form-data</c>, <c>image/png</c>) and its schema; null without one.</summary>
    public (string MediaType, JsonNode? Schema)? Body { get; } =
        operation["requestBody"]?["content"]?.AsObject().Select(c => (c.Key, c.Value?["schema"])).FirstOrDefault() is { Key: not null } body
            ? body
            : null;

    public bool TakesJson => Body?.MediaType == "application/json";

    public IEnumerable<FuzzParameter> In(string location) => Parameters.Where(p => p.In == location);

    public override string ToString() => $"{Id} ({Method} {Path})";
}
