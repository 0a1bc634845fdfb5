using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StudioApi.Platform.Currencies;

/// <summary>
/// An exact decimal rate, such as a tax rate of 8.875 percent. On the wire it is a string (<c>"8.875"</c>) matching
/// <see cref="Pattern"/>, in the contract <c>type: string, format: decimal</c>: JSON numbers become doubles in
/// JavaScript (and in a C# SDK that guesses), and a rate must survive a round trip through any client unchanged.
/// </summary>
[JsonConverter(typeof(RateJsonConverter))]
public readonly record struct Rate(decimal Value)
{
    /// <summary>An optional minus, digits, and an optional fraction: no exponent, no thousands separator.</summary>
    public const string Pattern = "^-?[0-9]{1,15}(\\.[0-9]{1,10})?$";

    public static bool TryParse(string? text, out Rate rate)
    {
        rate = default;
        if (text is null || !System.Text.RegularExpressions.Regex.IsMatch(text, Pattern)
            || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return false;
        rate = new Rate(value);
        return true;
    }

    /// <summary>How many decimals the rate is written with (8.250 has three).</summary>
    public int Scale => (decimal.GetBits(Value)[3] >> 16) & 0xFF;

    /// <summary>The shortest exact form: 8.25, not 8.2500.</summary>
    public override string ToString() => Value.ToString("0.##########", CultureInfo.InvariantCulture);
}

public sealed class RateJsonConverter : JsonConverter<Rate>
{
    public override Rate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Rate.TryParse(reader.GetString(), out var rate)
            ? rate
            : throw new JsonException("A rate is an exact decimal written as a string, such as \"8.25\".");

    public override void Write(Utf8JsonWriter writer, Rate value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
