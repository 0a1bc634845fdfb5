using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Features.Sales.Payments;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

using StudioApi.Features.Sales.CardPayments.Deposits;

namespace StudioApi.Features.Sales.CardPayments.Webhook;

public sealed class StripeWebhookResponse
{
    /// <summary>true: the event was taken (or had been already: each is processed once).</summary>
    public required bool Received { get; init; }
}

/// <summary>
/// Stripe's webhook: a payment intent succeeded (the payment is recorded), failed or was canceled. Only an event whose
/// Stripe-Signature verifies, signed within the tolerance, is taken (a forged, altered or replayed old one is a 400 and
/// changes nothing); each event is processed once (its id is kept), and each intent is recorded as one payment (its
/// id is unique among payments), however often Stripe delivers it. Money Stripe has taken is always recorded: what the
/// invoice no longer owes (paid meanwhile at the desk, voided) is kept as the client's credit.
/// </summary>
public sealed class StripeWebhookEndpoint(StudioDbContext db, ICardPaymentProvider provider, StudioCalendar calendar) : EndpointWithoutRequest<StripeWebhookResponse>
{
    const int MaxBodyBytes = 512 * 1024;

    public override void Configure()
    {
        Post("/payments/stripe/webhook");
        AllowAnonymous();
        Description(d => d
            .Accepts<StripeWebhookBody>("application/json")
            .Answers(StatusCodes.Status400BadRequest, "The Stripe-Signature does not verify: forged, altered, signed too long ago, or card payments are not set up.")
            .Answers(StatusCodes.Status413PayloadTooLarge, "The event is larger than any Stripe sends.")
            .Answers(StatusCodes.Status415UnsupportedMediaType, "The body is not JSON.")
            .Operation("CardPayments", "StripeWebhook", "Receive Stripe's webhook",
                "Called by Stripe, not by front ends: the body is Stripe's event, verified by its Stripe-Signature header "
                + "(400 when it does not verify). Processes payment_intent.succeeded, payment_intent.payment_failed and "
                + "payment_intent.canceled; other events are acknowledged and ignored."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var body = await ReadBodyAsync(ct);
        var signature = HttpContext.Request.Headers["Stripe-Signature"].ToString();
        var received = provider.ReadWebhook(body, signature)
                       ?? throw ApiProblem.InvalidInput("Stripe-Signature", "The event's signature does not verify (forged, altered, signed too long ago, or card payments are not set up).");
        var today = await calendar.TodayAsync(ct);
        await db.InTransactionAsync(async () =>
        {
            if (!await ProviderEvent.RecordOnceAsync(db, provider.Name, received.Id, received.Type, ct))
                return false; // delivered again: processed already
            if (received.IntentId.Length == 0 || await db.CardPayments.SingleOrDefaultAsync(c => c.ProviderIntentId == received.IntentId, ct) is not { } card)
                return false; // not about an intent of ours
            switch (received.Type)
            {
                case "payment_intent.succeeded" when card.PaymentId is null:
                    await RecordAsync(card, received, today, ct);
                    break;
                case "payment_intent.payment_failed" when card.State == CardPaymentState.Open:
                    card.State = CardPaymentState.Failed;
                    break;
                case "payment_intent.canceled" when card.State == CardPaymentState.Open:
                    card.State = CardPaymentState.Canceled;
                    break;
            }
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        await Send.OkAsync(new StripeWebhookResponse { Received = true }, ct);
    }

    async Task RecordAsync(CardPayment card, CardEvent received, DateOnly today, CancellationToken ct)
    {
        await InvoiceBalances.HoldAsync(db, card.InvoiceId, ct);
        var invoice = await db.Invoices.IgnoreQueryFilters().SingleAsync(i => i.Id == card.InvoiceId, ct);
        await InvoiceBalances.RecomputeAsync(db, invoice, ct);
        var owed = invoice.Receivable && invoice.DeletedAt is null && invoice.Balance > Money.Zero ? invoice.Balance : Money.Zero;
        var payment = new Payment
        {
            InvoiceId = invoice.Id,
            ClientId = invoice.ClientId,
            Kind = PaymentKind.Payment,
            Amount = received.Amount,
            ToClientCredit = received.Amount > owed ? received.Amount - owed : Money.Zero,
            Date = today,
            Reference = received.IntentId,
            Provider = provider.Name,
            ProviderReference = received.IntentId,
        };
        db.Payments.Add(payment);
        await db.SaveChangesAsync(ct);
        card.State = CardPaymentState.Succeeded;
        card.PaymentId = payment.Id;
        await InvoiceBalances.RecomputeAsync(db, invoice, ct);
        await BookingDeposits.ConfirmHeldSessionAsync(db, invoice, ct);
    }

    async Task<string> ReadBodyAsync(CancellationToken ct)
    {
        using var reader = new StreamReader(HttpContext.Request.Body, System.Text.Encoding.UTF8);
        var buffer = new char[MaxBodyBytes + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        if (read > MaxBodyBytes)
            throw new ApiProblem(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"A webhook event is at most {MaxBodyBytes} bytes.");
        return new string(buffer, 0, read);
    }
}

/// <summary>Stripe's event as it posts it (https://docs.stripe.com/api/events/object); the endpoint reads the raw text to verify its signature.</summary>
public sealed class StripeWebhookBody
{
    public string? Id { get; set; }
    public string? Type { get; set; }
}
