using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PaymentMethods.Restore;

public sealed class RestorePaymentMethodRequest
{
    public long Id { get; set; }
}

public sealed class RestorePaymentMethodEndpoint(StudioDbContext db) : Endpoint<RestorePaymentMethodRequest, PaymentMethodResponse>
{
    public override void Configure()
    {
        Post("/payment-methods/{id}/restore");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("PaymentMethods", "Restore", "Bring a payment method back from the recycle bin"));
    }

    public override async Task HandleAsync(RestorePaymentMethodRequest req, CancellationToken ct)
    {
        var record = await db.PaymentMethods.IgnoreQueryFilters().SingleOrDefaultAsync(m => m.Id == req.Id && m.DeletedAt != null, ct)
                     ?? throw ApiProblem.NotFound("deleted payment method", req.Id);
        db.Restore(record);
        await db.SaveOrConflictAsync("PaymentMethods", "Name", $"Another payment method is now named {record.Name}; rename it first.", ct);

        HttpContext.WriteETag(record);
        await Send.OkAsync(PaymentMethodResponse.From(record), ct);
    }
}
