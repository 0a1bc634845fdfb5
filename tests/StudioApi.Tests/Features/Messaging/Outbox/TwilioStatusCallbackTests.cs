using System.Net;
using System.Text.Json.Nodes;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Messaging.Outbox;

/// <summary>
/// What becomes of a text message after Twilio took it: the local Twilio posts signed status callbacks to the URL the
/// outbox gave it, as Twilio does, and the message shows delivered, or bounced with Twilio's error code.
/// </summary>
public sealed class TwilioStatusCallbackTests(MessagingApi api) : IClassFixture<MessagingApi>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    const string Url = CommunicationRequests.Url;

    async Task<CommunicationBody> WhenAsync(HttpClient caller, long id, Func<CommunicationBody, bool> done, string what)
    {
        CommunicationBody? last = null;
        return await Eventually.ValueAsync(async () =>
        {
            last = await caller.CommunicationAsync(id);
            return done(last) ? last : null;
        }, Patience, () => $"Message {id} never became {what}: {last}");
    }

    static async Task<string[]> OutcomesAsync(HttpClient caller, long id)
    {
        var attempts = await (await caller.GetAsync($"{Url}/{id}/attempts")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        return attempts["items"]!.AsArray().Select(a => a!["outcome"]!.GetValue<string>()).ToArray();
    }

    /// <summary>A client with a number of their own, a text message to them sent, and what Twilio has of it.</summary>
    async Task<(CommunicationBody Message, FakeSms Sms)> SentAsync(HttpClient admin, string number, Func<CommunicationBody, bool>? until = null)
    {
        var client = await admin.NewClientAsync("Text", MessagingKit.Unique("Status"), phone: number);
        var queued = await admin.NewCommunicationAsync(new { kind = "sms", clientId = client, body = "Your prints are ready." });
        // Twilio's callbacks can come before the outbox has recorded Twilio's answer (sentAt and its attempt): wait for both.
        var done = until ?? (m => m.State == "sent");
        var message = await WhenAsync(admin, queued.Id, m => m.SentAt is not null && done(m), "as expected");
        return (message, api.Twilio.Messages.Single(m => m.Sid == message.ProviderId));
    }

    static string NewNumber() => $"+1217{Random.Shared.Next(1_000_000, 9_999_999)}";

    [Fact]
    public async Task A_text_message_twilio_delivers_is_marked_delivered_from_its_signed_callbacks()
    {
        var admin = await api.AdminAsync();
        var number = NewNumber();
        api.Twilio.Outcomes[number] = ("delivered", null);

        var (message, sms) = await SentAsync(admin, number, m => m.State == "delivered");

        sms.StatusCallback.ShouldBe($"http://localhost:5080/api/v1/public/twilio/messages/{message.Id}/status");
        message.DeliveredAt.ShouldNotBeNull();
        message.BouncedAt.ShouldBeNull();
        message.Error.ShouldBeNull();
        message.ProviderId.ShouldBe(sms.Sid);
        (await OutcomesAsync(admin, message.Id)).ShouldBe(["sent", "delivered"]);
        (await admin.CommunicationsAsync("state=delivered&kind=sms&limit=200")).Items.ShouldContain(m => m.Id == message.Id);
    }

    [Fact]
    public async Task An_undelivered_text_message_is_bounced_with_twilio_s_error_code_and_a_late_or_repeated_callback_changes_nothing()
    {
        var admin = await api.AdminAsync();
        var number = NewNumber();
        api.Twilio.Outcomes[number] = ("undelivered", "30003");

        var (bounced, sms) = await SentAsync(admin, number, m => m.State == "bounced");

        bounced.BounceCode.ShouldBe("30003");
        bounced.Error!.ShouldContain("undelivered");
        bounced.Error!.ShouldContain("30003");
        bounced.BouncedAt.ShouldNotBeNull();
        bounced.DeliveredAt.ShouldBeNull();
        (await OutcomesAsync(admin, bounced.Id)).ShouldBe(["sent", "bounced"]);
        (await admin.CommunicationsAsync("state=bounced&limit=200")).Items.ShouldContain(m => m.Id == bounced.Id);

        // Twilio's callbacks can come late, out of order, or twice: none moves a final status.
        (await api.Twilio.ReportAsync(sms, "sent")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await api.Twilio.ReportAsync(sms, "delivered")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await api.Twilio.ReportAsync(sms, "undelivered", "30003")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var after = await admin.CommunicationAsync(bounced.Id);
        (after.State, after.BounceCode, after.Error, after.BouncedAt, after.DeliveredAt).ShouldBe(("bounced", "30003", bounced.Error, bounced.BouncedAt, null));
        (await OutcomesAsync(admin, bounced.Id)).ShouldBe(["sent", "bounced"]);
    }

    [Fact]
    public async Task A_failed_text_message_is_bounced_too_and_a_delivered_one_is_not_bounced_by_a_failure_reported_after_it()
    {
        var admin = await api.AdminAsync();
        var failing = NewNumber();
        api.Twilio.Outcomes[failing] = ("failed", "30007");
        var delivered = NewNumber();
        api.Twilio.Outcomes[delivered] = ("delivered", null);

        var (failed, _) = await SentAsync(admin, failing, m => m.State == "bounced");
        var (arrived, arrivedSms) = await SentAsync(admin, delivered, m => m.State == "delivered");
        (await api.Twilio.ReportAsync(arrivedSms, "failed", "30007")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        failed.BounceCode.ShouldBe("30007");
        failed.Error!.ShouldContain("failed");
        (await admin.CommunicationAsync(arrived.Id)).State.ShouldBe("delivered");
        (await OutcomesAsync(admin, arrived.Id)).ShouldBe(["sent", "delivered"]);
    }

    [Fact]
    public async Task A_callback_whose_signature_does_not_verify_is_refused_and_changes_nothing()
    {
        var admin = await api.AdminAsync();
        var (message, sms) = await SentAsync(admin, NewNumber());

        var forged = await api.Twilio.ReportAsync(sms, "undelivered", "30003", signingToken: "not-the-auth-token");
        var altered = await api.Twilio.ReportAsync(sms, "delivered", tamper: f => (f["MessageStatus"], f["ErrorCode"]) = ("undelivered", "30005"));
        var elsewhere = await api.Twilio.ReportAsync(sms, "delivered", postTo: sms.StatusCallback!.Replace($"/{message.Id}/", $"/{message.Id + 1}/"));
        var unsigned = await api.Twilio.ReportAsync(sms, "undelivered", "30003", signingToken: null);

        foreach (var refused in new[] { forged, altered, elsewhere, unsigned })
            (await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString()!.ShouldContain("X-Twilio-Signature");
        var after = await admin.CommunicationAsync(message.Id);
        (after.State, after.BounceCode, after.Error, after.DeliveredAt, after.BouncedAt).ShouldBe(("sent", null, null, null, null));
        (await OutcomesAsync(admin, message.Id)).ShouldBe(["sent"]);
    }

    [Fact]
    public async Task A_signed_callback_for_another_message_s_sid_is_a_conflict_and_for_no_message_a_404()
    {
        var admin = await api.AdminAsync();
        var (first, firstSms) = await SentAsync(admin, NewNumber());
        var (_, secondSms) = await SentAsync(admin, NewNumber());

        // Signed for the first message's URL, but about the second message: not what the outbox sent as the first.
        var crossed = await api.Twilio.ReportAsync(secondSms with { StatusCallback = firstSms.StatusCallback }, "undelivered", "30003");
        var missing = await api.Twilio.ReportAsync(firstSms with { StatusCallback = firstSms.StatusCallback!.Replace($"/{first.Id}/", "/999999/") }, "delivered");

        await crossed.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await admin.CommunicationAsync(first.Id)).State.ShouldBe("sent");
    }
}
