using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.Invoices.PaymentPlan;

public sealed class RemovePaymentPlanRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class RemovePaymentPlanEndpoint(StudioDbContext db) : Endpoint<RemovePaymentPlanRequest>
{
    public override void Configure()
    {
        Delete("/invoices/{id}/payment-plan");
        Roles(InvoiceAccess.Sellers);
        Description(d => d.Operation("Invoices", "RemovePaymentPlan", "Remove an invoice's payment plan",
            "The whole balance is then simply due; payments stay as they are."));
    }

    public override async Task HandleAsync(RemovePaymentPlanRequest req, CancellationToken ct)
    {
        await db.InTransactionAsync(async () =>
        {
            await InvoiceBalances.HoldAsync(db, req.Id, ct);
            var invoice = await InvoiceAccess.FindAsync(db, User, req.Id, ct);
            db.MatchVersion(invoice, req.IfMatch);
            if (invoice.Instalments.Count > 0)
            {
                invoice.Instalments = [];
                await db.SaveChangesAsync(ct);
            }
            return true;
        }, ct);
        await Send.NoContentAsync(ct);
    }
}
