using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceLists.Restore;

public sealed class RestorePriceListRequest
{
    public long Id { get; set; }
}

public sealed class RestorePriceListEndpoint(StudioDbContext db) : Endpoint<RestorePriceListRequest, PriceListResponse>
{
    public override void Configure()
    {
        Post("/price-lists/{id}/restore");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "Its name is taken, or another list now has one of its uses (listed in taken).")
            .Operation("PriceLists", "Restore", "Bring a price list back from the recycle bin",
                "With the groups and items deleted with it, and its uses."));
    }

    public override async Task HandleAsync(RestorePriceListRequest req, CancellationToken ct)
    {
        var list = await db.PriceLists.IgnoreQueryFilters().SingleOrDefaultAsync(l => l.Id == req.Id && l.DeletedAt != null, ct)
                   ?? throw ApiProblem.NotFound("deleted price list", req.Id);
        await PriceListUses.ThrowIfTakenAsync(db, list.Id, list.Assignments, ct);
        var deletedAt = list.DeletedAt;
        foreach (var group in await db.PriceListGroups.IgnoreQueryFilters().Where(g => g.PriceListId == list.Id && g.DeletedAt == deletedAt).ToListAsync(ct))
            db.Restore(group);
        foreach (var item in await db.PriceListItems.IgnoreQueryFilters().Where(i => i.PriceListId == list.Id && i.DeletedAt == deletedAt).ToListAsync(ct))
            db.Restore(item);
        foreach (var assignment in list.Assignments)
            assignment.ListIsLive = true;
        db.Restore(list);
        await db.SavePriceListAsync(list, ct);

        HttpContext.WriteETag(list);
        await Send.OkAsync(await PriceListResponse.OneAsync(db, list, ct), ct);
    }
}
