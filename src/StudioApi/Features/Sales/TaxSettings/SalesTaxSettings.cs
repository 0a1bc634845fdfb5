using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.TaxSettings;

/// <summary>
/// How the studio charges sales tax: its rates (one, or several that all apply, such as a state and a city rate, or
/// GST and PST), whether its prices already include tax (VAT-style) or tax is added on top, and whether digital
/// items and shipping are taxed at all. The one place tax is configured: the studio settings' single rate moved here
/// (migration SalesPriceLists). A single record, created at first start and only ever updated.
/// </summary>
public sealed class SalesTaxSettings : AuditedRecord
{
    public const int MaxRates = 5;

    /// <summary>True: prices in the price lists include tax, which is taken out of them; false: tax is added on top.</summary>
    public bool TaxIncludedInPrices { get; set; }

    /// <summary>Whether digital items (files, downloads) are taxed where the item itself is taxable.</summary>
    public bool DigitalItemsTaxable { get; set; } = true;

    /// <summary>Whether shipping (shipping items and shipping methods) is taxed.</summary>
    public bool ShippingTaxable { get; set; }

    /// <summary>The rates, in the order invoices list them; none means the studio charges no tax.</summary>
    public List<TaxRate> Rates { get; set; } = [];

    /// <summary>
    /// Whether a line of this item type is taxed: the item must be taxable, and digital items and shipping only when
    /// the studio taxes them. Each of <see cref="Rates"/> then applies to the line.
    /// </summary>
    public bool Taxes(PriceListItemType type, bool itemTaxable) => type switch
    {
        _ when !itemTaxable => false,
        PriceListItemType.Digital => DigitalItemsTaxable,
        PriceListItemType.Shipping => ShippingTaxable,
        _ => true,
    };
}

/// <summary>One tax rate: its name on the invoice and its percentage.</summary>
public sealed class TaxRate
{
    public string Name { get; set; } = "";
    /// <summary>Percent, 0–100 with at most 4 decimals: 8.25 is 8.25%.</summary>
    public Rate RatePercent { get; set; }
    /// <summary>Place in the list (0 first).</summary>
    public int Position { get; set; }
}

public static class SalesTaxSettingsQuery
{
    /// <summary>The studio's tax settings: the one row made at first start (the oldest, should a second ever appear).</summary>
    public static async Task<SalesTaxSettings> GetTaxSettingsAsync(this StudioDbContext db, bool forUpdate, CancellationToken ct)
    {
        var query = forUpdate ? db.SalesTaxSettings : db.SalesTaxSettings.AsNoTracking();
        return await query.OrderBy(s => s.Id).FirstOrDefaultAsync(ct)
               ?? throw new ApiProblem(StatusCodes.Status404NotFound, "Not found",
                   "The tax settings do not exist yet: they are created when the API starts on its database.");
    }
}
