using System.Text.Json.Nodes;

namespace StudioApi.Tests.Platform.Http;

/// <summary>
/// One hostile change to a request: what it broke (a field's JSON path, a parameter's name), how, the hostile value,
/// and the same value unbroken (<see cref="Context"/>: it differs from the baseline where an example list item was
/// made up to reach the fields inside it, and the example's own faults are no fault of the change).
/// </summary>
public sealed record Mutation(string Field, string How, JsonNode? Value)
{
    public JsonNode? Context { get; init; }
}

/// <summary>
/// Plausible values built from a schema (the baseline a hostile value replaces one field of), and the hostile values
/// for each kind of schema: null, the wrong type, empty and 10,000-character strings, out-of-range numbers, arrays
/// for objects, and unknown fields.
/// </summary>
public sealed class HostileInput(FuzzContract contract, FuzzRecords records)
{
    public const string UnknownField = "fuzzUnknownField";

    static readonly string LongText = new('x', 10_000);

    /// <summary>A value the schema describes, with live record ids for fields named after a record (<c>clientId</c>).</summary>
    public JsonNode? Example(JsonNode? schemaNode, string? name, int depth = 0)
    {
        var schema = contract.Resolve(schemaNode);
        if (schema is null || depth > 6)
            return null;
        if (name is not null && records.ValueFor(name) is { } known)
            return known;
        if (schema["enum"] is JsonArray { Count: > 0 } values)
            return values.FirstOrDefault(v => v is not null)?.DeepClone();
        switch (FuzzContract.TypeOf(schema) ?? (schema.ContainsKey("properties") ? "object" : null))
        {
            case "object":
                var obj = new JsonObject();
                foreach (var (property, propertySchema) in schema["properties"]?.AsObject() ?? [])
                    obj[property] = Example(propertySchema, property, depth + 1);
                return obj;
            case "array":
                var minItems = schema["minItems"]?.GetValue<int>() ?? 0;
                return minItems > 0 || name is not null && name.EndsWith("Ids", StringComparison.Ordinal) && records.IdFor(name) is not null
                    ? new JsonArray(Example(schema["items"], name, depth + 1))
                    : new JsonArray();
            case "string":
                return JsonValue.Create(ExampleText(schema, name));
            case "integer":
                if (name is not null && records.IdFor(name) is { } id)
                    return JsonValue.Create(id);
                var plain = name is not null && name.EndsWith("Id", StringComparison.Ordinal) ? 1m : 0m;
                return JsonValue.Create((long)Math.Clamp(plain, Number(schema, "minimum") ?? long.MinValue, Number(schema, "maximum") ?? long.MaxValue));
            case "number":
                return JsonValue.Create(Math.Clamp(0.5m, Number(schema, "minimum") ?? decimal.MinValue, Number(schema, "maximum") ?? decimal.MaxValue));
            case "boolean":
                // Records made active, so others can use them (a session type needs an active resource).
                return JsonValue.Create(name is "isActive" or "active");
            default:
                return null;
        }
    }

    static string ExampleText(JsonObject schema, string? name)
    {
        var text = (name ?? "").Contains("birth", StringComparison.OrdinalIgnoreCase) ? "2000-01-01" : null;
        text ??= schema["format"]?.GetValue<string>() switch
        {
            "date" => DateTime.UtcNow.Date.AddDays(40).ToString("yyyy-MM-dd"),
            "date-time" => DateTime.UtcNow.Date.AddDays(40).AddHours(15).ToString("yyyy-MM-ddTHH:mm:ssZ"),
            "time" => "10:00",
            "email" => "fuzz@example.com",
            "uri" or "uri-reference" => "https://example.com/",
            "uuid" => Guid.NewGuid().ToString(),
            "decimal" => "1",
            _ => null,
        };
        text ??= (name ?? "").ToLowerInvariant() switch
        {
            var n when n.StartsWith("end") && n.EndsWith("time") || n is "closes" => "11:00",
            var n when n.EndsWith("time") || n is "opens" => "10:00",
            "filenamepattern" => "{sessionNumber}-{imageNumber}",
            var n when n.EndsWith("phone") => "(217) 555-0100",
            var n when n.EndsWith("date") || n is "from" or "to" => DateTime.UtcNow.Date.AddDays(40).ToString("yyyy-MM-dd"),
            "timezone" => "America/Chicago",
            "currency" => "USD",
            "country" => "US",
            "email" => "fuzz@example.com",
            "code" => $"F{Guid.NewGuid():N}"[..12],
            _ => "Fuzz",
        };
        var minLength = schema["minLength"]?.GetValue<int>() ?? 0;
        var maxLength = schema["maxLength"]?.GetValue<int>() ?? int.MaxValue;
        if (text.Length < minLength)
            text = text.PadRight(minLength, 'x');
        return text.Length > maxLength ? text[..maxLength] : text;
    }

    /// <summary>
    /// Of a record as read, what a request of <paramref name="schemaNode"/> takes: the same values, without the fields the
    /// request has not got (a record's id and audit fields), at every depth.
    /// </summary>
    public JsonNode? Project(JsonNode? value, JsonNode? schemaNode)
    {
        var schema = contract.Resolve(schemaNode);
        switch (value)
        {
            case JsonObject obj when schema is not null && schema["properties"] is JsonObject properties:
                var projected = new JsonObject();
                foreach (var (property, propertySchema) in properties)
                    if (obj.TryGetPropertyValue(property, out var inner))
                        projected[property] = Project(inner, propertySchema);
                return projected;
            case JsonArray array when FuzzContract.TypeOf(schema) == "array":
                return new JsonArray(array.Select(item => Project(item, schema!["items"])).ToArray());
            default:
                return value?.DeepClone();
        }
    }

    static decimal? Number(JsonObject schema, string bound) =>
        schema[bound] is JsonValue value && value.TryGetValue<decimal>(out var number) ? number : null;

    /// <summary>
    /// The hostile replacements of one value at <paramref name="path"/>, and of every field inside it (the fields of an
    /// object, the fields of an array's first item), given the value a valid request would carry there.
    /// </summary>
    public IEnumerable<Mutation> Mutations(string path, JsonNode? schemaNode, JsonNode? current, int depth = 0)
    {
        var schema = contract.Resolve(schemaNode);
        if (schema is null || depth > 4)
            yield break;

        Mutation At(string field, string how, JsonNode? value) => new(field, how, value) { Context = current?.DeepClone() };

        yield return At(path, "null", null);
        if (schema["enum"] is JsonArray)
        {
            yield return At(path, "a value outside the enum", "notOneOfThem");
            yield return At(path, "a number for an enum", 7);
            yield break;
        }
        switch (FuzzContract.TypeOf(schema) ?? (schema.ContainsKey("properties") ? "object" : null))
        {
            case "string":
                yield return At(path, "a number for a string", 12345);
                yield return At(path, "an empty string", "");
                yield return At(path, "10,000 characters", LongText);
                yield return At(path, "control characters and markup", "\u0000\u001b<script>'\"💥");
                if (schema["format"]?.GetValue<string>() is "date" or "date-time")
                    yield return At(path, "an impossible date", "2026-02-30");
                break;
            case "integer":
                yield return At(path, "a string for an integer", "12");
                yield return At(path, "a fraction for an integer", 1.5m);
                yield return At(path, "-1", -1);
                yield return At(path, "0", 0);
                yield return At(path, "2^31", 2147483648L);
                yield return At(path, "10^20", 99999999999999999999m);
                break;
            case "number":
                yield return At(path, "a string for a number", "1");
                yield return At(path, "-1", -1);
                yield return At(path, "1e300", 1e300);
                yield return At(path, "10^20 with decimals", 99999999999999999999.12345m);
                break;
            case "boolean":
                yield return At(path, "a string for a boolean", "true");
                yield return At(path, "a number for a boolean", 1);
                break;
            case "object":
                yield return At(path, "an array for an object", new JsonArray());
                yield return At(path, "a string for an object", "x");
                var properties = schema["properties"]?.AsObject() ?? [];
                var baseline = current as JsonObject ?? Example(schema, null) as JsonObject ?? [];
                var withUnknown = (JsonObject)baseline.DeepClone();
                withUnknown[UnknownField] = 1;
                yield return new Mutation(Join(path, UnknownField), "an unknown field", withUnknown) { Context = baseline.DeepClone() };
                foreach (var (property, propertySchema) in properties)
                    foreach (var inner in Mutations(Join(path, property), propertySchema, baseline[property], depth + 1))
                        yield return inner with { Value = Replace(baseline, property, inner.Value), Context = Replace(baseline, property, inner.Context) };
                break;
            case "array":
                yield return At(path, "an object for an array", new JsonObject());
                yield return At(path, "a string for an array", "x");
                yield return At($"{path}[0]", "a null item", new JsonArray((JsonNode?)null));
                var itemSchema = contract.Resolve(schema["items"]);
                var item = current is JsonArray { Count: > 0 } items ? items[0] : Example(itemSchema, LastName(path));
                var wrongItem = FuzzContract.TypeOf(itemSchema) is "object" or "array" ? JsonValue.Create(12345) : (JsonNode)new JsonObject();
                yield return At($"{path}[0]", "an item of the wrong type", new JsonArray(wrongItem));
                if (FuzzContract.TypeOf(itemSchema) is "object" && item is JsonObject)
                    foreach (var inner in Mutations($"{path}[0]", itemSchema, item, depth + 1).Where(m => m.Field != $"{path}[0]"))
                        yield return inner with { Value = new JsonArray(inner.Value?.DeepClone()), Context = new JsonArray(inner.Context?.DeepClone()) };
                break;
        }
    }

    /// <summary>A copy of <paramref name="baseline"/> with <paramref name="property"/> replaced.</summary>
    static JsonObject Replace(JsonObject baseline, string property, JsonNode? value)
    {
        var copy = (JsonObject)baseline.DeepClone();
        copy[property] = value?.DeepClone();
        return copy;
    }

    static string Join(string path, string property) => path.Length == 0 ? property : $"{path}.{property}";

    static string LastName(string path) => path[(path.LastIndexOf('.') + 1)..].Split('[')[0];

    /// <summary>
    /// Hostile path values: huge, negative, zero, not a number, an escaped NUL as text (a real %00 never reaches the app:
    /// the server refuses the request line), a newline, an encoded slash, a fraction, a snowman.
    /// </summary>
    public static readonly string[] PathValues = ["99999999999999999999", "-1", "0", "abc", "%2500", "%0A", "1%2F2", "1.5", "%E2%98%83"];

    /// <summary>Hostile query values (before URL encoding), chosen by the parameter's schema.</summary>
    public static IEnumerable<string> QueryValues(JsonObject? schema)
    {
        yield return "";
        yield return "\u0000";
        yield return "' OR 1=1 --";
        yield return LongText;
        switch (FuzzContract.TypeOf(schema))
        {
            case "integer" or "number":
                yield return "abc";
                yield return "-1";
                yield return "99999999999999999999";
                yield return "1e999";
                break;
            case "boolean":
                yield return "maybe";
                break;
            default:
                if (schema?["format"]?.GetValue<string>() is "date" or "date-time")
                    yield return "2026-02-30";
                break;
        }
    }
}
