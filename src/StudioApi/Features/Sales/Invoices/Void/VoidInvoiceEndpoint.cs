using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Sales.Invoices.Void;

public sealed class VoidInvoiceRequest
{
    public long Id { get; set; }
    /// <summary>Why it is void, for the record.</summary>
    public string Reason { get; set; } = "";
}

public sealed class VoidInvoiceValidator : Validator<VoidInvoiceRequest>
{
    public VoidInvoiceValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(InvoiceLimits.ReasonLength);
}

public sealed class VoidInvoiceEndpoint(StudioDbContext db, RecordAuthor author, StudioCalendar calendar) : Endpoint<VoidInvoiceRequest, InvoiceResponse>
{
    public override void Configure()
    {
        Post("/invoices/{id}/void");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "Already void, money still paid on it, or live credit memos against it.")
            .Operation("Invoices", "Void", "Void an invoice",
                "It stays on record with its number and lines, owes nothing and frees its coupons' uses. Refused (409) while "
                + "anything is still paid on it (refund or void the payments first) or live credit memos credit it. A void "
                + "credit memo no longer credits its invoice. Admin or front desk."));
    }

    public override async Task HandleAsync(VoidInvoiceRequest req, CancellationToken ct)
    {
        var invoice = await db.InTransactionAsync(async () =>
        {
            await InvoiceBalances.HoldAsync(db, req.Id, ct);
            var found = await InvoiceAccess.FindAsync(db, User, req.Id, ct);
            if (found.IsVoid)
                throw ApiProblem.Conflict($"Invoice {found.Number} is already void.");
            await InvoiceBalances.RecomputeAsync(db, found, ct);
            if (found.Paid != Platform.Currencies.Money.Zero)
                throw ApiProblem.Conflict($"Invoice {found.Number} has {found.Paid} paid on it: refund or void its payments first.");
            var memos = await db.Invoices.Where(c => c.CreditsInvoiceId == found.Id && c.VoidedAt == null).Select(c => c.Number).ToListAsync(ct);
            if (memos.Count > 0)
                throw ApiProblem.Conflict($"Credit memo(s) {string.Join(", ", memos)} credit invoice {found.Number}: void them first.");
            if (found.CreditsInvoiceId is { } credited)
                await InvoiceBalances.HoldAsync(db, credited, ct);

            found.VoidedAt = db.UtcNow;
            found.VoidedBy = author.Name;
            found.VoidReason = req.Reason.Trim();
            InvoiceBalances.Apply(found, found.Paid, found.Credited);
            await db.SaveChangesAsync(ct);
            if (found.CreditsInvoiceId is { } creditedId && await db.Invoices.IgnoreQueryFilters().SingleOrDefaultAsync(i => i.Id == creditedId, ct) is { } original)
            {
                await InvoiceBalances.RecomputeAsync(db, original, ct);
                await db.SaveChangesAsync(ct);
            }
            return found;
        }, ct);
        HttpContext.WriteETag(invoice);
        await Send.OkAsync(await InvoiceResponse.OneAsync(db, invoice, await calendar.TodayAsync(ct), ct), ct);
    }
}
