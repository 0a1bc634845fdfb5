using StudioApi.Platform.Currencies;

namespace StudioApi.Features.Sales.CardPayments;

/// <summary>
/// A card payment provider (Stripe today): the card is entered in the provider's own UI, so card data never touches the
/// API (the seed: "at no point does Credit Card information ever touch your system"). The API asks for a payment
/// intent per amount due, learns that it was paid from the provider's signed webhook, and refunds through it.
/// </summary>
public interface ICardPaymentProvider
{
    /// <summary>The provider's name on payments ("stripe").</summary>
    string Name { get; }

    /// <summary>Whether the studio has set it up (its keys are configured).</summary>
    bool IsConfigured { get; }

    /// <summary>A payment intent for <paramref name="amount"/>; the same <paramref name="idempotencyKey"/> gives the same intent.</summary>
    Task<CardIntent> CreateIntentAsync(long invoiceId, Money amount, string currency, string idempotencyKey, CancellationToken ct);

    /// <summary>Refunds part or all of a paid intent; the same <paramref name="idempotencyKey"/> refunds once. Answers the refund's id.</summary>
    Task<string> RefundAsync(string intentId, Money amount, string idempotencyKey, CancellationToken ct);

    /// <summary>The event a webhook carries, after its signature and age are verified; null when it is forged, tampered with or too old.</summary>
    CardEvent? ReadWebhook(string body, string? signature);
}

/// <summary>A payment intent as the provider made it: what the front end needs to show the provider's card form.</summary>
public sealed record CardIntent(string Id, string ClientSecret, string Status);

/// <summary>A verified webhook event about a payment intent.</summary>
public sealed record CardEvent(string Id, string Type, string IntentId, Money Amount, string Currency);

/// <summary>Card payment settings (section Payments:Stripe).</summary>
public sealed class StripeOptions
{
    public const string Section = "Payments:Stripe";

    /// <summary>The secret API key (sk_live_… or sk_test_…); card payments are off without it.</summary>
    public string? SecretKey { get; set; }
    /// <summary>The webhook endpoint's signing secret (whsec_…), from Stripe's dashboard.</summary>
    public string? WebhookSecret { get; set; }
    /// <summary>Stripe's API address; another one for a test server.</summary>
    public string ApiBase { get; set; } = "https://api.stripe.com";
    /// <summary>How old a webhook's signed timestamp may be, so a replayed old event is refused (Stripe's default: 300).</summary>
    public int WebhookToleranceSeconds { get; set; } = 300;
}
