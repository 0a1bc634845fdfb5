using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceLists.Delete;

public sealed class DeletePriceListRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeletePriceListEndpoint(StudioDbContext db) : Endpoint<DeletePriceListRequest>
{
    public override void Configure()
    {
        Delete("/price-lists/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("PriceLists", "Delete", "Move a price list to the recycle bin",
            "With its groups and items, which a restore brings back; its uses are freed for other lists meanwhile. "
            + "Invoices that sold from it keep what they sold."));
    }

    public override async Task HandleAsync(DeletePriceListRequest req, CancellationToken ct)
    {
        var list = await db.PriceLists.SingleOrDefaultAsync(l => l.Id == req.Id, ct)
                   ?? throw ApiProblem.NotFound("price list", req.Id);
        db.MatchVersion(list, req.IfMatch);
        db.SoftDelete(list);
        foreach (var assignment in list.Assignments)
            assignment.ListIsLive = false;
        // The groups and items go with it under its deletion stamp, so a restore brings back exactly these.
        foreach (var group in await db.PriceListGroups.Where(g => g.PriceListId == list.Id).ToListAsync(ct))
            (group.DeletedAt, group.DeletedBy) = (list.DeletedAt, list.DeletedBy);
        foreach (var item in await db.PriceListItems.Where(i => i.PriceListId == list.Id).ToListAsync(ct))
            (item.DeletedAt, item.DeletedBy) = (list.DeletedAt, list.DeletedBy);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
