using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Sales.Invoices.Get;

public sealed class GetInvoiceRequest
{
    public long Id { get; set; }
}

public sealed class GetInvoiceEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<GetInvoiceRequest, InvoiceResponse>
{
    public override void Configure()
    {
        Get("/invoices/{id}");
        Roles(InvoiceAccess.Sellers);
        Description(d => d.Operation("Invoices", "Get", "Get an invoice", "With its lines, taxes, coupons, totals, what was paid and the payment plan."));
    }

    public override async Task HandleAsync(GetInvoiceRequest req, CancellationToken ct)
    {
        var invoice = await InvoiceAccess.FindAsync(db, User, req.Id, ct);
        HttpContext.WriteETag(invoice);
        await Send.OkAsync(await InvoiceResponse.OneAsync(db, invoice, await calendar.TodayAsync(ct), ct), ct);
    }
}
