using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StudioApi.Platform.Currencies;

/// <summary>
/// States the money convention in the contract: <see cref="Money"/> is an int64 of minor units, <see cref="Rate"/> an
/// exact decimal string. The converters make them so on the wire; without this the document would say nothing.
/// </summary>
public sealed class CurrencySchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(Money))
        {
            schema.Type = JsonSchemaType.Integer;
            schema.Format = "int64";
            schema.Description = "An amount of money: a whole number of minor units of the studio's currency (settings.currency), " +
                                 "as Stripe does: cents for USD and EUR (1999 is 19.99), yen for JPY, fils for KWD.";
        }
        else if (type == typeof(Rate))
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = "decimal";
            schema.Pattern = Rate.Pattern;
            schema.MaxLength = null;
            schema.Description = "An exact decimal rate written as a string, such as \"8.25\" for 8.25%: never a JSON number, " +
                                 "so no client turns it into a binary floating-point value.";
        }
        return Task.CompletedTask;
    }
}
