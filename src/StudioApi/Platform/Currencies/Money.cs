using System.Text.Json;
using System.Text.Json.Serialization;

namespace StudioApi.Platform.Currencies;

/// <summary>
/// An amount of the studio's currency as a whole number of its minor units: cents for USD and EUR, yen for JPY,
/// fils for KWD (Stripe's convention). Arithmetic on it is exact; the rounding to a minor unit happens where a rate is
/// applied (<see cref="Percent"/>), once per line and once per total. On the wire it is a JSON integer, in the contract
/// <c>type: integer, format: int64</c> (<see cref="CurrencySchemaTransformer"/>), so neither SDK ever holds money in a double.
/// </summary>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly record struct Money(long MinorUnits) : IComparable<Money>
{
    public static Money Zero => default;

    public static Money operator +(Money a, Money b) => new(checked(a.MinorUnits + b.MinorUnits));
    public static Money operator -(Money a, Money b) => new(checked(a.MinorUnits - b.MinorUnits));
    public static Money operator -(Money a) => new(checked(-a.MinorUnits));
    public static Money operator *(Money a, int quantity) => new(checked(a.MinorUnits * quantity));
    public static bool operator <(Money a, Money b) => a.MinorUnits < b.MinorUnits;
    public static bool operator >(Money a, Money b) => a.MinorUnits > b.MinorUnits;
    public static bool operator <=(Money a, Money b) => a.MinorUnits <= b.MinorUnits;
    public static bool operator >=(Money a, Money b) => a.MinorUnits >= b.MinorUnits;

    public int CompareTo(Money other) => MinorUnits.CompareTo(other.MinorUnits);

    /// <summary>
    /// <paramref name="rate"/> percent of the amount (a tax, a discount), rounded to a minor unit with halves away
    /// from zero, as sales tax and Stripe round: 8.25% of 1.99 is 0.164175, so 0.16.
    /// </summary>
    public Money Percent(Rate rate) => new((long)Math.Round(MinorUnits * rate.Value / 100m, MidpointRounding.AwayFromZero));

    public static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Zero, (total, amount) => total + amount);

    public override string ToString() => MinorUnits.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var minorUnits)
            ? new Money(minorUnits)
            : throw new JsonException("An amount is a whole number of the currency's minor units, such as 1999 for 19.99.");

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => writer.WriteNumberValue(value.MinorUnits);
}
