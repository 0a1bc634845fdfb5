using FastEndpoints;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.CardPayments;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Sales.Payments.Refund;

public sealed class RefundPaymentRequest
{
    /// <summary>The payment refunded.</summary>
    public long Id { get; set; }
    /// <summary>What is given back, in minor units: at most what the payment put toward the invoice less its earlier refunds.</summary>
    public Money? Amount { get; set; }
    /// <summary>How it is given back; defaults to the payment's method. A payment out of client credit is refunded to that credit.</summary>
    public long? MethodId { get; set; }
    /// <summary>Defaults to today.</summary>
    public DateOnly? Date { get; set; }
    public string? Reference { get; set; }

    /// <summary>Required, as for payments: a retried refund is never given twice.</summary>
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class RefundPaymentValidator : Validator<RefundPaymentRequest>
{
    public RefundPaymentValidator()
    {
        RuleFor(r => r.Amount).NotNull();
        RuleFor(r => r.Amount!.Value).Must(a => a.MinorUnits > 0 && a.MinorUnits <= InvoiceLimits.MaxTotal).OverridePropertyName("amount")
            .When(r => r.Amount is not null).WithMessage("A refund is more than 0 minor units.");
        RuleFor(r => r.MethodId).GreaterThan(0);
        RuleFor(r => r.Date).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2200, 12, 31));
        RuleFor(r => r.Reference).MaximumLength(PaymentLimits.ReferenceLength);
    }
}

public sealed class RefundPaymentEndpoint(StudioDbContext db, StudioCalendar calendar, ICardPaymentProvider cards) : Endpoint<RefundPaymentRequest, PaymentResponse>
{
    public override void Configure()
    {
        Post("/payments/{id}/refunds");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<PaymentResponse>(StatusCodes.Status201Created)
            .Answers(StatusCodes.Status409Conflict, "The payment is void or is itself a refund.")
            .Answers(StatusCodes.Status502BadGateway, "A card payment's provider refused the refund or could not be reached; nothing was recorded.")
            .Operation("Payments", "Refund", "Refund a payment",
                "Gives back up to what the payment put toward its invoice, less its earlier refunds (422 beyond): never more "
                + "than was paid, even when two refunds race. A card payment is refunded through its provider (Stripe) first. "
                + "Idempotency-Key is required. Admin or front desk.")
            .AcceptsIdempotencyKey(required: true));
    }

    public override async Task HandleAsync(RefundPaymentRequest req, CancellationToken ct)
    {
        var today = await calendar.TodayAsync(ct);
        var (refund, invoice) = await db.InTransactionAsync(async () =>
        {
            var payment = await PaymentAccess.FindHeldAsync(db, User, req.Id, ct);
            if (payment.Kind != PaymentKind.Payment || payment.VoidedAt is not null)
                throw ApiProblem.Conflict(payment.VoidedAt is not null ? $"Payment {payment.Id} is void." : $"Payment {payment.Id} is a refund; refund the payment itself.");
            var refunded = (await PaymentResponse.RefundedAsync(db, [payment.Id], ct)).GetValueOrDefault(payment.Id);
            var refundable = payment.Applied - refunded;
            var amount = req.Amount!.Value;
            if (amount > refundable)
                throw ApiProblem.RuleBroken($"Payment {payment.Id} put {payment.Applied} toward its invoice and {refunded} of it was refunded: at most {refundable} can be refunded.",
                    new Dictionary<string, object?> { ["refundable"] = refundable });
            if (req.MethodId is { } methodId && !await db.PaymentMethods.AnyAsync(m => m.Id == methodId, ct))
                ThrowError(new ValidationFailure("methodId", $"There is no payment method {methodId}."));

            // Money a provider took goes back through it first, under a key of ours, so a retry refunds once there too.
            string? providerRefund = null;
            if (payment is { Provider: not null, ProviderReference: { } intentId })
                try
                {
                    providerRefund = await cards.RefundAsync(intentId, amount, $"studioapi-refund-{payment.Id}-{req.IdempotencyKey}", ct);
                }
                catch (Exception e) when (CardIntents.Failed(e))
                {
                    throw CardIntents.BadGateway($"The card payment provider did not refund: {e.Message}");
                }

            var created = new Payment
            {
                InvoiceId = payment.InvoiceId,
                ClientId = payment.ClientId,
                Kind = PaymentKind.Refund,
                Amount = amount,
                FromClientCredit = payment.FromClientCredit,
                MethodId = payment.FromClientCredit ? null : req.MethodId ?? payment.MethodId,
                Date = req.Date ?? today,
                Reference = string.IsNullOrWhiteSpace(req.Reference) ? null : req.Reference.Trim(),
                RefundOfPaymentId = payment.Id,
                Provider = providerRefund is null ? null : payment.Provider,
                ProviderReference = providerRefund,
            };
            db.Payments.Add(created);
            await db.SaveChangesAsync(ct);
            var invoice = await db.Invoices.IgnoreQueryFilters().SingleAsync(i => i.Id == payment.InvoiceId, ct);
            await InvoiceBalances.RecomputeAsync(db, invoice, ct);
            await db.SaveChangesAsync(ct);
            return (created, invoice);
        }, ct);

        HttpContext.WriteETag(refund);
        await Send.CreatedAtAsync("Payments_Get", new { id = refund.Id }, PaymentResponse.From(refund, Money.Zero, invoice), cancellation: ct);
    }
}
