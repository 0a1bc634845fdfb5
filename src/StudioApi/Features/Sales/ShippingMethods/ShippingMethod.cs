using StudioApi.Platform.Currencies;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.ShippingMethods;

/// <summary>
/// A way an order reaches the client (seed: the online store's Shipping Methods): picked up at the studio, mailed,
/// sent overnight, each at its price in the studio's currency. Whether shipping is taxed is a tax setting.
/// </summary>
public sealed class ShippingMethod : AuditedRecord
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public Money Price { get; set; }
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>An inactive method is hidden from pick lists but stays valid on the invoices that have it.</summary>
    public bool IsActive { get; set; } = true;
}
