using Microsoft.Extensions.Options;
using Stripe;
using StudioApi.Platform.Currencies;

namespace StudioApi.Features.Sales.CardPayments;

/// <summary>
/// Stripe through Stripe.net, at the configured API address. Amounts are Stripe's smallest currency units, which are
/// our minor units. Webhooks are verified with Stripe's own code (the Stripe-Signature header's HMAC-SHA256 of the
/// timestamp and body with the endpoint's secret, within the tolerance), on the studio's clock.
/// </summary>
public sealed class StripeCardPayments(IOptions<StripeOptions> options, TimeProvider clock, IHttpClientFactory httpClients) : ICardPaymentProvider
{
    readonly StripeOptions settings = options.Value;

    public string Name => "stripe";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(settings.SecretKey);

    StripeClient Client() => new(new StripeClientOptions
    {
        ApiKey = settings.SecretKey,
        ApiBase = settings.ApiBase.TrimEnd('/'),
        HttpClient = new SystemNetHttpClient(httpClients.CreateClient(nameof(StripeCardPayments))),
    });

    public async Task<CardIntent> CreateIntentAsync(long invoiceId, Money amount, string currency, string idempotencyKey, CancellationToken ct)
    {
        var intent = await new PaymentIntentService(Client()).CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = amount.MinorUnits,
            Currency = currency.ToLowerInvariant(),
            AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true },
            Metadata = new Dictionary<string, string> { ["invoiceId"] = invoiceId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        }, new RequestOptions { IdempotencyKey = idempotencyKey }, ct);
        return new CardIntent(intent.Id, intent.ClientSecret, intent.Status);
    }

    public async Task<string> RefundAsync(string intentId, Money amount, string idempotencyKey, CancellationToken ct)
    {
        var refund = await new RefundService(Client()).CreateAsync(new RefundCreateOptions { PaymentIntent = intentId, Amount = amount.MinorUnits },
            new RequestOptions { IdempotencyKey = idempotencyKey }, ct);
        return refund.Id;
    }

    public CardEvent? ReadWebhook(string body, string? signature)
    {
        if (string.IsNullOrWhiteSpace(settings.WebhookSecret) || string.IsNullOrWhiteSpace(signature))
            return null;
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(body, signature, settings.WebhookSecret, settings.WebhookToleranceSeconds,
                clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException)
        {
            return null;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
        return stripeEvent.Data?.Object is PaymentIntent intent
            ? new CardEvent(stripeEvent.Id, stripeEvent.Type, intent.Id, new Money(intent.Amount), intent.Currency ?? "")
            : new CardEvent(stripeEvent.Id, stripeEvent.Type, "", Money.Zero, "");
    }
}
