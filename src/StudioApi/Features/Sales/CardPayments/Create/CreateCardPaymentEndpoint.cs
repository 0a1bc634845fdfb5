using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Sales.CardPayments.Create;

public sealed class CreateCardPaymentRequest
{
    /// <summary>The invoice.</summary>
    public long Id { get; set; }
    /// <summary>The amount to take, in minor units; defaults to what is due now: the open part of the payment plan's next unpaid amount, else the balance.</summary>
    public Money? Amount { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateCardPaymentValidator : Validator<CreateCardPaymentRequest>
{
    public CreateCardPaymentValidator() =>
        RuleFor(r => r.Amount!.Value).Must(a => a.MinorUnits > 0 && a.MinorUnits <= InvoiceLimits.MaxTotal).OverridePropertyName("amount")
            .When(r => r.Amount is not null).WithMessage("A card payment is more than 0 minor units.");
}

/// <summary>
/// A payment intent with the card payment provider for what an invoice owes now. The card is entered in the provider's
/// own form in the front end (with the intent's client secret); nothing of it reaches the API. The payment is
/// recorded when the provider's signed webhook says the intent succeeded.
/// </summary>
public sealed class CreateCardPaymentEndpoint(StudioDbContext db, ICardPaymentProvider provider, StudioCalendar calendar)
    : Endpoint<CreateCardPaymentRequest, CardPaymentResponse>
{
    public override void Configure()
    {
        Post("/invoices/{id}/card-payments");
        Roles(InvoiceAccess.Sellers);
        Description(d => d
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<CardPaymentResponse>(StatusCodes.Status201Created)
            .Answers(StatusCodes.Status409Conflict, "Card payments are not set up, or the invoice takes no payments (an estimate, a credit memo, void).")
            .Answers(StatusCodes.Status502BadGateway, "The card payment provider refused or could not be reached; nothing was made.")
            .Operation("CardPayments", "Create", "Start a card payment of an invoice",
                "Makes a payment intent with the provider (Stripe) for the amount due now (the payment plan's next open "
                + "amount, else the balance) or the amount given (at most the balance, 422). Show the provider's card form "
                + "with clientSecret; the payment is recorded when the provider's webhook confirms it. A retry under the "
                + "same Idempotency-Key gives the same intent.").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateCardPaymentRequest req, CancellationToken ct)
    {
        if (!provider.IsConfigured)
            throw ApiProblem.Conflict("Card payments are not set up: configure Payments:Stripe:SecretKey and Payments:Stripe:WebhookSecret.");
        var invoice = await InvoiceAccess.FindAsync(db, User, req.Id, ct);
        if (!invoice.Receivable)
            throw ApiProblem.Conflict($"Invoice {invoice.Number} takes no payments.");
        var today = await calendar.TodayAsync(ct);
        var due = InstalmentResponse.DueNow(invoice, today).Amount;
        var amount = req.Amount ?? due;
        if (amount <= Money.Zero || amount > invoice.Balance)
            throw ApiProblem.RuleBroken($"Invoice {invoice.Number} owes {invoice.Balance}; a card payment of {amount} is not possible.",
                new Dictionary<string, object?> { ["balance"] = invoice.Balance });

        var currency = (await db.GetStudioSettingsAsync(forUpdate: false, ct)).Currency;
        // Under the caller's key, so a retry gets the same intent.
        var (card, intent) = await CardIntents.OpenAsync(db, provider, invoice.Id, amount, currency,
            $"studioapi-card-{invoice.Id}-{req.IdempotencyKey ?? Guid.NewGuid().ToString()}",
            e => e is HttpRequestException
                ? $"The card payment provider could not be reached: {e.Message}"
                : $"The card payment provider refused: {e.Message}", ct);

        HttpContext.WriteETag(card);
        await Send.CreatedAtAsync("CardPayments_Get", new { id = card.Id }, CardPaymentResponse.From(card, intent.ClientSecret), cancellation: ct);
    }
}
