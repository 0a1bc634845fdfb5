using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceLists.Get;

public sealed class GetPriceListRequest
{
    public long Id { get; set; }
}

public sealed class GetPriceListEndpoint(StudioDbContext db) : Endpoint<GetPriceListRequest, PriceListResponse>
{
    public override void Configure()
    {
        Get("/price-lists/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("PriceLists", "Get", "Get a price list with its groups",
            "Its items are listed by GET /price-lists/{id}/items."));
    }

    public override async Task HandleAsync(GetPriceListRequest req, CancellationToken ct)
    {
        var list = await db.PriceLists.AsNoTracking().SingleOrDefaultAsync(l => l.Id == req.Id, ct)
                   ?? throw ApiProblem.NotFound("price list", req.Id);
        HttpContext.WriteETag(list);
        await Send.OkAsync(await PriceListResponse.OneAsync(db, list, ct), ct);
    }
}
