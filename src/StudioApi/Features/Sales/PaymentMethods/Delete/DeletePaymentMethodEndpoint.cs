using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PaymentMethods.Delete;

public sealed class DeletePaymentMethodRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeletePaymentMethodEndpoint(StudioDbContext db) : Endpoint<DeletePaymentMethodRequest>
{
    public override void Configure()
    {
        Delete("/payment-methods/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("PaymentMethods", "Delete", "Move a payment method to the recycle bin", "Payments keep the method they were taken with; a deleted method is no longer offered."));
    }

    public override async Task HandleAsync(DeletePaymentMethodRequest req, CancellationToken ct)
    {
        var record = await db.PaymentMethods.SingleOrDefaultAsync(m => m.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("payment method", req.Id);
        db.MatchVersion(record, req.IfMatch);
        db.SoftDelete(record);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
