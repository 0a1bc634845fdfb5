using System.ComponentModel.DataAnnotations;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http;

namespace StudioApi.Features.Sales.CardPayments;

public sealed class CardPaymentResponse : RecordResponse
{
    public required long InvoiceId { get; init; }
    [MaxLength(20)]
    public required string Provider { get; init; }
    /// <summary>The provider's payment intent (Stripe: pi_…).</summary>
    [MaxLength(100)]
    public required string ProviderIntentId { get; init; }
    /// <summary>For the provider's card form in the front end (Stripe.js confirmPayment); given when the intent is made.</summary>
    [MaxLength(300)]
    public string? ClientSecret { get; init; }
    public required Money Amount { get; init; }
    /// <summary>ISO 4217, lowercase as the provider writes it.</summary>
    [MaxLength(3)]
    public required string Currency { get; init; }
    /// <summary>open until the provider's webhook says succeeded (a payment is then recorded), failed or canceled.</summary>
    public required CardPaymentState State { get; init; }
    /// <summary>The payment recorded for it.</summary>
    public long? PaymentId { get; init; }

    public static CardPaymentResponse From(CardPayment c, string? clientSecret = null) => new CardPaymentResponse
    {
        InvoiceId = c.InvoiceId,
        Provider = c.Provider,
        ProviderIntentId = c.ProviderIntentId,
        ClientSecret = clientSecret,
        Amount = c.Amount,
        Currency = c.Currency,
        State = c.State,
        PaymentId = c.PaymentId,
    }.WithAudit(c);
}
