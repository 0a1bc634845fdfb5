using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.ShippingMethods.Restore;

public sealed class RestoreShippingMethodRequest
{
    public long Id { get; set; }
}

public sealed class RestoreShippingMethodEndpoint(StudioDbContext db) : Endpoint<RestoreShippingMethodRequest, ShippingMethodResponse>
{
    public override void Configure()
    {
        Post("/shipping-methods/{id}/restore");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("ShippingMethods", "Restore", "Bring a shipping method back from the recycle bin"));
    }

    public override async Task HandleAsync(RestoreShippingMethodRequest req, CancellationToken ct)
    {
        var record = await db.ShippingMethods.IgnoreQueryFilters().SingleOrDefaultAsync(m => m.Id == req.Id && m.DeletedAt != null, ct)
                     ?? throw ApiProblem.NotFound("deleted shipping method", req.Id);
        db.Restore(record);
        await db.SaveOrConflictAsync("ShippingMethods", "Name", $"Another shipping method is now named {record.Name}; rename it first.", ct);

        HttpContext.WriteETag(record);
        await Send.OkAsync(ShippingMethodResponse.From(record), ct);
    }
}
