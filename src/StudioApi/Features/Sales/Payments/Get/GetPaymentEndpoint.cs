using FastEndpoints;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.Payments.Get;

public sealed class GetPaymentRequest
{
    public long Id { get; set; }
}

public sealed class GetPaymentEndpoint(StudioDbContext db) : Endpoint<GetPaymentRequest, PaymentResponse>
{
    public override void Configure()
    {
        Get("/payments/{id}");
        Roles(InvoiceAccess.Sellers);
        Description(d => d.Operation("Payments", "Get", "Get a payment or refund"));
    }

    public override async Task HandleAsync(GetPaymentRequest req, CancellationToken ct)
    {
        var payment = await PaymentAccess.FindAsync(db, User, req.Id, ct);
        HttpContext.WriteETag(payment);
        await Send.OkAsync(await PaymentResponse.OneAsync(db, payment, ct), ct);
    }
}
