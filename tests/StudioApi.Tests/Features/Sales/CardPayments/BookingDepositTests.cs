using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Features.Sales.CardPayments.Deposits;
using StudioApi.Platform.Studio;
using StudioApi.Tests.Features.Sales.Invoices;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Sales.CardPayments;

/// <summary>
/// Online booking with a card deposit, against the local Stripe server: the booking is held unconfirmed with the
/// session-fee invoice and a payment intent for the deposit, confirmed when Stripe's signed webhook records the
/// payment, and released (cancelled, its slot free again) when the hold runs out unpaid.
/// </summary>
public sealed class BookingDepositTests(StripeStudioApi api) : IClassFixture<StripeStudioApi>
{
    sealed record DepositBody(long InvoiceId, int InvoiceNumber, long Amount, string Currency, string ClientSecret, DateTimeOffset DueBy);

    sealed record BookingBody(long SessionId, long ClientId, string StartTime, DepositBody? Deposit);

    sealed record SessionStateBody(bool Confirmed, bool Cancelled, DateTimeOffset? DepositDueBy);

    async Task<(HttpClient Admin, string Key, long Type)> StudioAsync(object depositRules)
    {
        At("2027-05-03T15:00:00Z"); // Monday 10:00 in Chicago
        await api.Base.WithDbAsync(async db =>
        {
            var settings = await db.GetStudioSettingsAsync(forUpdate: true, CancellationToken.None);
            settings.TimeZone = "America/Chicago";
            settings.OpeningHours = Enum.GetValues<DayOfWeek>().Select(d => new OpeningHours { Day = d, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(17, 0) }).ToList();
            settings.ClosedDates = [];
            await db.SaveChangesAsync();
        });
        var admin = await api.AdminAsync();
        await admin.SetTaxAsync();
        var key = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/settings")).GetProperty("onlineBookingKey").GetString()!;
        var photographer = (await api.Base.CreateUserAsync($"p-{Guid.NewGuid():N}"[..20], StudioApi.Platform.Auth.UserRole.Photographer)).Id;
        var rules = JsonSerializer.SerializeToNode(depositRules)!.AsObject();
        rules["minNoticeHours"] = 0;
        rules["photographerIds"] = new System.Text.Json.Nodes.JsonArray(photographer);
        var type = await (await admin.PostAsJsonAsync("/api/v1/session-types", new
        {
            name = $"Deposit {Guid.NewGuid():N}"[..20], style = "portrait", defaultLengthMinutes = 60, onlineBookable = true, bookingRules = rules,
        })).ShouldBeAsync<InvoiceKit.IdBody>(HttpStatusCode.Created);
        // The type's online price list, with its session fee.
        var list = await admin.CreateListAsync(online: new { sessionTypeIds = new[] { type.Id } });
        var group = await admin.CreateGroupAsync(list.Id, "Fees");
        await admin.CreateItemAsync(list.Id, new { groupId = group.Id, code = "FEE", description = "Session fee", type = "sessionFee", price = 5000 });
        return (admin, key, type.Id);
    }

    Task<HttpResponseMessage> BookAsync(string key, long type, string start, string? idempotencyKey = null)
    {
        var request = HttpAssertions.Json(HttpMethod.Post, "/api/v1/online-booking/bookings", new
        {
            bookingKey = key, sessionTypeId = type, date = "2027-05-04", startTime = start,
            client = new { firstName = "Dee", lastName = "Posit", email = $"{Guid.NewGuid():N}@example.com", phone = "(217) 555-0123" },
        });
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return api.Base.CreateClient().SendAsync(request);
    }

    async Task<SessionStateBody> SessionAsync(HttpClient admin, long id) =>
        await (await admin.GetAsync($"/api/v1/sessions/{id}")).ShouldBeAsync<SessionStateBody>(HttpStatusCode.OK);

    [Fact]
    public async Task A_booking_with_a_deposit_waits_unconfirmed_for_the_card_and_is_confirmed_when_stripes_webhook_records_it()
    {
        var (admin, key, type) = await StudioAsync(new { depositPercent = "20" });

        var booking = await (await BookAsync(key, type, "10:00", "book-1")).ShouldBeAsync<BookingBody>(HttpStatusCode.Created);

        var deposit = booking.Deposit.ShouldNotBeNull();
        (deposit.Amount, deposit.Currency).ShouldBe((1000L, "USD"));
        deposit.DueBy.ShouldBe(DateTimeOffset.Parse("2027-05-03T15:30:00Z"));
        var intentId = deposit.ClientSecret.Split("_secret_")[0];
        api.Stripe.Intents[intentId]["amount"]!.GetValue<long>().ShouldBe(1000);
        var held = await SessionAsync(admin, booking.SessionId);
        (held.Confirmed, held.Cancelled, held.DepositDueBy).ShouldBe((false, false, deposit.DueBy));
        var invoice = await admin.InvoiceAsync(deposit.InvoiceId);
        (invoice.Type, invoice.SessionId, invoice.Total, invoice.Paid).ShouldBe(("sessionFee", (long?)booking.SessionId, 5000L, 0L));
        invoice.PaymentPlan.Select(x => (x.Kind, x.DueDate, x.Amount)).ShouldBe([("deposit", new DateOnly(2027, 5, 3), 1000L), ("instalment", new DateOnly(2027, 5, 4), 4000L)]);

        var succeeded = api.Stripe.Event("payment_intent.succeeded", intentId, "evt_deposit_1");
        (await api.Base.CreateClient().SendAsync(FakeStripe.Webhook(succeeded, FakeStripe.Sign(succeeded, api.Clock.GetUtcNow())))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var confirmed = await SessionAsync(admin, booking.SessionId);
        (confirmed.Confirmed, confirmed.Cancelled, confirmed.DepositDueBy).ShouldBe((true, false, (DateTimeOffset?)null));
        var paid = await admin.InvoiceAsync(deposit.InvoiceId);
        (paid.Paid, paid.Balance).ShouldBe((1000L, 4000L));
        paid.PaymentPlan[0].State.ShouldBe("paid");
        // A sweep after the hold would have run out leaves it be: it was paid.
        At("2027-05-03T16:00:00Z");
        await SweepAsync();
        (await SessionAsync(admin, booking.SessionId)).Cancelled.ShouldBeFalse();
    }

    [Fact]
    public async Task An_unpaid_booking_releases_its_slot_when_the_hold_runs_out_and_its_invoice_is_voided()
    {
        var (admin, key, type) = await StudioAsync(new { depositAmount = 1500 });
        var booking = await (await BookAsync(key, type, "11:00")).ShouldBeAsync<BookingBody>(HttpStatusCode.Created);
        booking.Deposit!.Amount.ShouldBe(1500);
        // Held: the slot is taken meanwhile.
        (await BookAsync(key, type, "11:00")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        At("2027-05-03T15:29:00Z");
        (await SweepAsync()).ShouldBe(0);
        At("2027-05-03T15:30:00Z");
        (await SweepAsync()).ShouldBe(1);
        (await SweepAsync()).ShouldBe(0);

        var released = await SessionAsync(admin, booking.SessionId);
        (released.Confirmed, released.Cancelled, released.DepositDueBy).ShouldBe((false, true, (DateTimeOffset?)null));
        var voided = await admin.InvoiceAsync(booking.Deposit.InvoiceId);
        (voided.VoidedAt is not null, voided.Balance, voided.VoidReason).ShouldBe((true, 0L, DepositHoldSweep.Reason));
        var again = await (await BookAsync(key, type, "11:00")).ShouldBeAsync<BookingBody>(HttpStatusCode.Created);
        again.SessionId.ShouldNotBe(booking.SessionId);
    }

    [Fact]
    public async Task A_deposit_given_as_both_amount_and_percent_is_refused_naming_the_field()
    {
        var admin = await api.AdminAsync();
        var name = $"Both {Guid.NewGuid():N}"[..20];
        var problem = await (await admin.PostAsJsonAsync("/api/v1/session-types", new
        {
            name, style = "portrait", defaultLengthMinutes = 60, onlineBookable = true,
            bookingRules = new { depositAmount = 1000, depositPercent = "10" },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors().ShouldContain("bookingRules.depositPercent");
        var types = await admin.GetFromJsonAsync<JsonElement>("/api/v1/session-types?limit=200");
        types.GetProperty("items").EnumerateArray().ShouldNotContain(t => t.GetProperty("name").GetString() == name);
    }

    void At(string utc) => api.Clock.AdjustTime(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

    async Task<int> SweepAsync()
    {
        await using var scope = api.Base.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DepositHoldSweep>().RunAsync(CancellationToken.None);
    }
}
