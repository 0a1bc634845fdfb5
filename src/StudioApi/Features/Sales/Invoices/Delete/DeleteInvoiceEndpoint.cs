using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.Payments;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.Invoices.Delete;

public sealed class DeleteInvoiceRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteInvoiceEndpoint(StudioDbContext db) : Endpoint<DeleteInvoiceRequest>
{
    public override void Configure()
    {
        Delete("/invoices/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "The invoice has payments or credit memos: void it instead.")
            .Operation("Invoices", "Delete", "Move an invoice to the recycle bin",
                "For an invoice made by mistake: one with payments (even refunded) or credit memos is money on record, "
                + "which is voided instead (409). Its number is never given to another invoice."));
    }

    public override async Task HandleAsync(DeleteInvoiceRequest req, CancellationToken ct)
    {
        await db.InTransactionAsync(async () =>
        {
            await InvoiceBalances.HoldAsync(db, req.Id, ct);
            var invoice = await InvoiceAccess.FindAsync(db, User, req.Id, ct);
            db.MatchVersion(invoice, req.IfMatch);
            if (await InvoiceMoney.BlockersAsync(db, invoice.Id, ct) is { Count: > 0 } blockers)
                throw ApiProblem.Conflict($"Invoice {invoice.Number} is money on record ({string.Join("; ", blockers)}): void it instead.",
                    new Dictionary<string, object?> { ["blockers"] = blockers });
            db.SoftDelete(invoice);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        await Send.NoContentAsync(ct);
    }
}
