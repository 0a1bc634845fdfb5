using FastEndpoints;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Sales.Payments.Create;

public sealed class CreatePaymentRequest
{
    /// <summary>The invoice paid.</summary>
    public long Id { get; set; }
    /// <summary>What was received, in minor units.</summary>
    public Money? Amount { get; set; }
    /// <summary>A live, active payment method; or pay fromClientCredit.</summary>
    public long? MethodId { get; set; }
    /// <summary>true pays out of the client's credit (overpayments kept earlier) instead of a method.</summary>
    public bool FromClientCredit { get; set; }
    /// <summary>The day it was received; defaults to today.</summary>
    public DateOnly? Date { get; set; }
    /// <summary>A check number, a card authorization; required by methods that say so.</summary>
    public string? Reference { get; set; }
    /// <summary>
    /// A payment above the balance is refused unless true: the excess is then kept as the client's credit, to pay
    /// other invoices with.
    /// </summary>
    public bool TakeExcessAsCredit { get; set; }

    /// <summary>Required: the same key and body replay the first answer, so a retried payment is never taken twice.</summary>
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreatePaymentValidator : Validator<CreatePaymentRequest>
{
    public CreatePaymentValidator()
    {
        RuleFor(r => r.Amount).NotNull();
        RuleFor(r => r.Amount!.Value).Must(a => a.MinorUnits > 0 && a.MinorUnits <= InvoiceLimits.MaxTotal).OverridePropertyName("amount")
            .When(r => r.Amount is not null).WithMessage("A payment is more than 0 minor units.");
        RuleFor(r => r.MethodId).GreaterThan(0).NotNull().When(r => !r.FromClientCredit)
            .WithMessage("Give the payment method (methodId), or pay fromClientCredit.");
        RuleFor(r => r.MethodId).Null().When(r => r.FromClientCredit).WithMessage("A payment out of client credit has no method.");
        RuleFor(r => r.TakeExcessAsCredit).NotEqual(true).When(r => r.FromClientCredit).WithMessage("Credit cannot pay more than the balance.");
        RuleFor(r => r.Date).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2200, 12, 31));
        RuleFor(r => r.Reference).MaximumLength(PaymentLimits.ReferenceLength);
    }
}

public sealed class CreatePaymentEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<CreatePaymentRequest, PaymentResponse>
{
    public override void Configure()
    {
        Post("/invoices/{id}/payments");
        Roles(InvoiceAccess.Sellers);
        Description(d => d
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<PaymentResponse>(StatusCodes.Status201Created)
            .Answers(StatusCodes.Status409Conflict, "The invoice is not paid: an estimate, a credit memo, or void.")
            .Operation("Payments", "Create", "Record a payment",
                "Idempotency-Key is required (400 without it): a retried payment replays the first answer and is never taken "
                + "twice. A payment above the balance is refused (422) unless takeExcessAsCredit keeps the excess as the "
                + "client's credit; fromClientCredit pays out of that credit. The invoice's paid and balance follow from its payments.")
            .AcceptsIdempotencyKey(required: true));
    }

    public override async Task HandleAsync(CreatePaymentRequest req, CancellationToken ct)
    {
        var today = await calendar.TodayAsync(ct);
        var (payment, invoice) = await db.InTransactionAsync(async () =>
        {
            // The invoice's row first: payments, refunds and voids of one invoice run one after the other.
            await InvoiceBalances.HoldAsync(db, req.Id, ct);
            var invoice = await InvoiceAccess.FindAsync(db, User, req.Id, ct);
            if (!invoice.Receivable)
                throw ApiProblem.Conflict($"Invoice {invoice.Number} is {(invoice.IsVoid ? "void" : invoice.Type == InvoiceType.Estimate ? "an estimate: convert it to an order first" : "a credit memo")}; it takes no payments.");
            await InvoiceBalances.RecomputeAsync(db, invoice, ct);

            if (req.MethodId is { } methodId)
            {
                var method = await db.PaymentMethods.AsNoTracking().SingleOrDefaultAsync(m => m.Id == methodId && m.IsActive, ct);
                if (method is null)
                    ThrowError(new ValidationFailure("methodId", $"There is no active payment method {methodId}."));
                if (method!.RequiresReference && string.IsNullOrWhiteSpace(req.Reference))
                    ThrowError(new ValidationFailure("reference", $"A {method.Name} payment carries its reference (a check number, an authorization)."));
            }

            var amount = req.Amount!.Value;
            if (req.FromClientCredit)
            {
                await ClientCredit.HoldAsync(db, invoice.ClientId, ct);
                var credit = await ClientCredit.AvailableAsync(db, invoice.ClientId, ct);
                if (amount > credit)
                    throw ApiProblem.RuleBroken($"The client has {credit} of credit; this payment is {amount}.");
            }
            var toCredit = Money.Zero;
            if (amount > invoice.Balance)
            {
                if (!req.TakeExcessAsCredit)
                    throw ApiProblem.RuleBroken($"Invoice {invoice.Number} owes {invoice.Balance}; a payment of {amount} would overpay it. "
                        + "Take the balance, or send takeExcessAsCredit: true to keep the excess as the client's credit.",
                        new Dictionary<string, object?> { ["balance"] = invoice.Balance });
                toCredit = amount - (invoice.Balance > Money.Zero ? invoice.Balance : Money.Zero);
            }

            var created = new Payment
            {
                InvoiceId = invoice.Id,
                ClientId = invoice.ClientId,
                Kind = PaymentKind.Payment,
                Amount = amount,
                ToClientCredit = toCredit,
                FromClientCredit = req.FromClientCredit,
                MethodId = req.MethodId,
                Date = req.Date ?? today,
                Reference = string.IsNullOrWhiteSpace(req.Reference) ? null : req.Reference.Trim(),
            };
            db.Payments.Add(created);
            await db.SaveChangesAsync(ct);
            await InvoiceBalances.RecomputeAsync(db, invoice, ct);
            await db.SaveChangesAsync(ct);
            return (created, invoice);
        }, ct);

        HttpContext.WriteETag(payment);
        await Send.CreatedAtAsync("Payments_Get", new { id = payment.Id }, PaymentResponse.From(payment, Money.Zero, invoice), cancellation: ct);
    }
}
