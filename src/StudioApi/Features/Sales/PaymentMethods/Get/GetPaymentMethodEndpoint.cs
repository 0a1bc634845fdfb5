using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PaymentMethods.Get;

public sealed class GetPaymentMethodRequest
{
    public long Id { get; set; }
}

public sealed class GetPaymentMethodEndpoint(StudioDbContext db) : Endpoint<GetPaymentMethodRequest, PaymentMethodResponse>
{
    public override void Configure()
    {
        Get("/payment-methods/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("PaymentMethods", "Get", "Get a payment method"));
    }

    public override async Task HandleAsync(GetPaymentMethodRequest req, CancellationToken ct)
    {
        var record = await db.PaymentMethods.AsNoTracking().SingleOrDefaultAsync(m => m.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("payment method", req.Id);
        HttpContext.WriteETag(record);
        await Send.OkAsync(PaymentMethodResponse.From(record), ct);
    }
}
