using FluentValidation;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.Validation;

namespace StudioApi.Features.Sales.PriceListItems;

/// <summary>The fields of a price list item a caller sets, shared by create, update and the spreadsheet import.</summary>
public abstract class PriceListItemInput
{
    /// <summary>A live group of the item's price list.</summary>
    public long GroupId { get; set; }
    /// <summary>Unique among the live items of the list, without regard to case (8x10 and 8X10 are one code).</summary>
    public string Code { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>Defaults to standard.</summary>
    public PriceListItemType Type { get; set; }
    /// <summary>In minor units of the studio's currency; 0 for a promotional item (its value is its discount).</summary>
    public Money? Price { get; set; }
    /// <summary>What the item costs the studio, in minor units; defaults to 0.</summary>
    public Money? Cost { get; set; }
    /// <summary>Defaults to true. Digital items and shipping are taxed only when the tax settings say so.</summary>
    public bool Taxable { get; set; } = true;
    /// <summary>Made from an image (a print): standard and digital items only. Defaults to true when a crop aspect ratio is given, else false.</summary>
    public bool? NeedsImage { get; set; }
    /// <summary>The shape its crop must have, for an item that needs an image: width:height or a print size (8x10 is kept as 4:5). Omit for any shape.</summary>
    public string? CropAspectRatio { get; set; }
    /// <summary>The print's size in inches, width x height (8x10, 2.5x3.5), for an item made from an image: production renders it at that size. Omit when not a print.</summary>
    public string? PrintSize { get; set; }
    /// <summary>A live production type (prints, frames…), for production orders.</summary>
    public long? ProductionTypeId { get; set; }
    /// <summary>Offered in the online store. Defaults to false.</summary>
    public bool AvailableOnline { get; set; }
    /// <summary>A package's components and poses: required for a package, refused for any other type.</summary>
    public ItemPackageInput? Package { get; set; }
    /// <summary>A promotional item's rule: required for a promotional item, refused for any other type.</summary>
    public ItemPromotionInput? Promotion { get; set; }

    /// <summary>Whether the item is made from an image: as given, or, left out, whether it has a crop ratio.</summary>
    public bool ImageNeeded() => NeedsImage ?? !string.IsNullOrWhiteSpace(CropAspectRatio);

    public void ApplyTo(PriceListItem item)
    {
        item.GroupId = GroupId;
        item.Code = Code.Trim();
        item.CodeKey = PriceListItem.KeyOf(Code);
        item.Description = Description.Trim();
        item.Type = Type;
        item.Price = Price!.Value;
        item.Cost = Cost ?? Money.Zero;
        item.Taxable = Taxable;
        item.NeedsImage = ImageNeeded();
        item.CropAspectRatio = item.NeedsImage ? AspectRatio.Normalize(CropAspectRatio) : null;
        item.PrintSize = item.NeedsImage && PrintSizes.Parse(PrintSize) is { } size ? PrintSizes.Format(size) : null;
        item.ProductionTypeId = ProductionTypeId;
        item.AvailableOnline = AvailableOnline;

        var package = Type == PriceListItemType.Package ? Package : null;
        item.MinPoses = package?.MinPoses;
        item.MaxPoses = package?.MaxPoses;
        var components = (package?.Components ?? []).Select((c, i) => new PackageComponent { ItemId = c.ItemId, Quantity = c.Quantity, Position = i }).ToList();
        // Owned lists are replaced only when they differ, so an unchanged item saves as no change.
        if (!components.Select(c => (c.ItemId, c.Quantity)).SequenceEqual(item.Components.OrderBy(c => c.Position).Select(c => (c.ItemId, c.Quantity))))
            item.Components = components;

        var promotion = Type == PriceListItemType.Promotional ? Promotion : null;
        item.CouponCode = string.IsNullOrWhiteSpace(promotion?.CouponCode) ? null : promotion.CouponCode.Trim();
        item.CouponCodeKey = item.CouponCode is null ? null : PriceListItem.KeyOf(item.CouponCode);
        item.DiscountPercent = promotion?.DiscountPercent;
        item.DiscountAmount = promotion?.DiscountAmount;
        item.PromotionStartsOn = promotion?.StartsOn;
        item.PromotionEndsOn = promotion?.EndsOn;
        item.MinimumOrderAmount = promotion?.MinimumOrderAmount;
        item.OncePerClient = promotion?.OncePerClient ?? false;
        item.MaxUses = promotion?.MaxUses;
        var targets = (promotion?.AppliesToItemIds ?? []).Select(id => new PromotionTarget { Kind = PromotionTargetKind.Item, TargetId = id })
            .Concat((promotion?.AppliesToGroupIds ?? []).Select(id => new PromotionTarget { Kind = PromotionTargetKind.Group, TargetId = id }))
            .ToList();
        if (!targets.Select(t => (t.Kind, t.TargetId)).Order().SequenceEqual(item.PromotionTargets.Select(t => (t.Kind, t.TargetId)).Order()))
            item.PromotionTargets = targets;
    }
}

/// <summary>What a package holds and how many poses (distinct images of the session) the client picks for it.</summary>
public sealed class ItemPackageInput
{
    /// <summary>1–50 items of the same list, each once; neither packages nor promotions.</summary>
    public List<PackageComponentInput>? Components { get; set; }
    /// <summary>The fewest poses the client picks (0–100).</summary>
    public int MinPoses { get; set; }
    /// <summary>The most poses the client picks (1–100, at least minPoses).</summary>
    public int MaxPoses { get; set; }
}

public sealed class PackageComponentInput
{
    public long ItemId { get; set; }
    /// <summary>How many of it the package holds (1–999); defaults to 1.</summary>
    public int Quantity { get; set; } = 1;
}

/// <summary>
/// A promotion's rule: its discount (a percentage or an amount, one of the two), when it runs, the smallest order it
/// takes, what it applies to, and how often it may be used. Invoices check a coupon against it.
/// </summary>
public sealed class ItemPromotionInput
{
    /// <summary>What a client types to use it, unique among the list's live promotions (any case); omit for a promotion the studio applies itself.</summary>
    public string? CouponCode { get; set; }
    /// <summary>A percentage off (more than 0, at most 100, up to 4 decimals), as a decimal string.</summary>
    public Rate? DiscountPercent { get; set; }
    /// <summary>An amount off, in minor units.</summary>
    public Money? DiscountAmount { get; set; }
    /// <summary>The first day it may be used; omit for no start.</summary>
    public DateOnly? StartsOn { get; set; }
    /// <summary>The last day it may be used; omit for no end.</summary>
    public DateOnly? EndsOn { get; set; }
    /// <summary>The smallest order (before discounts) it applies to, in minor units; omit for any.</summary>
    public Money? MinimumOrderAmount { get; set; }
    /// <summary>Items of the same list the discount applies to; with appliesToGroupIds empty too, it applies to the whole order.</summary>
    public List<long>? AppliesToItemIds { get; set; }
    /// <summary>Groups of the same list whose items the discount applies to.</summary>
    public List<long>? AppliesToGroupIds { get; set; }
    /// <summary>A client may use it once only. Defaults to false.</summary>
    public bool OncePerClient { get; set; }
    /// <summary>How many times it may be used in all; omit for no limit.</summary>
    public int? MaxUses { get; set; }
}

public sealed class PriceListItemInputValidator : AbstractValidator<PriceListItemInput>
{
    public PriceListItemInputValidator()
    {
        RuleFor(i => i.GroupId).GreaterThan(0);
        RuleFor(i => i.Code).NotEmpty().MaximumLength(ItemLimits.CodeLength).Matches(ItemLimits.CodePattern)
            .WithMessage("A code starts with a letter or digit and holds letters, digits, '.', '_', '/' and '-' only (no spaces).");
        RuleFor(i => i.Description).NotEmpty().MaximumLength(ItemLimits.DescriptionLength);
        RuleFor(i => i.Type).IsInEnum();
        RuleFor(i => i.Price).NotNull();
        RuleFor(i => i.Price!.Value).Must(PriceRules.IsPrice).OverridePropertyName("price").When(i => i.Price is not null)
            .WithMessage(PriceRules.PriceMessage);
        RuleFor(i => i.Price!.Value).Must(p => p == Money.Zero).OverridePropertyName("price")
            .When(i => i.Price is not null && i.Type == PriceListItemType.Promotional)
            .WithMessage("A promotional item's price is 0: its value is its discount.");
        RuleFor(i => i.Cost!.Value).Must(PriceRules.IsPrice).OverridePropertyName("cost").When(i => i.Cost is not null)
            .WithMessage(PriceRules.PriceMessage);
        RuleFor(i => i.NeedsImage).Must(needs => needs != true)
            .When(i => i.Type is not (PriceListItemType.Standard or PriceListItemType.Digital))
            .WithMessage("Only standard and digital items are made from an image; a package's images are its poses.");
        RuleFor(i => i.CropAspectRatio).MaximumLength(ItemLimits.AspectRatioLength)
            .Must(r => AspectRatio.Normalize(r) is not null).When(i => !string.IsNullOrWhiteSpace(i.CropAspectRatio))
            .WithMessage("The crop aspect ratio is width:height or a print size, such as 4:5 or 8x10.");
        RuleFor(i => i.NeedsImage).Must(needs => needs != false)
            .When(i => !string.IsNullOrWhiteSpace(i.CropAspectRatio) && i.Type is PriceListItemType.Standard or PriceListItemType.Digital)
            .WithMessage("An item with a crop aspect ratio is made from an image: needsImage cannot be false, or leave the ratio out.");
        RuleFor(i => i.CropAspectRatio).Empty().When(i => i.Type is not (PriceListItemType.Standard or PriceListItemType.Digital))
            .WithMessage("Only standard and digital items have a crop aspect ratio.");
        RuleFor(i => i.PrintSize).MaximumLength(ItemLimits.AspectRatioLength)
            .Must(s => PrintSizes.Parse(s) is not null).When(i => !string.IsNullOrWhiteSpace(i.PrintSize))
            .WithMessage("The print size is width x height in inches, such as 8x10 or 2.5x3.5 (each up to 100).");
        RuleFor(i => i.PrintSize).Empty().When(i => !i.ImageNeeded())
            .WithMessage("Only an item made from an image (needsImage) has a print size.");
        RuleFor(i => i.ProductionTypeId).GreaterThan(0);

        RuleFor(i => i.Package).NotNull().When(i => i.Type == PriceListItemType.Package)
            .WithMessage("A package lists its components and the poses the client picks.");
        RuleFor(i => i.Package).Null().When(i => i.Type != PriceListItemType.Package)
            .WithMessage("Only a package has components and poses; leave package out.");
        RuleFor(i => i.Package!).ChildRules(package =>
        {
            package.RuleFor(p => p.Components).NotEmpty().WithMessage("A package holds at least one item.")
                .MaxItems(ItemLimits.MaxComponents)
                .Must(c => c is null || c.Select(x => x?.ItemId).Distinct().Count() == c.Count)
                .WithMessage("Name each component once; give it a quantity instead.");
            package.RuleForEach(p => p.Components).ChildRules(component =>
            {
                component.RuleFor(c => c.ItemId).GreaterThan(0);
                component.RuleFor(c => c.Quantity).InclusiveBetween(1, ItemLimits.MaxComponentQuantity);
            });
            package.RuleFor(p => p.MinPoses).InclusiveBetween(0, ItemLimits.MaxPoses);
            package.RuleFor(p => p.MaxPoses).InclusiveBetween(1, ItemLimits.MaxPoses)
                .GreaterThanOrEqualTo(p => p.MinPoses).WithMessage("maxPoses is at least minPoses.");
        }).When(i => i.Package is not null && i.Type == PriceListItemType.Package);

        RuleFor(i => i.Promotion).NotNull().When(i => i.Type == PriceListItemType.Promotional)
            .WithMessage("A promotional item carries its rule: the discount, and when and to what it applies.");
        RuleFor(i => i.Promotion).Null().When(i => i.Type != PriceListItemType.Promotional)
            .WithMessage("Only a promotional item has a promotion rule; leave promotion out.");
        RuleFor(i => i.Promotion!).ChildRules(promotion =>
        {
            promotion.RuleFor(p => p.CouponCode).MaximumLength(ItemLimits.CouponCodeLength).Matches(ItemLimits.CouponCodePattern)
                .WithMessage("A coupon code holds letters, digits, '_' and '-' only.");
            promotion.RuleFor(p => p.DiscountPercent).NotNull().When(p => p.DiscountAmount is null)
                .WithMessage("Give the discount as discountPercent or discountAmount.");
            promotion.RuleFor(p => p.DiscountPercent).Null().When(p => p.DiscountAmount is not null)
                .WithMessage("A promotion takes a percentage or an amount off, not both.");
            promotion.RuleFor(p => p.DiscountPercent!.Value).Must(r => r.Value is > 0m and <= 100m && r.Scale <= 4)
                .OverridePropertyName("discountPercent").When(p => p.DiscountPercent is not null)
                .WithMessage("A discount percentage is more than 0 and at most 100, with at most 4 decimals, such as \"10\".");
            promotion.RuleFor(p => p.DiscountAmount!.Value).Must(a => a.MinorUnits > 0 && PriceRules.IsPrice(a))
                .OverridePropertyName("discountAmount").When(p => p.DiscountAmount is not null)
                .WithMessage("A discount amount is more than 0 minor units, at most 10000000000.");
            promotion.RuleFor(p => p.EndsOn).GreaterThanOrEqualTo(p => p.StartsOn)
                .When(p => p.StartsOn is not null && p.EndsOn is not null).WithMessage("endsOn is on or after startsOn.");
            promotion.RuleFor(p => p.MinimumOrderAmount!.Value).Must(PriceRules.IsPrice)
                .OverridePropertyName("minimumOrderAmount").When(p => p.MinimumOrderAmount is not null)
                .WithMessage(PriceRules.PriceMessage);
            promotion.RuleFor(p => p.AppliesToItemIds).MaxItems(ItemLimits.MaxPromotionTargets)
                .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("Name each item once.");
            promotion.RuleForEach(p => p.AppliesToItemIds).GreaterThan(0);
            promotion.RuleFor(p => p.AppliesToGroupIds).MaxItems(ItemLimits.MaxPromotionTargets)
                .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("Name each group once.");
            promotion.RuleForEach(p => p.AppliesToGroupIds).GreaterThan(0);
            promotion.RuleFor(p => p.MaxUses).InclusiveBetween(1, ItemLimits.MaxUses);
        }).When(i => i.Promotion is not null && i.Type == PriceListItemType.Promotional);
    }
}
