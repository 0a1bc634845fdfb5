using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceListGroups.Restore;

public sealed class RestorePriceListGroupRequest
{
    public long Id { get; set; }
}

public sealed class RestorePriceListGroupEndpoint(StudioDbContext db) : Endpoint<RestorePriceListGroupRequest, PriceListGroupResponse>
{
    public override void Configure()
    {
        Post("/price-list-groups/{id}/restore");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("PriceLists", "RestoreGroup", "Bring a price list group back from the recycle bin",
            "Refused (409) while its list is in the recycle bin or its name is taken."));
    }

    public override async Task HandleAsync(RestorePriceListGroupRequest req, CancellationToken ct)
    {
        var group = await db.PriceListGroups.IgnoreQueryFilters().SingleOrDefaultAsync(g => g.Id == req.Id && g.DeletedAt != null, ct)
                    ?? throw ApiProblem.NotFound("deleted price list group", req.Id);
        if (!await db.PriceLists.AnyAsync(l => l.Id == group.PriceListId, ct))
            throw ApiProblem.Conflict("Its price list is in the recycle bin: restore the list, which brings back the groups deleted with it.");
        db.Restore(group);
        await db.SaveGroupAsync(group, ct);

        HttpContext.WriteETag(group);
        await Send.OkAsync(PriceListGroupResponse.From(group), ct);
    }
}
