using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.Payments.Void;

public sealed class VoidPaymentRequest
{
    public long Id { get; set; }
    /// <summary>Why, for the record (entered twice, wrong invoice…).</summary>
    public string Reason { get; set; } = "";
}

public sealed class VoidPaymentValidator : Validator<VoidPaymentRequest>
{
    public VoidPaymentValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(InvoiceLimits.ReasonLength);
}

public sealed class VoidPaymentEndpoint(StudioDbContext db, RecordAuthor author) : Endpoint<VoidPaymentRequest, PaymentResponse>
{
    public override void Configure()
    {
        Post("/payments/{id}/void");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "Already void, it has live refunds, or the credit it left has been spent.")
            .Operation("Payments", "Void", "Void a payment or refund entered by mistake",
                "No money moved back (that is a refund): the entry stays on record and leaves every sum. A payment with live "
                + "refunds is refused until they are voided, as is one whose kept credit has been spent (409). Admin or front desk."));
    }

    public override async Task HandleAsync(VoidPaymentRequest req, CancellationToken ct)
    {
        var (payment, invoice) = await db.InTransactionAsync(async () =>
        {
            var found = await PaymentAccess.FindHeldAsync(db, User, req.Id, ct);
            if (found.VoidedAt is not null)
                throw ApiProblem.Conflict($"Payment {found.Id} is already void.");
            if (found.Kind == PaymentKind.Payment && await db.Payments.AnyAsync(r => r.RefundOfPaymentId == found.Id && r.VoidedAt == null, ct))
                throw ApiProblem.Conflict($"Payment {found.Id} has live refunds: void them first.");
            if (found.ToClientCredit > Money.Zero || found is { FromClientCredit: true, Kind: PaymentKind.Refund })
            {
                await ClientCredit.HoldAsync(db, found.ClientId, ct);
                var left = await ClientCredit.AvailableAsync(db, found.ClientId, ct);
                var taken = found.Kind == PaymentKind.Payment ? found.ToClientCredit : found.Amount;
                if (left < taken)
                    throw ApiProblem.Conflict($"Payment {found.Id} left {taken} of client credit, and only {left} of the client's credit is unspent: void the payments made from it first.");
            }

            found.VoidedAt = db.UtcNow;
            found.VoidedBy = author.Name;
            found.VoidReason = req.Reason.Trim();
            await db.SaveChangesAsync(ct);
            var invoice = await db.Invoices.IgnoreQueryFilters().SingleAsync(i => i.Id == found.InvoiceId, ct);
            await InvoiceBalances.RecomputeAsync(db, invoice, ct);
            await db.SaveChangesAsync(ct);
            return (found, invoice);
        }, ct);

        HttpContext.WriteETag(payment);
        var refunded = await PaymentResponse.RefundedAsync(db, [payment.Id], ct);
        await Send.OkAsync(PaymentResponse.From(payment, refunded.GetValueOrDefault(payment.Id), invoice), ct);
    }
}
