using System.ComponentModel.DataAnnotations;
using StudioApi.Platform.Http;

namespace StudioApi.Features.Sales.TaxSettings;

public sealed class TaxSettingsResponse : RecordResponse
{
    /// <summary>True: prices include tax (taken out of them on an invoice); false: tax is added on top.</summary>
    public required bool TaxIncludedInPrices { get; init; }
    public required bool DigitalItemsTaxable { get; init; }
    public required bool ShippingTaxable { get; init; }
    /// <summary>Every rate applies to each taxed line; none means no tax.</summary>
    [MaxLength(SalesTaxSettings.MaxRates)]
    public required IReadOnlyList<TaxRateData> Rates { get; init; }

    public static TaxSettingsResponse From(SalesTaxSettings s) => new TaxSettingsResponse
    {
        TaxIncludedInPrices = s.TaxIncludedInPrices,
        DigitalItemsTaxable = s.DigitalItemsTaxable,
        ShippingTaxable = s.ShippingTaxable,
        Rates = s.Rates.OrderBy(r => r.Position).Select(r => new TaxRateData { Name = r.Name, RatePercent = r.RatePercent }).ToList(),
    }.WithAudit(s);
}
