using StudioApi.Platform.Currencies;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceListItems;

/// <summary>
/// Something a studio sells, in one price list and one of its groups: a print, a package, a promotion, a session fee,
/// a digital file, a shipping charge. Referenced by its id (stable, never reused) or by its code (unique among the
/// live items of its list, compared without regard to case). An invoice copies what it needs of an item (code,
/// description, price, tax) when it sells it, so changing the list never changes an invoice.
/// </summary>
public sealed class PriceListItem : AuditedRecord
{
    public long PriceListId { get; set; }
    public long GroupId { get; set; }
    /// <summary>The studio's code, as written (8x10, PKG-GOLD).</summary>
    public string Code { get; set; } = "";
    /// <summary>The code in capitals: what uniqueness and the code sort compare, so 8x10 and 8X10 are one code.</summary>
    public string CodeKey { get; set; } = "";
    public string Description { get; set; } = "";
    public PriceListItemType Type { get; set; }
    public Money Price { get; set; }
    /// <summary>What the item costs the studio (a lab's price), for margins; only the front desk sees it.</summary>
    public Money Cost { get; set; }
    public bool Taxable { get; set; } = true;
    /// <summary>The item is made from an image (a print): selling it needs an image of the session, and a crop when it has a ratio.</summary>
    public bool NeedsImage { get; set; }
    /// <summary>The shape a crop for it must have, width:height reduced ("4:5" for an 8x10), either orientation; null for any.</summary>
    public string? CropAspectRatio { get; set; }
    /// <summary>The print's size in inches, width x height ("8x10", "2.5x3.5"): a production order renders its images at it; null when not a print.</summary>
    public string? PrintSize { get; set; }
    /// <summary>A <see cref="Setup.ProductionTypes.ProductionType"/>: production orders group sold items by it.</summary>
    public long? ProductionTypeId { get; set; }
    /// <summary>Offered in the online store (a list sold online shows only these).</summary>
    public bool AvailableOnline { get; set; }
    /// <summary>Place in the list, lowest first; a group shows its items in this order.</summary>
    public int Position { get; set; }

    // A package: its components and how many poses (distinct images) the client picks for it.
    public List<PackageComponent> Components { get; set; } = [];
    public int? MinPoses { get; set; }
    public int? MaxPoses { get; set; }

    // A promotional item: its rule.
    public string? CouponCode { get; set; }
    /// <summary>The coupon code in capitals: unique among the live promotions of the list.</summary>
    public string? CouponCodeKey { get; set; }
    public Rate? DiscountPercent { get; set; }
    public Money? DiscountAmount { get; set; }
    public DateOnly? PromotionStartsOn { get; set; }
    public DateOnly? PromotionEndsOn { get; set; }
    public Money? MinimumOrderAmount { get; set; }
    public bool OncePerClient { get; set; }
    public int? MaxUses { get; set; }
    /// <summary>The items and groups the discount applies to; none: the whole order.</summary>
    public List<PromotionTarget> PromotionTargets { get; set; } = [];

    public static string KeyOf(string code) => code.Trim().ToUpperInvariant();
}

public enum PriceListItemType
{
    /// <summary>A product: a print, a frame, an album.</summary>
    Standard,
    /// <summary>Several items sold together at one price, with poses the client picks.</summary>
    Package,
    /// <summary>A discount with its rule (a coupon).</summary>
    Promotional,
    /// <summary>The fee for the session itself: the first invoice of a session charges it.</summary>
    SessionFee,
    /// <summary>A digital file or download.</summary>
    Digital,
    /// <summary>A shipping charge.</summary>
    Shipping,
}

/// <summary>One item of a package, and how many of it the package holds.</summary>
public sealed class PackageComponent
{
    /// <summary>A live item of the same list, neither a package nor a promotion.</summary>
    public long ItemId { get; set; }
    public int Quantity { get; set; }
    /// <summary>Place in the package (0 first).</summary>
    public int Position { get; set; }
}

/// <summary>An item or group a promotion's discount applies to.</summary>
public sealed class PromotionTarget
{
    public PromotionTargetKind Kind { get; set; }
    public long TargetId { get; set; }
}

public enum PromotionTargetKind
{
    Item,
    Group,
}
