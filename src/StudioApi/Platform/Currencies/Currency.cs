namespace StudioApi.Platform.Currencies;

/// <summary>ISO 4217 currencies: how many decimals their minor unit has, to turn amounts into <see cref="Money"/> and back.</summary>
public static class Currency
{
    // ISO 4217's exponent 0 and 3 currencies (everything else in use has 2); Stripe lists the same zero-decimal ones.
    static readonly HashSet<string> NoMinorUnit = ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"];
    static readonly HashSet<string> ThousandthMinorUnit = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    /// <summary>2 for USD (cents), 0 for JPY, 3 for KWD.</summary>
    public static int MinorUnitDigits(string currency) =>
        NoMinorUnit.Contains(currency) ? 0 : ThousandthMinorUnit.Contains(currency) ? 3 : 2;

    /// <summary>An amount in major units (19.99 USD) as money, rounded to a minor unit with halves away from zero.</summary>
    public static Money ToMoney(decimal amount, string currency) =>
        new((long)Math.Round(amount * Factor(currency), MidpointRounding.AwayFromZero));

    /// <summary>Money in major units, for display and documents (1999 USD cents → 19.99).</summary>
    public static decimal ToAmount(Money money, string currency) => money.MinorUnits / Factor(currency);

    static decimal Factor(string currency) => MinorUnitDigits(currency) switch { 0 => 1m, 3 => 1000m, _ => 100m };
}
