using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceListItems;

public sealed class PriceListItemResponse : RecordResponse
{
    public required long PriceListId { get; init; }
    public required long GroupId { get; init; }
    public required string Code { get; init; }
    public required string Description { get; init; }
    public required PriceListItemType Type { get; init; }
    public required Money Price { get; init; }
    /// <summary>What the item costs the studio; null for a caller who may not see costs (only the front desk does).</summary>
    public Money? Cost { get; init; }
    public required bool Taxable { get; init; }
    public required bool NeedsImage { get; init; }
    /// <summary>Reduced width:height, such as 4:5 for an 8x10; null for any shape.</summary>
    public string? CropAspectRatio { get; init; }
    /// <summary>The print's size in inches, width x height (8x10); null when not a print.</summary>
    public string? PrintSize { get; init; }
    public long? ProductionTypeId { get; init; }
    public required bool AvailableOnline { get; init; }
    /// <summary>Place in the list, lowest first.</summary>
    public required int Position { get; init; }
    /// <summary>A package's components and poses; null for other types.</summary>
    public ItemPackageResponse? Package { get; init; }
    /// <summary>A promotional item's rule; null for other types.</summary>
    public ItemPromotionResponse? Promotion { get; init; }

    public static PriceListItemResponse From(PriceListItem i, IReadOnlyDictionary<long, ItemRef> components, bool showCost) => new PriceListItemResponse
    {
        PriceListId = i.PriceListId,
        GroupId = i.GroupId,
        Code = i.Code,
        Description = i.Description,
        Type = i.Type,
        Price = i.Price,
        Cost = showCost ? i.Cost : null,
        Taxable = i.Taxable,
        NeedsImage = i.NeedsImage,
        CropAspectRatio = i.CropAspectRatio,
        PrintSize = i.PrintSize,
        ProductionTypeId = i.ProductionTypeId,
        AvailableOnline = i.AvailableOnline,
        Position = i.Position,
        Package = i.Type != PriceListItemType.Package ? null : new ItemPackageResponse
        {
            Components = i.Components.OrderBy(c => c.Position).Select(c => new PackageComponentResponse
            {
                ItemId = c.ItemId,
                Quantity = c.Quantity,
                Code = components.TryGetValue(c.ItemId, out var component) ? component.Code : null,
                Description = component?.Description,
            }).ToList(),
            MinPoses = i.MinPoses ?? 0,
            MaxPoses = i.MaxPoses ?? 1,
        },
        Promotion = i.Type != PriceListItemType.Promotional ? null : new ItemPromotionResponse
        {
            CouponCode = i.CouponCode,
            DiscountPercent = i.DiscountPercent,
            DiscountAmount = i.DiscountAmount,
            StartsOn = i.PromotionStartsOn,
            EndsOn = i.PromotionEndsOn,
            MinimumOrderAmount = i.MinimumOrderAmount,
            AppliesToItemIds = i.PromotionTargets.Where(t => t.Kind == PromotionTargetKind.Item).Select(t => t.TargetId).Order().ToList(),
            AppliesToGroupIds = i.PromotionTargets.Where(t => t.Kind == PromotionTargetKind.Group).Select(t => t.TargetId).Order().ToList(),
            OncePerClient = i.OncePerClient,
            MaxUses = i.MaxUses,
        },
    }.WithAudit(i);

    /// <summary>Who sees costs (margins): the front desk, not the kiosk or photographers.</summary>
    public static bool SeesCost(ClaimsPrincipal user) => Platform.Auth.Roles.FrontDesk.Any(user.IsInRole);

    /// <summary>The code and description of the components the items' packages hold, read in one query.</summary>
    public static async Task<IReadOnlyDictionary<long, ItemRef>> ComponentsOfAsync(StudioDbContext db, IEnumerable<PriceListItem> items, CancellationToken ct)
    {
        var ids = items.SelectMany(i => i.Components).Select(c => c.ItemId).Distinct().ToList();
        if (ids.Count == 0)
            return new Dictionary<long, ItemRef>();
        // Recycle bin included: a package read from the bin still names what it held.
        return await db.PriceListItems.IgnoreQueryFilters().Where(i => ids.Contains(i.Id))
            .Select(i => new ItemRef(i.Id, i.Code, i.Description, i.Type)).ToDictionaryAsync(i => i.Id, ct);
    }
}

public sealed class ItemPackageResponse
{
    [MaxLength(ItemLimits.MaxComponents)]
    public required IReadOnlyList<PackageComponentResponse> Components { get; init; }
    public required int MinPoses { get; init; }
    public required int MaxPoses { get; init; }
}

public sealed class PackageComponentResponse
{
    public required long ItemId { get; init; }
    public required int Quantity { get; init; }
    /// <summary>The component's code and description, for display.</summary>
    [MaxLength(ItemLimits.CodeLength)]
    public string? Code { get; init; }
    [MaxLength(ItemLimits.DescriptionLength)]
    public string? Description { get; init; }
}

public sealed class ItemPromotionResponse
{
    [MaxLength(ItemLimits.CouponCodeLength)]
    public string? CouponCode { get; init; }
    public Rate? DiscountPercent { get; init; }
    public Money? DiscountAmount { get; init; }
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    public Money? MinimumOrderAmount { get; init; }
    [MaxLength(ItemLimits.MaxPromotionTargets)]
    public required IReadOnlyList<long> AppliesToItemIds { get; init; }
    [MaxLength(ItemLimits.MaxPromotionTargets)]
    public required IReadOnlyList<long> AppliesToGroupIds { get; init; }
    public required bool OncePerClient { get; init; }
    public int? MaxUses { get; init; }
}
