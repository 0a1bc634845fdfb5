using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StudioApi.Platform.Http.OpenApi;

/// <summary>
/// Writes the FluentValidation rules of a DTO into its schema: NotEmpty/NotNull → required (and minLength 1),
/// Length/MaximumLength/MinimumLength → maxLength/minLength, InclusiveBetween/GreaterThan… → minimum/maximum,
/// EmailAddress → format email, Matches → pattern, MaxItems → maxItems, a list's sort rule → enum and default
/// (with <c>x-enumNames</c>, so the C# SDK names the descending values). A response type gets the upper bounds
/// of the input it is stored from (see <see cref="ValidationConstraints.ForResponse"/>).
/// </summary>
public sealed class ValidationSchemaTransformer(ValidationConstraints constraints) : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // Called for every schema, a nested object's too (then with the property it sits under): act on objects.
        if (schema.Properties is not { Count: > 0 })
            return Task.CompletedTask;

        var type = context.JsonTypeInfo.Type;
        foreach (var jsonProperty in context.JsonTypeInfo.Properties)
        {
            if (jsonProperty.AttributeProvider is not PropertyInfo property
                || !schema.Properties.TryGetValue(jsonProperty.Name, out var propertySchema))
                continue;

            if ((constraints.For(type, property.Name) ?? constraints.ForResponse(type, property.Name)) is { } rules)
            {
                Apply(propertySchema, rules);
                if (rules.Required)
                {
                    schema.Required ??= new HashSet<string>();
                    schema.Required.Add(jsonProperty.Name);
                }
            }
            if (constraints.For(type, ValidationConstraints.ItemsOf(property.Name)) is { } itemRules && propertySchema is OpenApiSchema { Items: { } items })
                Apply(items, itemRules);
        }
        return Task.CompletedTask;
    }

    /// <summary>Applies limits to an inline schema (references to other components carry their own).</summary>
    public static void Apply(IOpenApiSchema target, PropertyConstraints rules)
    {
        if (target is not OpenApiSchema schema || schema.Type is null)
            return;
        var type = schema.Type.Value & ~JsonSchemaType.Null;
        if (type == JsonSchemaType.String)
        {
            if (rules.MinLength is { } min)
                schema.MinLength = Math.Max(schema.MinLength ?? 0, min);
            if (rules.MaxLength is { } max)
                schema.MaxLength = schema.MaxLength is { } existing ? Math.Min(existing, max) : max;
            if (rules.Pattern is { } pattern)
                schema.Pattern ??= pattern;
            if (rules.Format is { } format)
                schema.Format ??= format;
            if (rules.Enum is { } values)
            {
                schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
                schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                schema.Extensions["x-enumNames"] = new JsonNodeExtension(new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(EnumMemberName(v)))]));
            }
            if (rules.Default is { } defaultValue)
                schema.Default = JsonValue.Create(defaultValue);
        }
        else if (type is JsonSchemaType.Integer or JsonSchemaType.Number)
        {
            // An exclusive bound of an integer is the next integer inclusive: simpler for every generator.
            var integral = type == JsonSchemaType.Integer;
            if (rules.Minimum is { } minimum)
            {
                if (!rules.ExclusiveMinimum)
                    schema.Minimum = Number(minimum);
                else if (integral)
                    schema.Minimum = Number(Math.Floor(minimum) + 1);
                else
                    schema.ExclusiveMinimum = Number(minimum);
            }
            if (rules.Maximum is { } maximum)
            {
                if (!rules.ExclusiveMaximum)
                    schema.Maximum = Number(maximum);
                else if (integral)
                    schema.Maximum = Number(Math.Ceiling(maximum) - 1);
                else
                    schema.ExclusiveMaximum = Number(maximum);
            }
        }
        else if (type == JsonSchemaType.Array && rules.MaxItems is { } maxItems)
        {
            schema.MaxItems = schema.MaxItems is { } existing ? Math.Min(existing, maxItems) : maxItems;
        }
    }

    /// <summary><c>createdAt</c> → CreatedAt, <c>-createdAt</c> → CreatedAtDescending.</summary>
    static string EnumMemberName(string value)
    {
        var descending = value.StartsWith('-');
        var key = descending ? value[1..] : value;
        return char.ToUpperInvariant(key[0]) + key[1..] + (descending ? "Descending" : "");
    }

    static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
