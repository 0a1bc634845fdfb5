using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.ShippingMethods.Get;

public sealed class GetShippingMethodRequest
{
    public long Id { get; set; }
}

public sealed class GetShippingMethodEndpoint(StudioDbContext db) : Endpoint<GetShippingMethodRequest, ShippingMethodResponse>
{
    public override void Configure()
    {
        Get("/shipping-methods/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("ShippingMethods", "Get", "Get a shipping method"));
    }

    public override async Task HandleAsync(GetShippingMethodRequest req, CancellationToken ct)
    {
        var record = await db.ShippingMethods.AsNoTracking().SingleOrDefaultAsync(m => m.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("shipping method", req.Id);
        HttpContext.WriteETag(record);
        await Send.OkAsync(ShippingMethodResponse.From(record), ct);
    }
}
