using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.ShippingMethods.Delete;

public sealed class DeleteShippingMethodRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteShippingMethodEndpoint(StudioDbContext db) : Endpoint<DeleteShippingMethodRequest>
{
    public override void Configure()
    {
        Delete("/shipping-methods/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("ShippingMethods", "Delete", "Move a shipping method to the recycle bin", "Invoices keep the shipping they were charged; a deleted method is no longer offered."));
    }

    public override async Task HandleAsync(DeleteShippingMethodRequest req, CancellationToken ct)
    {
        var record = await db.ShippingMethods.SingleOrDefaultAsync(m => m.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("shipping method", req.Id);
        db.MatchVersion(record, req.IfMatch);
        db.SoftDelete(record);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
