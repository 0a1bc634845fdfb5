using System.Text.Json;
using CsCheck;
using StudioApi.Platform.Currencies;

namespace StudioApi.Tests.Platform.Currencies;

/// <summary>Money in minor units and exact rates: the arithmetic invoices will rest on, and their wire form.</summary>
public sealed class MoneyTests
{
    static readonly Gen<Money> Amounts = Gen.Long[-10_000_000_000, 10_000_000_000].Select(m => new Money(m));
    static readonly Gen<Rate> Rates = Gen.Int[0, 1_000_000].Select(r => new Rate(r / 10_000m)); // 0–100% with 4 decimals

    [Fact]
    public void Adding_and_taking_away_is_exact() =>
        Gen.Select(Amounts, Amounts).Sample((a, b) => (a + b - b).ShouldBe(a));

    [Fact]
    public void A_percentage_is_rounded_once_to_a_minor_unit_halves_away_from_zero() =>
        Gen.Select(Amounts, Rates).Sample((amount, rate) =>
        {
            var exact = amount.MinorUnits * rate.Value / 100m;
            var taken = amount.Percent(rate);
            Math.Abs(taken.MinorUnits - exact).ShouldBeLessThanOrEqualTo(0.5m);
            (-amount).Percent(rate).ShouldBe(-taken, "rounding is symmetric: a refund's tax is the sale's tax");
        });

    [Theory]
    [InlineData(199, "8.25", 16)] // 0.164175 → 0.16
    [InlineData(200, "8.25", 17)] // 0.165 → 0.17: the half goes away from zero
    [InlineData(-200, "8.25", -17)]
    [InlineData(1000, "8.875", 89)] // 0.8875 → 0.89
    public void Tax_on_a_line_is_what_a_till_prints(long cents, string rate, long tax)
    {
        Rate.TryParse(rate, out var parsed).ShouldBeTrue();
        new Money(cents).Percent(parsed).ShouldBe(new Money(tax));
    }

    [Theory]
    [InlineData("USD", 19.99, 1999)]
    [InlineData("JPY", 1999, 1999)]
    [InlineData("KWD", 1.999, 1999)]
    [InlineData("EUR", 0.005, 1)]
    public void Amounts_become_minor_units_of_their_currency(string currency, double amount, long minorUnits)
    {
        Currency.ToMoney((decimal)amount, currency).ShouldBe(new Money(minorUnits));
        Currency.ToAmount(new Money(minorUnits), currency).ShouldBe(Math.Round((decimal)amount, Currency.MinorUnitDigits(currency), MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void On_the_wire_money_is_an_integer_and_a_rate_an_exact_string()
    {
        JsonSerializer.Serialize(new { total = new Money(1999), rate = new Rate(8.2500m) }).ShouldBe("{\"total\":1999,\"rate\":\"8.25\"}");
        Gen.Select(Amounts, Rates).Sample((amount, rate) =>
        {
            JsonSerializer.Deserialize<Money>(JsonSerializer.Serialize(amount)).ShouldBe(amount);
            JsonSerializer.Deserialize<Rate>(JsonSerializer.Serialize(rate)).Value.ShouldBe(rate.Value);
        });
    }

    [Theory]
    [InlineData("19.99")] // money is never a fraction of a minor unit
    [InlineData("\"1999\"")]
    public void Money_in_another_form_is_refused(string json) =>
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Money>(json));

    [Theory]
    [InlineData("8.25")] // a JSON number: a double in most clients
    [InlineData("\"8.25e0\"")]
    [InlineData("\"1,5\"")]
    [InlineData("\" 8.25\"")]
    public void A_rate_in_another_form_is_refused(string json) =>
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Rate>(json));
}
