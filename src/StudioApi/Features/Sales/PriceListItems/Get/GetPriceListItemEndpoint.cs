using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceListItems.Get;

public sealed class GetPriceListItemRequest
{
    public long Id { get; set; }
}

public sealed class GetPriceListItemEndpoint(StudioDbContext db) : Endpoint<GetPriceListItemRequest, PriceListItemResponse>
{
    public override void Configure()
    {
        Get("/price-list-items/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("PriceListItems", "Get", "Get a price list item",
            "Its cost only for the front desk (null for the kiosk and photographers)."));
    }

    public override async Task HandleAsync(GetPriceListItemRequest req, CancellationToken ct)
    {
        var item = await db.PriceListItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == req.Id, ct)
                   ?? throw ApiProblem.NotFound("price list item", req.Id);
        HttpContext.WriteETag(item);
        var components = await PriceListItemResponse.ComponentsOfAsync(db, [item], ct);
        await Send.OkAsync(PriceListItemResponse.From(item, components, PriceListItemResponse.SeesCost(User)), ct);
    }
}
