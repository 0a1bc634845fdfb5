using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.PriceListGroups;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceLists.Copy;

public sealed class CopyPriceListRequest
{
    /// <summary>The list to copy.</summary>
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }

    /// <summary>The new list's name (unique).</summary>
    public string Name { get; set; } = "";
    /// <summary>The new list's description; omit to keep the original's.</summary>
    public string? Description { get; set; }
}

public sealed class CopyPriceListValidator : Validator<CopyPriceListRequest>
{
    public CopyPriceListValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(PriceListInputValidator.NameLength);
        RuleFor(r => r.Description).MaximumLength(PriceListInputValidator.DescriptionLength);
    }
}

public sealed class CopyPriceListEndpoint(StudioDbContext db) : Endpoint<CopyPriceListRequest, PriceListResponse>
{
    public override void Configure()
    {
        Post("/price-lists/{id}/copy");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("PriceLists", "Copy", "Copy a price list",
                "A new list with the same groups and items (new ids, the same codes; packages and promotions refer to "
                + "the copies), and no uses: a channel's default, a session type or an organization stays with the original. "
                + "Next year's list starts as a copy of this year's.")
            .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CopyPriceListRequest req, CancellationToken ct)
    {
        var original = await db.PriceLists.AsNoTracking().SingleOrDefaultAsync(l => l.Id == req.Id, ct)
                       ?? throw ApiProblem.NotFound("price list", req.Id);
        var copy = await db.InTransactionAsync(async () =>
        {
            var copy = new PriceList { Name = req.Name.Trim(), Description = req.Description?.Trim() ?? original.Description };
            db.PriceLists.Add(copy);
            await db.SavePriceListAsync(copy, ct);

            var groups = await db.PriceListGroups.AsNoTracking().Where(g => g.PriceListId == original.Id).ToListAsync(ct);
            var newGroups = groups.ToDictionary(g => g.Id, g => new PriceListGroup
                { PriceListId = copy.Id, Name = g.Name, NameKey = g.NameKey, Description = g.Description, Position = g.Position });
            db.PriceListGroups.AddRange(newGroups.Values);
            await db.SaveChangesAsync(ct);
            var items = await db.PriceListItems.AsNoTracking().Where(i => i.PriceListId == original.Id).ToDictionaryAsync(i => i.Id, ct);
            var newItems = items.Values.ToDictionary(i => i.Id, i => CopyOf(i, copy.Id, newGroups[i.GroupId].Id));
            await db.SaveChangesAsync(ct);
            // The copies' ids exist now: packages and promotions are pointed at the copies, not the originals.
            foreach (var (id, item) in newItems)
            {
                var from = items[id];
                item.Components = from.Components.Where(c => newItems.ContainsKey(c.ItemId)).Select(c => new PackageComponent { ItemId = newItems[c.ItemId].Id, Quantity = c.Quantity, Position = c.Position }).ToList();
                item.PromotionTargets = from.PromotionTargets
                    .Where(t => t.Kind == PromotionTargetKind.Item ? newItems.ContainsKey(t.TargetId) : newGroups.ContainsKey(t.TargetId))
                    .Select(t => new PromotionTarget
                    { Kind = t.Kind, TargetId = t.Kind == PromotionTargetKind.Item ? newItems[t.TargetId].Id : newGroups[t.TargetId].Id }).ToList();
            }
            await db.SaveChangesAsync(ct);
            return copy;
        }, ct);

        HttpContext.WriteETag(copy);
        await Send.CreatedAtAsync("PriceLists_Get", new { id = copy.Id }, await PriceListResponse.OneAsync(db, copy, ct), cancellation: ct);

        PriceListItem CopyOf(PriceListItem i, long listId, long groupId)
        {
            var item = new PriceListItem
            {
                PriceListId = listId, GroupId = groupId, Code = i.Code, CodeKey = i.CodeKey, Description = i.Description, Type = i.Type,
                Price = i.Price, Cost = i.Cost, Taxable = i.Taxable, NeedsImage = i.NeedsImage, CropAspectRatio = i.CropAspectRatio, PrintSize = i.PrintSize,
                ProductionTypeId = i.ProductionTypeId, AvailableOnline = i.AvailableOnline, Position = i.Position,
                MinPoses = i.MinPoses, MaxPoses = i.MaxPoses,
                CouponCode = i.CouponCode, CouponCodeKey = i.CouponCodeKey, DiscountPercent = i.DiscountPercent, DiscountAmount = i.DiscountAmount,
                PromotionStartsOn = i.PromotionStartsOn, PromotionEndsOn = i.PromotionEndsOn, MinimumOrderAmount = i.MinimumOrderAmount,
                OncePerClient = i.OncePerClient, MaxUses = i.MaxUses,
            };
            db.PriceListItems.Add(item);
            return item;
        }
    }
}
