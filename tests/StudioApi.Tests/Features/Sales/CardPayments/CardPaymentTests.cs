using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StudioApi.Tests.Features.Sales.Invoices;
using StudioApi.Tests.Infrastructure;
using static StudioApi.Tests.Features.Sales.Invoices.InvoiceKit;

namespace StudioApi.Tests.Features.Sales.CardPayments;

/// <summary>
/// Cards through Stripe, against a local server answering Stripe's documented calls (<see cref="FakeStripe"/>): an
/// intent per amount due, the payment recorded when Stripe's signed webhook says so (once, however often it comes),
/// forged, altered and replayed events refused without a change, refunds through Stripe.
/// </summary>
public sealed class CardPaymentTests(StripeStudioApi api) : IClassFixture<StripeStudioApi>
{
    sealed record CardBody(long Id, long InvoiceId, string Provider, string ProviderIntentId, string? ClientSecret, long Amount, string Currency, string State, long? PaymentId);

    async Task<(HttpClient Admin, InvoiceBody Invoice)> SaleAsync()
    {
        var admin = await api.AdminAsync();
        await admin.SetTaxAsync();
        var shop = await admin.OpenShopAsync(photos: 0);
        return (admin, await admin.CreateInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Fee } } }));
    }

    Task<HttpResponseMessage> StartCardAsync(HttpClient caller, long invoiceId, object? body = null, string? key = null)
    {
        var request = HttpAssertions.Json(HttpMethod.Post, $"/api/v1/invoices/{invoiceId}/card-payments", body ?? new { });
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return caller.SendAsync(request);
    }

    [Fact]
    public async Task A_card_payment_is_an_intent_for_the_amount_due_recorded_once_when_stripes_signed_webhook_confirms_it()
    {
        var (admin, invoice) = await SaleAsync();

        var card = await (await StartCardAsync(admin, invoice.Id, key: "card-1")).ShouldBeAsync<CardBody>(HttpStatusCode.Created);
        (card.Amount, card.Currency, card.State, card.Provider).ShouldBe((FeePrice, "usd", "open", "stripe"));
        card.ClientSecret!.ShouldStartWith(card.ProviderIntentId + "_secret_");
        var asked = api.Stripe.Intents[card.ProviderIntentId];
        (asked["amount"]!.GetValue<long>(), asked["metadata"]!["invoiceId"]!.GetValue<string>()).ShouldBe((FeePrice, invoice.Id.ToString()));
        // A retry under the same key is the same intent, at Stripe too.
        (await (await StartCardAsync(admin, invoice.Id, key: "card-1")).ShouldBeAsync<CardBody>(HttpStatusCode.Created)).ProviderIntentId.ShouldBe(card.ProviderIntentId);
        api.Stripe.Intents.Count(i => i.Value["metadata"]!["invoiceId"]!.GetValue<string>() == invoice.Id.ToString()).ShouldBe(1);
        (await admin.InvoiceAsync(invoice.Id)).Paid.ShouldBe(0);

        var succeeded = api.Stripe.Event("payment_intent.succeeded", card.ProviderIntentId, "evt_card_1");
        var first = await admin.SendAsync(FakeStripe.Webhook(succeeded, FakeStripe.Sign(succeeded, api.Clock.GetUtcNow())));
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Stripe delivers again (and again, at once): the event is processed once.
        var again = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => admin.SendAsync(FakeStripe.Webhook(succeeded, FakeStripe.Sign(succeeded, api.Clock.GetUtcNow()))))) ;
        again.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);

        var paid = await admin.InvoiceAsync(invoice.Id);
        (paid.Paid, paid.Balance).ShouldBe((FeePrice, 0L));
        var payments = await (await admin.GetAsync($"/api/v1/payments?invoiceId={invoice.Id}")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        var payment = payments.GetProperty("items").EnumerateArray().Single();
        (payment.GetProperty("provider").GetString(), payment.GetProperty("providerReference").GetString()).ShouldBe(("stripe", card.ProviderIntentId));
        var read = await (await admin.GetAsync($"/api/v1/card-payments/{card.Id}")).ShouldBeAsync<CardBody>(HttpStatusCode.OK);
        (read.State, read.PaymentId).ShouldBe(("succeeded", payment.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task A_forged_altered_or_replayed_event_is_refused_and_changes_nothing()
    {
        var (admin, invoice) = await SaleAsync();
        var card = await (await StartCardAsync(admin, invoice.Id)).ShouldBeAsync<CardBody>(HttpStatusCode.Created);
        var anonymous = api.Base.CreateClient();
        var succeeded = api.Stripe.Event("payment_intent.succeeded", card.ProviderIntentId);

        var forged = await (await anonymous.SendAsync(FakeStripe.Webhook(succeeded, FakeStripe.Sign(succeeded, api.Clock.GetUtcNow(), "whsec_someone_else"))))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        forged.FieldErrors().ShouldBe(["Stripe-Signature"]);
        var altered = succeeded.Replace($"\"amount\":{FeePrice}", "\"amount\":1");
        await (await anonymous.SendAsync(FakeStripe.Webhook(altered, FakeStripe.Sign(succeeded, api.Clock.GetUtcNow())))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await anonymous.SendAsync(FakeStripe.Webhook(succeeded, null))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        // A genuine event signed ten minutes ago, replayed now: older than the tolerance.
        var old = FakeStripe.Sign(succeeded, api.Clock.GetUtcNow());
        api.Clock.Advance(TimeSpan.FromMinutes(10));
        await (await anonymous.SendAsync(FakeStripe.Webhook(succeeded, old))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        (await admin.InvoiceAsync(invoice.Id)).Paid.ShouldBe(0);
        (await (await admin.GetAsync($"/api/v1/card-payments/{card.Id}")).ShouldBeAsync<CardBody>(HttpStatusCode.OK)).State.ShouldBe("open");

        // Signed now, it is taken; a failure reported after the success changes nothing.
        (await anonymous.SendAsync(FakeStripe.Webhook(succeeded, FakeStripe.Sign(succeeded, api.Clock.GetUtcNow())))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var failed = api.Stripe.Event("payment_intent.payment_failed", card.ProviderIntentId);
        (await anonymous.SendAsync(FakeStripe.Webhook(failed, FakeStripe.Sign(failed, api.Clock.GetUtcNow())))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await admin.GetAsync($"/api/v1/card-payments/{card.Id}")).ShouldBeAsync<CardBody>(HttpStatusCode.OK)).State.ShouldBe("succeeded");
        (await admin.InvoiceAsync(invoice.Id)).Paid.ShouldBe(FeePrice);
    }

    [Fact]
    public async Task A_card_payment_is_refunded_through_stripe_once_and_never_beyond_what_was_paid()
    {
        var (admin, invoice) = await SaleAsync();
        var card = await (await StartCardAsync(admin, invoice.Id)).ShouldBeAsync<CardBody>(HttpStatusCode.Created);
        var succeeded = api.Stripe.Event("payment_intent.succeeded", card.ProviderIntentId);
        (await admin.SendAsync(FakeStripe.Webhook(succeeded, FakeStripe.Sign(succeeded, api.Clock.GetUtcNow())))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var paymentId = (await (await admin.GetAsync($"/api/v1/card-payments/{card.Id}")).ShouldBeAsync<CardBody>(HttpStatusCode.OK)).PaymentId!.Value;

        var refund = await (await admin.RefundAsync(paymentId, 2000, key: "card-refund-1")).ShouldBeAsync<PaymentBody>(HttpStatusCode.Created);
        (await admin.RefundAsync(paymentId, 2000, key: "card-refund-1")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.RefundAsync(paymentId, FeePrice)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var atStripe = api.Stripe.Refunds.Where(r => r["payment_intent"]!.GetValue<string>() == card.ProviderIntentId).ToList();
        atStripe.Count.ShouldBe(1);
        atStripe[0]["amount"]!.GetValue<long>().ShouldBe(2000);
        var read = await (await admin.GetAsync($"/api/v1/payments/{refund.Id}")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        read.GetProperty("providerReference").GetString().ShouldBe(atStripe[0]["id"]!.GetValue<string>());
        (await admin.InvoiceAsync(invoice.Id)).Balance.ShouldBe(2000);
    }

    [Fact]
    public async Task The_amount_due_is_the_payment_plans_next_open_amount_and_never_more_than_the_balance()
    {
        var (admin, invoice) = await SaleAsync();
        var planned = await (await admin.SendAsync(SalesKit.Put($"/api/v1/invoices/{invoice.Id}/payment-plan",
            new { deposit = new { amount = 1500 }, instalments = new[] { new { dueDate = invoice.Date.AddDays(30) } } }, invoice.Version)))
            .ShouldBeAsync<InvoiceBody>(HttpStatusCode.OK);
        planned.PaymentPlan[0].Amount.ShouldBe(1500);

        (await (await StartCardAsync(admin, invoice.Id)).ShouldBeAsync<CardBody>(HttpStatusCode.Created)).Amount.ShouldBe(1500);
        (await (await StartCardAsync(admin, invoice.Id, new { amount = FeePrice })).ShouldBeAsync<CardBody>(HttpStatusCode.Created)).Amount.ShouldBe(FeePrice);
        (await (await StartCardAsync(admin, invoice.Id, new { amount = FeePrice + 1 })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("balance").GetInt64().ShouldBe(FeePrice);
        var estimate = await admin.CreateInvoiceAsync(new { clientId = invoice.ClientId, priceListId = invoice.PriceListId, type = "estimate" });
        (await StartCardAsync(admin, estimate.Id)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
