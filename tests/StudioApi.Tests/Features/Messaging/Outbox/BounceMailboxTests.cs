using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Features.Messaging.Outbox.Bounces;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Messaging.Outbox;

/// <summary>
/// Bounces that come back after an e-mail was accepted: delivery status notifications (RFC 3464) land in the bounce
/// mailbox, a real POP3 server in the test process, and the app's reader (the Quartz job's work, called directly as
/// the scheduler is off in tests) records them on the e-mail and, for a hard bounce, on the client.
/// </summary>
public sealed class BounceMailboxTests(MessagingApi api) : IClassFixture<MessagingApi>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    const string Url = CommunicationRequests.Url;

    async Task<int> ReadMailboxAsync()
    {
        await using var scope = api.Base.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BounceMailbox>().ReadAsync(CancellationToken.None);
    }

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

    async Task<(long ClientId, string Address, CommunicationBody Sent)> SentEmailAsync(HttpClient admin)
    {
        var address = $"{Guid.NewGuid():N}@example.com";
        var client = await admin.NewClientAsync("Bea", MessagingKit.Unique("Bounce"), email: address);
        var queued = await admin.NewCommunicationAsync(new { kind = "email", clientId = client, subject = "Your proofs", body = "Your proofs are ready." });
        return (client, address, await WhenAsync(admin, queued.Id, m => m.State == "sent", "sent"));
    }

    /// <summary>
    /// A bounce as a mail server writes it (RFC 3464, as Postfix does): a human part, the machine-readable status, and
    /// the returned message's headers (text/rfc822-headers) unless <paramref name="returnHeaders"/> is false.
    /// </summary>
    static string Dsn(string address, string messageId, string status, string diagnostic, string action = "failed", string? envelopeId = null,
        bool returnHeaders = true, string? reportId = null) => $"""
        From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
        To: {MessagingApi.Sender}
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <{reportId ?? Guid.NewGuid().ToString("N")}@mx.example.net>
        Date: Mon, 2 Mar 2026 15:05:00 +0000
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="dsn-boundary"

        --dsn-boundary
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host mx.example.net. I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients.

        --dsn-boundary
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.net
        {(envelopeId is null ? "X-Postfix-Queue-ID: 4BC1D2" : $"Original-Envelope-Id: {envelopeId}")}
        Arrival-Date: Mon, 2 Mar 2026 15:04:58 +0000

        Final-Recipient: rfc822; {address}
        Original-Recipient: rfc822;{address}
        Action: {action}
        Status: {status}
        Remote-MTA: dns; mail.example.com
        Diagnostic-Code: smtp; {diagnostic}

        {(returnHeaders ? $"""
        --dsn-boundary
        Content-Type: text/rfc822-headers

        Message-ID: <{messageId}>
        From: "Lakeside Portraits" <{MessagingApi.Sender}>
        To: {address}
        Subject: Your proofs

        """ : "")}
        --dsn-boundary--
        """;

    const string UserUnknown = "550 5.1.1 <someone@example.com>: Recipient address rejected: User unknown in virtual mailbox table";

    [Fact]
    public async Task A_hard_bounce_marks_the_email_bounced_with_its_reason_and_flags_the_client_s_address_until_staff_clear_it()
    {
        var admin = await api.AdminAsync();
        var (client, address, sent) = await SentEmailAsync(admin);
        var other = api.Bounces.Deliver($"From: someone@example.org\nTo: {MessagingApi.Sender}\nSubject: Out of office\nMessage-ID: <{Guid.NewGuid():N}@example.org>\n\nBack on Monday.\n");
        var bounce = api.Bounces.Deliver(Dsn(address, sent.MessageId!, "5.1.1", UserUnknown));

        (await ReadMailboxAsync()).ShouldBe(1);

        var bounced = await admin.CommunicationAsync(sent.Id);
        (bounced.State, bounced.BounceCode).ShouldBe(("bounced", "5.1.1"));
        bounced.Error!.ShouldContain("User unknown");
        bounced.BouncedAt.ShouldNotBeNull();
        (await OutcomesAsync(admin, sent.Id)).ShouldBe(["sent", "bounced"]);
        (await admin.CommunicationsAsync($"clientId={client}&state=bounced")).Items.ShouldHaveSingleItem().Id.ShouldBe(sent.Id);
        var read = await admin.GetAsync($"/api/v1/clients/{client}");
        var etag = read.Headers.ETag!.ToString();
        var flagged = await read.ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        flagged["emailBounce"]!["address"]!.GetValue<string>().ShouldBe(address);
        flagged["emailBounce"]!["reason"]!.GetValue<string>().ShouldStartWith("5.1.1 (smtp; 550 5.1.1");
        api.Bounces.Uids.ShouldContain(other); // other mail is left alone
        api.Bounces.Uids.ShouldNotContain(bounce); // the bounce is taken out of the mailbox

        // The next e-mail to that address is not sent, and says why.
        var next = await admin.NewCommunicationAsync(new { kind = "email", clientId = client, subject = "Reminder", body = "x" });
        (next.State, next.SkipReason).ShouldBe(("skipped", "emailBounced"));
        api.Smtp.To(address).Count.ShouldBe(1);

        // The client fixed their mailbox: staff clear the flag, and e-mail goes again.
        var cleared = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/clients/{client}", new
        {
            firstName = "Bea", lastName = flagged["lastName"]!.GetValue<string>(), emailBounced = false,
            emails = new[] { new { address, isPrimary = true } },
        }).WithIfMatch(etag));
        (await cleared.ShouldBeAsync<JsonObject>(HttpStatusCode.OK))["emailBounce"].ShouldBeNull();
        var again = await admin.NewCommunicationAsync(new { kind = "email", clientId = client, subject = "Reminder", body = "x" });
        await WhenAsync(admin, again.Id, m => m.State == "sent", "sent");
    }

    [Fact]
    public async Task A_bounce_read_a_second_time_changes_nothing()
    {
        var admin = await api.AdminAsync();
        var (client, address, sent) = await SentEmailAsync(admin);
        var dsn = Dsn(address, sent.MessageId!, "5.1.1", UserUnknown, reportId: $"replay-{Guid.NewGuid():N}");
        var firstCopy = api.Bounces.Deliver(dsn);
        (await ReadMailboxAsync()).ShouldBe(1);
        var first = await admin.CommunicationAsync(sent.Id);
        var clientVersion = (await (await admin.GetAsync($"/api/v1/clients/{client}")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK))["version"]!.GetValue<int>();

        var secondCopy = api.Bounces.Deliver(dsn); // the mail system sends it again (or a crash left it in the mailbox)
        api.Clock.Advance(TimeSpan.FromMinutes(10));
        (await ReadMailboxAsync()).ShouldBe(0);

        var after = await admin.CommunicationAsync(sent.Id);
        (after.State, after.BouncedAt, after.Error, after.Version).ShouldBe((first.State, first.BouncedAt, first.Error, first.Version));
        (await OutcomesAsync(admin, sent.Id)).ShouldBe(["sent", "bounced"]);
        (await (await admin.GetAsync($"/api/v1/clients/{client}")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK))["version"]!.GetValue<int>().ShouldBe(clientVersion);
        api.Bounces.Uids.ShouldNotContain(firstCopy);
        api.Bounces.Uids.ShouldNotContain(secondCopy);
    }

    [Fact]
    public async Task A_soft_bounce_named_only_by_its_envelope_id_bounces_the_email_without_flagging_the_address_and_a_delay_changes_nothing()
    {
        var admin = await api.AdminAsync();
        var (softClient, softAddress, soft) = await SentEmailAsync(admin);
        var (_, delayedAddress, delayed) = await SentEmailAsync(admin);
        var reports = new[]
        {
            api.Bounces.Deliver(Dsn(softAddress, "ignored@x", "4.2.2", "552 4.2.2 Mailbox full", envelopeId: soft.MessageId, returnHeaders: false)),
            api.Bounces.Deliver(Dsn(delayedAddress, delayed.MessageId!, "4.4.1", "connect to mail.example.com: Connection timed out", action: "delayed")),
            api.Bounces.Deliver(Dsn("stranger@example.com", "not-ours@elsewhere.example", "5.1.1", UserUnknown)),
        };

        (await ReadMailboxAsync()).ShouldBe(1);

        var bounced = await admin.CommunicationAsync(soft.Id);
        (bounced.State, bounced.BounceCode).ShouldBe(("bounced", "4.2.2"));
        bounced.Error!.ShouldContain("Mailbox full");
        (await (await admin.GetAsync($"/api/v1/clients/{softClient}")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK))["emailBounce"].ShouldBeNull();
        (await admin.CommunicationAsync(delayed.Id)).State.ShouldBe("sent");
        api.Bounces.Uids.ShouldNotContain(u => reports.Contains(u)); // every report is taken out, whether it changed anything or not
    }

    [Fact]
    public async Task A_bounce_settles_an_uncertain_email_the_mail_server_had_taken()
    {
        var admin = await api.AdminAsync();
        var address = $"{Guid.NewGuid():N}@example.com";
        var client = await admin.NewClientAsync("Una", MessagingKit.Unique("Certain"), email: address);
        var queued = await admin.NewCommunicationAsync(new { kind = "email", clientId = client, subject = $"Invoice {MessagingApi.CrashAfterAccept}", body = "x" });
        var uncertain = await WhenAsync(admin, queued.Id, m => m.State == "uncertain", "uncertain");
        api.Bounces.Deliver(Dsn(address, uncertain.MessageId!, "5.1.1", UserUnknown));

        (await ReadMailboxAsync()).ShouldBe(1);

        var settled = await admin.CommunicationAsync(queued.Id);
        (settled.State, settled.BounceCode).ShouldBe(("bounced", "5.1.1"));
        settled.Error!.ShouldContain("User unknown");
        (await OutcomesAsync(admin, queued.Id)).ShouldBe(["uncertain", "bounced"]);
    }
}
