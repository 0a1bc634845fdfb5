using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceListItems.Restore;

public sealed class RestorePriceListItemRequest
{
    public long Id { get; set; }
}

public sealed class RestorePriceListItemEndpoint(StudioDbContext db) : Endpoint<RestorePriceListItemRequest, PriceListItemResponse>
{
    public override void Configure()
    {
        Post("/price-list-items/{id}/restore");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("PriceListItems", "Restore", "Bring a price list item back from the recycle bin",
            "Refused (409) while its list or group is in the recycle bin, while what it holds or applies to is, or when its code is taken."));
    }

    public override async Task HandleAsync(RestorePriceListItemRequest req, CancellationToken ct)
    {
        var item = await db.PriceListItems.IgnoreQueryFilters().SingleOrDefaultAsync(i => i.Id == req.Id && i.DeletedAt != null, ct)
                   ?? throw ApiProblem.NotFound("deleted price list item", req.Id);
        if (!await db.PriceLists.AnyAsync(l => l.Id == item.PriceListId, ct))
            throw ApiProblem.Conflict("Its price list is in the recycle bin: restore the list, which brings back the items deleted with it.");
        if (!await db.PriceListGroups.AnyAsync(g => g.Id == item.GroupId, ct))
            throw ApiProblem.Conflict("Its group is in the recycle bin: restore the group first, or move the item after restoring it.");
        var named = item.Components.Select(c => c.ItemId)
            .Concat(item.PromotionTargets.Where(t => t.Kind == PromotionTargetKind.Item).Select(t => t.TargetId)).Distinct().ToList();
        var liveItems = await db.PriceListItems.Where(i => named.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
        var groupIds = item.PromotionTargets.Where(t => t.Kind == PromotionTargetKind.Group).Select(t => t.TargetId).ToList();
        var liveGroups = await db.PriceListGroups.Where(g => groupIds.Contains(g.Id)).Select(g => g.Id).ToListAsync(ct);
        var gone = named.Except(liveItems).Select(id => $"item {id}").Concat(groupIds.Except(liveGroups).Select(id => $"group {id}")).ToList();
        if (gone.Count > 0)
            throw ApiProblem.Conflict($"It names {string.Join(", ", gone)}, in the recycle bin: restore those first.",
                new Dictionary<string, object?> { ["deleted"] = gone });

        db.Restore(item);
        await db.SaveItemAsync(item, ct);

        HttpContext.WriteETag(item);
        var components = await PriceListItemResponse.ComponentsOfAsync(db, [item], ct);
        await Send.OkAsync(PriceListItemResponse.From(item, components, PriceListItemResponse.SeesCost(User)), ct);
    }
}
