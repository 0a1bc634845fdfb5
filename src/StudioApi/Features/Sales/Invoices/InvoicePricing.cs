using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Imaging;
using StudioApi.Features.Imaging.Images;
using StudioApi.Features.Imaging.Images.Proofing;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Features.Sales.TaxSettings;
using StudioApi.Features.Scheduling;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.Invoices;

/// <summary>
/// Turns the lines, coupons and shipping a caller sends into the invoice's lines and amounts: each line is checked
/// against the invoice's price list (a live item, not a promotion), its images against the invoice's session (a print's
/// image and crop, a package's poses), each coupon against its promotion's rule, and the amounts are computed by
/// <see cref="InvoiceArithmetic"/>. Unknown references are 400s naming the field; a broken rule (a crop of the wrong
/// shape, a coupon out of date, used up or below its minimum order) is a 422. Nothing is changed when either is thrown.
/// </summary>
public sealed class InvoicePricing(StudioDbContext db)
{
    /// <summary>What the lines and coupons are priced under: the invoice's list, client, session, date and tax rules.</summary>
    public sealed record Context(long PriceListId, long ClientId, long? SessionId, DateOnly Date, SalesTaxSettings Tax, InvoiceType Type);

    /// <summary>
    /// Prices <paramref name="input"/> onto <paramref name="invoice"/> (its lines, taxes, coupons and totals). The invoice's
    /// current lines and coupons (an update) keep what they were sold for where the input names them again.
    /// </summary>
    public async Task ApplyAsync(Invoice invoice, InvoiceContentInput input, Context context, CancellationToken ct)
    {
        var errors = new List<ValidationFailure>();
        var lineInputs = input.LinesToPrice();
        var existing = invoice.Lines.Where(l => l.ItemType != PriceListItemType.Shipping || l.ItemId is not null).ToDictionary(l => l.Id);

        var itemIds = lineInputs.Select(l => l.ItemId).Distinct().ToList();
        var items = await db.PriceListItems.AsNoTracking().Where(i => i.PriceListId == context.PriceListId && itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var images = await LoadImagesAsync(lineInputs, context, ct);

        var lines = new List<InvoiceLine>();
        for (var n = 0; n < lineInputs.Count; n++)
        {
            var lineInput = lineInputs[n];
            var field = $"lines[{n}]";
            InvoiceLine? kept = null;
            var keepId = (lineInput as KeptInvoiceLineInput)?.Id;
            var keptLine = keepId is { } keptId && existing.TryGetValue(keptId, out kept) && kept.ItemId == lineInput.ItemId;
            var item = items.GetValueOrDefault(lineInput.ItemId);
            // A kept line's item may have left the list since: it keeps what it was sold as.
            if (item is null && !keptLine)
                errors.Add(new ValidationFailure($"{field}.itemId", $"There is no item {lineInput.ItemId} in this invoice's price list."));
            if (keepId is { } id && !keptLine)
                errors.Add(new ValidationFailure($"{field}.id", kept is null
                    ? $"This invoice has no line {id}; leave id out for a new line."
                    : $"Line {id} sold item {kept.ItemId}; a line keeps its item (leave id out to sell another)."));
            if (item is null && !keptLine || keepId is not null && !keptLine)
                continue;
            if (!keptLine)
                kept = null;
            if (item?.Type == PriceListItemType.Promotional)
            {
                errors.Add(new ValidationFailure($"{field}.itemId", $"Item {item.Code} is a promotion: apply it with its coupon code (couponCodes)."));
                continue;
            }

            var line = kept is not null ? CopyOf(kept) : NewLine(item!, context.Tax);
            line.Quantity = lineInput.Quantity;
            line.DiscountPercent = lineInput.DiscountPercent;
            line.DiscountAmount = lineInput.DiscountAmount;
            if (lineInput.DiscountAmount is { } off && off > line.UnitPrice * lineInput.Quantity)
                errors.Add(new ValidationFailure($"{field}.discountAmount", "A line's discount is at most its price × quantity."));
            // What the line is made from is checked against the item as sold (a kept line) or as it is now (a new one).
            var needsImage = kept is not null ? kept.ImageId is not null : item!.NeedsImage;
            var ratio = kept is not null ? kept.CropAspectRatio : item!.CropAspectRatio;
            var isPackage = line.ItemType == PriceListItemType.Package;
            CheckImage(line, lineInput, needsImage, ratio, images, context, field, errors);
            CheckPoses(line, lineInput, isPackage, item, kept, images, context, field, errors);
            line.Position = lines.Count;
            lines.Add(line);
        }

        await AddShippingAsync(invoice, input.ShippingMethodId, lines, context.Tax, errors, ct);
        ThrowIf(errors);

        var (promotions, priced) = await ApplyCouponsAsync(invoice, input.CouponCodes ?? [], lines, context, errors, ct);
        ThrowIf(errors);

        var rates = invoice.Taxes.OrderBy(t => t.Position).ToList();
        var amounts = InvoiceArithmetic.Compute(
            lines.Select(l => new PricedLine(l.UnitPrice * l.Quantity, l.DiscountPercent, l.DiscountAmount, l.Taxed)).ToList(),
            priced, rates.Select(r => r.RatePercent).ToList(), invoice.TaxIncludedInPrices);
        SetAmounts(invoice, lines, rates, promotions, amounts);
    }

    /// <summary>Writes computed amounts onto the invoice: its lines, each rate, each coupon and the totals.</summary>
    public static void SetAmounts(Invoice invoice, List<InvoiceLine> lines, List<InvoiceTax> rates, List<InvoicePromotion> promotions, InvoiceAmounts amounts)
    {
        if (amounts.Subtotal.MinorUnits > InvoiceLimits.MaxTotal)
            throw ApiProblem.RuleBroken($"An invoice comes to at most {InvoiceLimits.MaxTotal} minor units before discounts; this one is {amounts.Subtotal}.");
        for (var i = 0; i < lines.Count; i++)
        {
            var a = amounts.Lines[i];
            (lines[i].Gross, lines[i].Discount, lines[i].Net, lines[i].Tax, lines[i].Total) = (a.Gross, a.Discount, a.Net, a.Tax, a.Total);
        }
        for (var r = 0; r < rates.Count; r++)
            rates[r].Amount = amounts.TaxByRate[r];
        for (var p = 0; p < promotions.Count; p++)
            promotions[p].Discount = amounts.DiscountByPromotion[p];

        // Owned lists are replaced only when they differ, so saving an unchanged invoice is no change. A replaced list
        // is all new rows (new line ids): the tracker cannot hold an old and a new row under one key.
        if (!SameLines(invoice.Lines, lines))
        {
            foreach (var line in lines)
                line.Id = 0;
            invoice.Lines = lines;
        }
        if (!invoice.Promotions.Select(p => (p.PromotionItemId, p.Discount)).SequenceEqual(promotions.Select(p => (p.PromotionItemId, p.Discount))))
            invoice.Promotions = promotions;
        invoice.Subtotal = amounts.Subtotal;
        invoice.DiscountTotal = amounts.DiscountTotal;
        invoice.TaxTotal = amounts.TaxTotal;
        invoice.Total = amounts.Total;
    }

    static bool SameLines(List<InvoiceLine> current, List<InvoiceLine> next) =>
        current.Count == next.Count && current.OrderBy(l => l.Position).Zip(next).All(pair =>
        {
            var (a, b) = pair;
            return a.Id == b.Id && a.Id != 0 && a.Quantity == b.Quantity && a.DiscountPercent == b.DiscountPercent && a.DiscountAmount == b.DiscountAmount
                   && a.Total == b.Total && a.Discount == b.Discount && a.Tax == b.Tax && a.ImageId == b.ImageId && a.CropX == b.CropX
                   && a.CropY == b.CropY && a.CropWidth == b.CropWidth && a.CropHeight == b.CropHeight && a.Rotation == b.Rotation
                   && a.Poses.OrderBy(p => p.Position).Select(p => p.ImageId).SequenceEqual(b.Poses.OrderBy(p => p.Position).Select(p => p.ImageId));
        });

    static InvoiceLine NewLine(PriceListItem item, SalesTaxSettings tax) => new()
    {
        ItemId = item.Id,
        GroupId = item.GroupId,
        Code = item.Code,
        Description = item.Description,
        ItemType = item.Type,
        ProductionTypeId = item.ProductionTypeId,
        UnitPrice = item.Price,
        Taxed = tax.Taxes(item.Type, item.Taxable),
    };

    /// <summary>A kept line as sold: a fresh row (owned lists are replaced whole), with the same id so an unchanged invoice stays unchanged.</summary>
    public static InvoiceLine CopyOf(InvoiceLine sold) => new()
    {
        Id = sold.Id,
        ItemId = sold.ItemId,
        GroupId = sold.GroupId,
        Code = sold.Code,
        Description = sold.Description,
        ItemType = sold.ItemType,
        ProductionTypeId = sold.ProductionTypeId,
        Quantity = sold.Quantity,
        UnitPrice = sold.UnitPrice,
        Taxed = sold.Taxed,
        DiscountPercent = sold.DiscountPercent,
        DiscountAmount = sold.DiscountAmount,
        ImageId = sold.ImageId,
        Rotation = sold.Rotation,
        CropX = sold.CropX,
        CropY = sold.CropY,
        CropWidth = sold.CropWidth,
        CropHeight = sold.CropHeight,
        CropAspectRatio = sold.CropAspectRatio,
        Poses = sold.Poses.OrderBy(p => p.Position).Select(p => new InvoiceLinePose { Position = p.Position, ImageId = p.ImageId }).ToList(),
        CreditsLineId = sold.CreditsLineId,
    };

    async Task<Dictionary<long, SessionImage>> LoadImagesAsync(IReadOnlyList<InvoiceLineInput> lines, Context context, CancellationToken ct)
    {
        var ids = lines.SelectMany(l => (l.Poses ?? []).Append(l.ImageId ?? 0)).Where(id => id > 0).Distinct().ToList();
        if (ids.Count == 0)
            return [];
        var query = db.SessionImages.AsNoTracking().Where(i => ids.Contains(i.Id));
        // An image of the invoice's session; without a session, of any of the client's sessions.
        query = context.SessionId is { } sessionId
            ? query.Where(i => i.SessionId == sessionId)
            : query.Where(i => db.Set<Scheduling.Sessions.Session>().Any(s => s.Id == i.SessionId && s.ClientId == context.ClientId));
        return await query.ToDictionaryAsync(i => i.Id, ct);
    }

    static void CheckImage(InvoiceLine line, InvoiceLineInput input, bool needsImage, string? ratio, Dictionary<long, SessionImage> images,
        Context context, string field, List<ValidationFailure> errors)
    {
        if (!needsImage)
        {
            if (input.ImageId is not null || input.Crop is not null)
                errors.Add(new ValidationFailure(input.ImageId is not null ? $"{field}.imageId" : $"{field}.crop",
                    $"Item {line.Code} is not made from an image: leave imageId and crop out."));
            (line.ImageId, line.Rotation, line.CropX, line.CropY, line.CropWidth, line.CropHeight, line.CropAspectRatio) = (null, null, null, null, null, null, null);
            return;
        }
        if (input.ImageId is not { } imageId)
        {
            errors.Add(new ValidationFailure($"{field}.imageId", $"Item {line.Code} is made from an image: give the image (imageId)."));
            return;
        }
        if (!images.TryGetValue(imageId, out var image))
        {
            errors.Add(new ValidationFailure($"{field}.imageId", Whose(imageId, context)));
            return;
        }
        if (input.Crop?.AspectRatio is { } given && ratio is not null && AspectRatio.Normalize(given) is { } normalized && normalized != ratio
            && AspectRatio.Normalize(Flip(given)) != ratio)
        {
            errors.Add(new ValidationFailure($"{field}.crop.aspectRatio", $"Item {line.Code} is printed at {ratio}: leave the crop's aspectRatio out or give {ratio}."));
            return;
        }
        // The crop refers to the image turned by its proofing rotation, which the print keeps.
        var crop = input.Crop is { } c
            ? new ImageCrop { X = c.X, Y = c.Y, Width = c.Width, Height = c.Height, AspectRatio = ratio }
            : ImageCrop.Of(image) is { } proofed && (ratio is null || ImageProofing.CropMismatch(image, image.Rotation, Reshaped(proofed, ratio)) is null)
                ? Reshaped(proofed, ratio)
                : null;
        if (crop is null && ratio is not null)
            throw ApiProblem.RuleBroken($"Item {line.Code} is printed at {ratio}: give a crop of that shape for image {imageId} ({field}.crop); its proofing crop does not fit.",
                new Dictionary<string, object?> { ["field"] = $"{field}.crop" });
        if (crop is not null && ImageProofing.CropMismatch(image, image.Rotation, crop) is { } mismatch)
            throw ApiProblem.RuleBroken($"{field}.crop: {mismatch}", new Dictionary<string, object?> { ["field"] = $"{field}.crop" });
        line.ImageId = imageId;
        line.Rotation = image.Rotation;
        (line.CropX, line.CropY, line.CropWidth, line.CropHeight) = (crop?.X, crop?.Y, crop?.Width, crop?.Height);
        line.CropAspectRatio = crop is null ? null : ratio;
    }

    static ImageCrop Reshaped(ImageCrop crop, string? ratio) =>
        new() { X = crop.X, Y = crop.Y, Width = crop.Width, Height = crop.Height, AspectRatio = ratio };

    static string Flip(string ratio) => string.Join(':', ratio.Replace('x', ':').Split(':').Reverse());

    static void CheckPoses(InvoiceLine line, InvoiceLineInput input, bool isPackage, PriceListItem? item, InvoiceLine? kept,
        Dictionary<long, SessionImage> images, Context context, string field, List<ValidationFailure> errors)
    {
        var poses = input.Poses ?? [];
        if (!isPackage)
        {
            if (poses.Count > 0)
                errors.Add(new ValidationFailure($"{field}.poses", $"Item {line.Code} is not a package: only packages have poses."));
            line.Poses = [];
            return;
        }
        var (min, max) = item is not null ? (item.MinPoses ?? 0, item.MaxPoses ?? 0) : (0, ItemLimits.MaxPoses);
        if (poses.Count < min || poses.Count > max)
            errors.Add(new ValidationFailure($"{field}.poses", $"Package {line.Code} takes {min} to {max} poses (distinct images); {poses.Count} were chosen."));
        for (var p = 0; p < poses.Count; p++)
            if (!images.ContainsKey(poses[p]))
                errors.Add(new ValidationFailure($"{field}.poses[{p}]", Whose(poses[p], context)));
        line.Poses = poses.Select((id, p) => new InvoiceLinePose { Position = p, ImageId = id }).ToList();
    }

    static string Whose(long imageId, Context context) => context.SessionId is { } sessionId
        ? $"There is no image {imageId} in session {sessionId}."
        : $"There is no image {imageId} in the sessions of client {context.ClientId}.";

    /// <summary>The shipping method's charge as the last line; the same method keeps the price it was chosen at.</summary>
    async Task AddShippingAsync(Invoice invoice, long? methodId, List<InvoiceLine> lines, SalesTaxSettings tax, List<ValidationFailure> errors, CancellationToken ct)
    {
        var current = invoice.Lines.FirstOrDefault(l => l.ItemType == PriceListItemType.Shipping && l.ItemId is null);
        if (methodId is not { } id)
            return;
        InvoiceLine line;
        if (current is not null && invoice.ShippingMethodId == id)
            line = CopyOf(current);
        else
        {
            var method = await db.ShippingMethods.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.IsActive, ct);
            if (method is null)
            {
                errors.Add(new ValidationFailure("shippingMethodId", $"There is no active shipping method {id}."));
                return;
            }
            line = new InvoiceLine
            {
                Code = "SHIPPING",
                Description = method.Name,
                ItemType = PriceListItemType.Shipping,
                UnitPrice = method.Price,
                Taxed = tax.Taxes(PriceListItemType.Shipping, itemTaxable: true),
            };
        }
        line.Quantity = 1;
        line.Position = lines.Count;
        lines.Add(line);
    }

    /// <summary>
    /// The coupons: each a live promotion of the list, run on the invoice's date, over its minimum order, applying to at
    /// least one line, and not used up (once per client; at most its uses over all live invoices). A coupon the invoice
    /// already has keeps being honoured without its dates and uses checked again (it was valid when sold). Each
    /// promotion's row is taken first, so two sales cannot both take its last use.
    /// </summary>
    async Task<(List<InvoicePromotion>, List<PricedPromotion>)> ApplyCouponsAsync(Invoice invoice, List<string> codes, List<InvoiceLine> lines,
        Context context, List<ValidationFailure> errors, CancellationToken ct)
    {
        if (codes.Count == 0)
            return ([], []);
        var keys = codes.Select(PriceListItem.KeyOf).ToList();
        var promotions = await db.PriceListItems.AsNoTracking()
            .Where(i => i.PriceListId == context.PriceListId && i.Type == PriceListItemType.Promotional && i.CouponCodeKey != null && keys.Contains(i.CouponCodeKey))
            .ToDictionaryAsync(i => i.CouponCodeKey!, ct);
        var applied = new List<InvoicePromotion>();
        var priced = new List<PricedPromotion>();
        var ordered = lines.Where(l => l.ItemType != PriceListItemType.Shipping).Sum(l => (l.UnitPrice * l.Quantity).MinorUnits);
        for (var k = 0; k < keys.Count; k++)
        {
            var field = $"couponCodes[{k}]";
            if (!promotions.TryGetValue(keys[k], out var promotion))
            {
                errors.Add(new ValidationFailure(field, $"There is no coupon {codes[k].Trim()} in this invoice's price list."));
                continue;
            }
            var held = invoice.Promotions.Any(p => p.PromotionItemId == promotion.Id);
            var targets = promotion.PromotionTargets;
            var applies = lines.Select((l, i) => (l, i))
                .Where(x => x.l.ItemType != PriceListItemType.Shipping && (targets.Count == 0
                    || targets.Any(t => t.Kind == PromotionTargetKind.Item && t.TargetId == x.l.ItemId
                                        || t.Kind == PromotionTargetKind.Group && t.TargetId == x.l.GroupId)))
                .Select(x => x.i).ToList();
            string? broken = null;
            if (!held && promotion.PromotionStartsOn is { } starts && context.Date < starts)
                broken = $"Coupon {promotion.CouponCode} runs from {starts:yyyy-MM-dd}; the invoice is dated {context.Date:yyyy-MM-dd}.";
            else if (!held && promotion.PromotionEndsOn is { } ends && context.Date > ends)
                broken = $"Coupon {promotion.CouponCode} ran until {ends:yyyy-MM-dd}; the invoice is dated {context.Date:yyyy-MM-dd}.";
            else if (promotion.MinimumOrderAmount is { } minimum && ordered < minimum.MinorUnits)
                broken = $"Coupon {promotion.CouponCode} needs an order of at least {minimum} (before discounts); this one is {ordered}.";
            else if (applies.Count == 0)
                broken = $"Coupon {promotion.CouponCode} applies to none of the lines.";
            else if (!held && context.Type != InvoiceType.Estimate)
                broken = await UsedUpAsync(promotion, invoice.Id, context.ClientId, ct);
            if (broken is not null)
                throw ApiProblem.RuleBroken(broken, new Dictionary<string, object?> { ["field"] = field });

            applied.Add(new InvoicePromotion
            {
                Position = applied.Count, PromotionItemId = promotion.Id, CouponCode = promotion.CouponCode!, Description = promotion.Description,
            });
            priced.Add(new PricedPromotion(promotion.DiscountPercent, promotion.DiscountAmount, applies));
        }
        return (applied, priced);
    }

    /// <summary>Why the promotion cannot be used again (once per client, or its uses are spent), or null. Takes its row first.</summary>
    public async Task<string?> UsedUpAsync(PriceListItem promotion, long invoiceId, long clientId, CancellationToken ct)
    {
        if (!promotion.OncePerClient && promotion.MaxUses is null)
            return null;
        await db.PriceListItems.Where(i => i.Id == promotion.Id).ExecuteUpdateAsync(set => set.SetProperty(i => i.Version, i => i.Version), ct);
        var uses = db.Invoices.Where(i => i.Id != invoiceId && i.VoidedAt == null && i.Type != InvoiceType.Estimate
                                          && i.Promotions.Any(p => p.PromotionItemId == promotion.Id));
        if (promotion.OncePerClient && await uses.AnyAsync(i => i.ClientId == clientId, ct))
            return $"Coupon {promotion.CouponCode} is once per client, and client {clientId} has used it.";
        if (promotion.MaxUses is { } max && await uses.CountAsync(ct) >= max)
            return $"Coupon {promotion.CouponCode} has been used its {max} time(s).";
        return null;
    }

    static void ThrowIf(List<ValidationFailure> errors)
    {
        if (errors.Count > 0)
            throw ApiProblem.InvalidFields(errors.Select(e => (e.PropertyName, e.ErrorMessage)));
    }
}
