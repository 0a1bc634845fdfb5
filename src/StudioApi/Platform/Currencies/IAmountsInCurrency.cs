namespace StudioApi.Platform.Currencies;

/// <summary>
/// Something that keeps amounts in the studio's currency (price lists, invoices). Amounts are minor units of that
/// currency, so changing it would silently read each of them in another unit (1999 cents becoming 1999 yen): the
/// settings refuse a new currency while any holder has amounts. The areas that keep money implement it; the settings
/// ask every one.
/// </summary>
public interface IAmountsInCurrency
{
    /// <summary>What amounts there are, in a few words for the refusal ("12 price list items have prices"), or null for none.</summary>
    Task<string?> DescribeAsync(CancellationToken ct);
}
