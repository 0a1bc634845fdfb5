using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Sales.CardPayments;

/// <summary>
/// A local server answering the calls the API makes of Stripe, in Stripe's documented shapes
/// (https://docs.stripe.com/api/payment_intents/create, /api/refunds/create): form-encoded requests with a bearer secret
/// key and an Idempotency-Key (the same key answers the first answer again, as Stripe does). It keeps what it was
/// asked, and signs webhook events with Stripe's documented scheme
/// (https://docs.stripe.com/webhooks#verify-manually: Stripe-Signature "t=timestamp,v1=HMAC-SHA256(secret, timestamp.body)"),
/// so the API's real verification code runs against them.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    public const string SecretKey = "sk_test_studioapi_fake";
    public const string WebhookSecret = "whsec_studioapi_fake_secret";

    readonly WebApplication server;
    readonly ConcurrentDictionary<string, string> answersByKey = new();
    int counter;

    FakeStripe(WebApplication server) => this.server = server;

    public string Url { get; private set; } = "";

    public ConcurrentDictionary<string, JsonObject> Intents { get; } = new();

    /// <summary>Every refund asked for (a retry under the same key is not a new one).</summary>
    public ConcurrentQueue<JsonObject> Refunds { get; } = new();

    /// <summary>Requests refused for want of the secret key.</summary>
    public int Unauthorized;

    public static async Task<FakeStripe> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = builder.Build();
        var fake = new FakeStripe(server);
        server.MapPost("/v1/payment_intents", context => fake.AnswerAsync(context, form =>
        {
            var id = $"pi_{Interlocked.Increment(ref fake.counter):D6}";
            var intent = new JsonObject
            {
                ["id"] = id, ["object"] = "payment_intent", ["amount"] = long.Parse(form["amount"]!), ["currency"] = (string?)form["currency"],
                ["status"] = "requires_payment_method", ["client_secret"] = $"{id}_secret_{Guid.NewGuid():N}", ["livemode"] = false,
                ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["metadata"] = new JsonObject(form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal))
                    .Select(f => KeyValuePair.Create(f.Key[9..^1], (JsonNode?)(string?)f.Value))),
            };
            fake.Intents[id] = intent;
            return intent;
        }));
        server.MapPost("/v1/refunds", context => fake.AnswerAsync(context, form =>
        {
            var refund = new JsonObject
            {
                ["id"] = $"re_{Interlocked.Increment(ref fake.counter):D6}", ["object"] = "refund", ["amount"] = long.Parse(form["amount"]!),
                ["payment_intent"] = (string?)form["payment_intent"], ["status"] = "succeeded", ["currency"] = "usd",
                ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            };
            fake.Refunds.Enqueue(refund);
            return refund;
        }));
        await server.StartAsync();
        fake.Url = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    async Task AnswerAsync(HttpContext context, Func<IFormCollection, JsonObject> make)
    {
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {SecretKey}")
        {
            Interlocked.Increment(ref Unauthorized);
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { error = new { type = "invalid_request_error", message = "Invalid API Key provided." } });
            return;
        }
        var form = await context.Request.ReadFormAsync();
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        var json = key.Length > 0
            ? answersByKey.GetOrAdd($"{context.Request.Path} {key}", _ => make(form).ToJsonString())
            : make(form).ToJsonString();
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }

    /// <summary>The event Stripe posts when an intent succeeds (https://docs.stripe.com/api/events/object).</summary>
    public string Event(string type, string intentId, string? eventId = null, long? amount = null)
    {
        var intent = Intents[intentId].DeepClone().AsObject();
        intent["status"] = type == "payment_intent.succeeded" ? "succeeded" : "requires_payment_method";
        if (amount is { } paid)
            intent["amount"] = paid;
        return new JsonObject
        {
            ["id"] = eventId ?? $"evt_{Guid.NewGuid():N}", ["object"] = "event", ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["livemode"] = false, ["pending_webhooks"] = 1, ["type"] = type,
            ["data"] = new JsonObject { ["object"] = intent },
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        }.ToJsonString();
    }

    /// <summary>The Stripe-Signature header of <paramref name="payload"/> signed at <paramref name="at"/> with <paramref name="secret"/>.</summary>
    public static string Sign(string payload, DateTimeOffset at, string secret = WebhookSecret)
    {
        var timestamp = at.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    public static HttpRequestMessage Webhook(string payload, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/stripe/webhook")
            { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null)
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        await server.StopAsync();
        await server.DisposeAsync();
    }
}

/// <summary>The app on a fake clock, its card payments pointed at a <see cref="FakeStripe"/> of its own.</summary>
public sealed class StripeStudioApi : ClockedStudioApi, IAsyncLifetime
{
    public FakeStripe Stripe { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        Stripe = await FakeStripe.StartAsync();
        Base.Settings["Payments:Stripe:SecretKey"] = FakeStripe.SecretKey;
        Base.Settings["Payments:Stripe:WebhookSecret"] = FakeStripe.WebhookSecret;
        Base.Settings["Payments:Stripe:ApiBase"] = Stripe.Url;
        await Base.InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await ((IAsyncLifetime)Base).DisposeAsync();
        await Stripe.DisposeAsync();
    }
}
