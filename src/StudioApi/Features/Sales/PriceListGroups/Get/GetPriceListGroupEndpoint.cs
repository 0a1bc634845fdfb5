using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceListGroups.Get;

public sealed class GetPriceListGroupRequest
{
    public long Id { get; set; }
}

public sealed class GetPriceListGroupEndpoint(StudioDbContext db) : Endpoint<GetPriceListGroupRequest, PriceListGroupResponse>
{
    public override void Configure()
    {
        Get("/price-list-groups/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("PriceLists", "GetGroup", "Get a price list group"));
    }

    public override async Task HandleAsync(GetPriceListGroupRequest req, CancellationToken ct)
    {
        var group = await db.PriceListGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == req.Id, ct)
                    ?? throw ApiProblem.NotFound("price list group", req.Id);
        HttpContext.WriteETag(group);
        await Send.OkAsync(PriceListGroupResponse.From(group), ct);
    }
}
