using FluentValidation;
using StudioApi.Features.Imaging.Images.Proofing;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.Validation;

namespace StudioApi.Features.Sales.Invoices;

/// <summary>The limits of an invoice's fields, shared by the API and the columns.</summary>
public static class InvoiceLimits
{
    public const int CodeLength = ItemLimits.CodeLength;
    public const int DescriptionLength = ItemLimits.DescriptionLength;
    public const int ReasonLength = 500;
    public const int MaxLines = 500;
    public const int MaxQuantity = 9_999;
    public const int MaxCoupons = 5;
    public const int MaxInstalments = 36;
    /// <summary>Far beyond any sale: keeps a total (lines × quantity × price) inside a long.</summary>
    public const long MaxTotal = 100_000_000_000;
}

/// <summary>The fields of an invoice a caller sets when making or changing it: its lines, coupons and shipping.</summary>
public abstract class InvoiceContentInput
{
    /// <summary>The invoice date in the studio's time zone; defaults to today. Coupons are checked against it.</summary>
    public DateOnly? Date { get; set; }
    /// <summary>Coupon codes of the price list's promotions (any case), each once: up to 5.</summary>
    public List<string>? CouponCodes { get; set; }
    /// <summary>A live shipping method: its price becomes a shipping line.</summary>
    public long? ShippingMethodId { get; set; }

    /// <summary>The lines to price, as the request sends them.</summary>
    public abstract IReadOnlyList<InvoiceLineInput> LinesToPrice();
}

/// <summary>One line as sent: an item of the invoice's price list, how many, and the images a print or package is made from.</summary>
public class InvoiceLineInput
{
    /// <summary>A live item of the invoice's price list; not a promotion (coupons apply those) nor shipping methods' charges.</summary>
    public long ItemId { get; set; }
    /// <summary>1–9999; defaults to 1.</summary>
    public int Quantity { get; set; } = 1;
    /// <summary>For an item made from an image: an image of the invoice's session (or, without one, of the client's sessions).</summary>
    public long? ImageId { get; set; }
    /// <summary>
    /// The crop of the image for an item with a crop ratio, in the image's upright frame with its proofing rotation; its
    /// shape must fit the item's ratio (either orientation, within 1%). Omitted, the image's proofing crop is used when
    /// it fits; otherwise the line is refused.
    /// </summary>
    public ImageCrop? Crop { get; set; }
    /// <summary>A package's poses: distinct images of the session, between the package's minPoses and maxPoses.</summary>
    public List<long>? Poses { get; set; }
    /// <summary>A percentage off the line (more than 0, at most 100, up to 4 decimals), or give discountAmount.</summary>
    public Rate? DiscountPercent { get; set; }
    /// <summary>An amount off the line, in minor units, at most its price × quantity.</summary>
    public Money? DiscountAmount { get; set; }
}

/// <summary>A line sent back on an update: with the id of a line of the invoice as read, it keeps what it was sold as.</summary>
public sealed class KeptInvoiceLineInput : InvoiceLineInput
{
    /// <summary>
    /// The id of a line of the invoice as read: the line keeps the unit price, description and tax it was sold with
    /// (its item must stay the same). Omit for a new line, which is priced from the list today.
    /// </summary>
    public long? Id { get; set; }
}

public sealed class InvoiceContentValidator : AbstractValidator<InvoiceContentInput>
{
    public InvoiceContentValidator()
    {
        RuleFor(i => i.Date).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2200, 12, 31));
        RuleFor(i => i.CouponCodes).MaxItems(InvoiceLimits.MaxCoupons)
            .Must(codes => codes is null || codes.Select(c => PriceListItem.KeyOf(c ?? "")).Distinct().Count() == codes.Count)
            .WithMessage("Give each coupon code once.");
        RuleForEach(i => i.CouponCodes).NotEmpty().MaximumLength(ItemLimits.CouponCodeLength);
        RuleFor(i => i.ShippingMethodId).GreaterThan(0);
    }
}

public sealed class InvoiceLineInputValidator : AbstractValidator<InvoiceLineInput>
{
    public InvoiceLineInputValidator()
    {
        RuleFor(l => l.ItemId).GreaterThan(0);
        RuleFor(l => l.Quantity).InclusiveBetween(1, InvoiceLimits.MaxQuantity);
        RuleFor(l => l.ImageId).GreaterThan(0);
        RuleFor(l => l.Crop!).SetValidator(new ImageCropValidator()).When(l => l.Crop is not null);
        RuleFor(l => l.Poses).MaxItems(ItemLimits.MaxPoses)
            .Must(p => p is null || p.Distinct().Count() == p.Count).WithMessage("Choose each image once for a package.");
        RuleForEach(l => l.Poses).GreaterThan(0);
        RuleFor(l => l.DiscountPercent).Null().When(l => l.DiscountAmount is not null)
            .WithMessage("A line takes a percentage or an amount off, not both.");
        RuleFor(l => l.DiscountPercent!.Value).Must(r => r.Value is > 0m and <= 100m && r.Scale <= 4)
            .OverridePropertyName("discountPercent").When(l => l.DiscountPercent is not null)
            .WithMessage("A discount percentage is more than 0 and at most 100, with at most 4 decimals, such as \"10\".");
        RuleFor(l => l.DiscountAmount!.Value).Must(a => a.MinorUnits > 0 && PriceRules.IsPrice(a))
            .OverridePropertyName("discountAmount").When(l => l.DiscountAmount is not null)
            .WithMessage("A discount amount is more than 0 minor units, at most 10000000000.");
    }
}
