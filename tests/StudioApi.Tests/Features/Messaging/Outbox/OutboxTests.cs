using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Messaging;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace StudioApi.Tests.Features.Messaging.Outbox;

public sealed class OutboxTests(MessagingApi api) : IClassFixture<MessagingApi>
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

    [Fact]
    public async Task A_queued_email_reaches_the_mail_server_once_with_its_recorded_message_id_and_a_one_click_unsubscribe()
    {
        var admin = await api.AdminAsync();
        var address = $"{Guid.NewGuid():N}@example.com";
        var client = await admin.NewClientAsync("Ava", MessagingKit.Unique("Mail"), email: address);

        var queued = await admin.NewCommunicationAsync(new { kind = "email", clientId = client, subject = "Your proofs", body = "Your proofs are ready, Ava." });
        var sent = await WhenAsync(admin, queued.Id, m => m.State == "sent", "sent");

        var received = api.Smtp.To(address).ShouldHaveSingleItem();
        received.MessageId.ShouldBe(sent.MessageId);
        received.From.Mailboxes.Single().ToString().ShouldBe($"\"Lakeside Portraits\" <{MessagingApi.Sender}>");
        received.Subject.ShouldBe("Your proofs");
        received.TextBody!.Trim().ShouldBe("Your proofs are ready, Ava.");
        received.Headers["List-Unsubscribe"]!.ShouldMatch($@"^<http://localhost:5080/api/v1/public/unsubscribe\?client={client}&sig=[A-Za-z0-9_-]+>$");
        received.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        sent.SentAt.ShouldNotBeNull();
        sent.Attempts.ShouldBe(1);
        var attempts = await (await admin.GetAsync($"{Url}/{queued.Id}/attempts")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        attempts["items"]!.AsArray().Single()!["outcome"]!.GetValue<string>().ShouldBe("sent");
    }

    [Fact]
    public async Task An_html_email_from_a_template_goes_out_as_html_with_its_merged_values_encoded()
    {
        var admin = await api.AdminAsync();
        var address = $"{Guid.NewGuid():N}@example.com";
        var client = await admin.NewClientAsync("<Zoe>", MessagingKit.Unique("Html"), email: address);
        var template = await admin.NewTemplateAsync(MessagingKit.Unique("Html mail"), "<html><body><h1>Hi {{ client.firstName }}</h1></body></html>",
            recordType: "client", kind: "htmlEmail", subject: "Hello {{ client.firstName }}");

        var queued = await admin.NewCommunicationAsync(new { kind = "email", clientId = client, templateId = template.Id });
        await WhenAsync(admin, queued.Id, m => m.State == "sent", "sent");

        var received = api.Smtp.To(address).ShouldHaveSingleItem();
        received.HtmlBody!.ShouldContain("<h1>Hi &lt;Zoe&gt;</h1>");
        received.Subject.ShouldBe("Hello <Zoe>");
    }

    [Fact]
    public async Task A_mail_server_that_is_down_is_retried_after_a_growing_backoff_with_the_error_visible_until_it_is_back()
    {
        var admin = await api.AdminAsync();
        var address = $"{Guid.NewGuid():N}@example.com";
        var client = await admin.NewClientAsync("Retry", MessagingKit.Unique("Later"), email: address);
        await api.ConfigureAsync(s => s.SmtpPort = SmtpCatcher.FreePort());
        try
        {
            var queued = await admin.NewCommunicationAsync(new { kind = "email", clientId = client, subject = "Later", body = "Try again" });
            var failed = await WhenAsync(admin, queued.Id, m => m.Attempts == 1 && m.LastError is not null && m.NextAttemptAt is not null, "retrying");
            failed.State.ShouldBeOneOf("queued", "sending");
            (failed.NextAttemptAt!.Value - api.Clock.GetUtcNow()).TotalSeconds.ShouldBe(10, tolerance: 1);

            api.Clock.Advance(TimeSpan.FromSeconds(11));
            var second = await WhenAsync(admin, queued.Id, m => m.Attempts == 2 && m.NextAttemptAt is not null, "retried");
            (second.NextAttemptAt!.Value - api.Clock.GetUtcNow()).TotalSeconds.ShouldBe(20, tolerance: 1);

            await api.ConfigureAsync(_ => { });
            api.Clock.Advance(TimeSpan.FromSeconds(21));
            var sent = await WhenAsync(admin, queued.Id, m => m.State == "sent", "sent");
            sent.Attempts.ShouldBe(3);
            sent.LastError.ShouldBeNull();
            api.Smtp.To(address).Count.ShouldBe(1);
            var attempts = await (await admin.GetAsync($"{Url}/{queued.Id}/attempts")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
            attempts["items"]!.AsArray().Select(a => a!["outcome"]!.GetValue<string>()).ShouldBe(["retrying", "retrying", "sent"]);
        }
        finally
        {
            await api.ConfigureAsync(_ => { });
        }
    }

    [Fact]
    public async Task A_message_that_cannot_go_out_at_all_fails_at_once_with_the_reason()
    {
        var admin = await api.AdminAsync();
        var client = await admin.NewClientAsync("No", MessagingKit.Unique("Sender"), email: $"{Guid.NewGuid():N}@example.com");
        await api.ConfigureAsync(s => s.SenderEmail = null);
        try
        {
            var queued = await admin.NewCommunicationAsync(new { kind = "email", clientId = client, subject = "x", body = "x" });
            var failed = await WhenAsync(admin, queued.Id, m => m.State == "failed", "failed");
            failed.Error!.ShouldContain("sender");
            failed.Attempts.ShouldBe(1);
            (await admin.CommunicationsAsync("state=failed&limit=200")).Items.ShouldContain(m => m.Id == queued.Id);
        }
        finally
        {
            await api.ConfigureAsync(_ => { });
        }
    }

    [Fact]
    public async Task A_message_found_sending_after_a_crash_is_sent_once_when_it_had_not_been_handed_over_and_never_again_when_it_had()
    {
        var admin = await api.AdminAsync();
        var before = $"{Guid.NewGuid():N}@example.com";
        var after = $"{Guid.NewGuid():N}@example.com";
        var notHanded = await CrashedAsync(admin, before, handedOver: false);
        var handed = await CrashedAsync(admin, after, handedOver: true);

        var sent = await WhenAsync(admin, notHanded, m => m.State == "sent", "sent");
        var uncertain = await WhenAsync(admin, handed, m => m.State == "uncertain", "uncertain");

        api.Smtp.To(before).ShouldHaveSingleItem().MessageId.ShouldBe($"crashed-{notHanded}@lakeside.example");
        sent.MessageId.ShouldBe($"crashed-{notHanded}@lakeside.example");
        api.Smtp.To(after).ShouldBeEmpty();
        uncertain.Error!.ShouldContain("may have arrived");

        // A person decides to send it again: it goes once more, with the same Message-Id so a mailbox can tell a repeat.
        (await admin.PostAsync($"{Url}/{handed}/send", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await WhenAsync(admin, handed, m => m.State == "sent", "sent again");
        api.Smtp.To(after).ShouldHaveSingleItem().MessageId.ShouldBe($"crashed-{handed}@lakeside.example");
    }

    [Fact]
    public async Task A_send_cut_off_after_the_server_took_the_email_is_never_sent_a_second_time()
    {
        var admin = await api.AdminAsync();
        var address = $"{Guid.NewGuid():N}@example.com";
        var client = await admin.NewClientAsync("Cut", MessagingKit.Unique("Off"), email: address);

        var queued = await admin.NewCommunicationAsync(new { kind = "email", clientId = client, subject = $"Invoice {MessagingApi.CrashAfterAccept}", body = "x" });
        var uncertain = await WhenAsync(admin, queued.Id, m => m.State == "uncertain", "uncertain");
        api.Clock.Advance(TimeSpan.FromHours(2));
        await Task.Delay(500); // pollers pass over it: nothing may send it again

        api.Smtp.To(address).ShouldHaveSingleItem().MessageId.ShouldBe(uncertain.MessageId);
        (await admin.CommunicationAsync(queued.Id)).State.ShouldBe("uncertain");
    }

    [Fact]
    public async Task A_client_who_opted_out_after_the_message_was_queued_is_not_sent_it_and_the_reason_is_kept()
    {
        var admin = await api.AdminAsync();
        var address = $"{Guid.NewGuid():N}@example.com";
        var client = await admin.NewClientAsync(new { firstName = "Late", lastName = MessagingKit.Unique("OptOut"), emailOptOut = true, emails = new[] { new { address } } });
        var id = await api.Base.WithDbAsync(async db =>
        {
            // Queued while the client still wanted e-mail; the opt-out came before the outbox got to it.
            var message = new Communication { Kind = CommunicationKind.Email, ClientId = client, Subject = "x", Body = "x", Address = address, State = DeliveryState.Queued, QueuedAt = DateTime.UtcNow };
            db.Communications.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
        api.Base.Services.GetService(typeof(StudioApi.Features.Messaging.Outbox.OutboxSignal)).ShouldBeOfType<StudioApi.Features.Messaging.Outbox.OutboxSignal>().Wake();

        var skipped = await WhenAsync(admin, id, m => m.State == "skipped", "skipped");

        skipped.SkipReason.ShouldBe("emailOptOut");
        api.Smtp.To(address).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_text_message_goes_to_twilio_in_e164_and_an_invalid_number_fails_with_twilio_s_reason()
    {
        var admin = await api.AdminAsync();
        var client = await admin.NewClientAsync("Sam", MessagingKit.Unique("Sms"), phone: "(217) 555-0142");
        var bad = await admin.NewClientAsync("Bad", MessagingKit.Unique("Number"), phone: "555-0000");
        api.Twilio.FailNumbers.Add("+5550000");

        var queued = await admin.NewCommunicationAsync(new { kind = "sms", clientId = client, body = "Your session is tomorrow at 10:00." });
        var refused = await admin.NewCommunicationAsync(new { kind = "sms", clientId = bad, body = "Hello" });
        var sent = await WhenAsync(admin, queued.Id, m => m.State == "sent", "sent");
        var failed = await WhenAsync(admin, refused.Id, m => m.State == "failed", "failed");

        var sms = api.Twilio.Messages.Single(m => m.Sid == sent.ProviderId);
        (sms.To, sms.From, sms.Body).ShouldBe(("+12175550142", MessagingApi.StudioNumber, "Your session is tomorrow at 10:00."));
        failed.Error!.ShouldContain("21211");
        failed.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task A_text_message_found_handed_over_after_a_crash_is_looked_up_at_twilio_and_not_sent_twice()
    {
        var admin = await api.AdminAsync();
        var client = await admin.NewClientAsync("Twice", MessagingKit.Unique("Never"), phone: "(217) 555-0177");
        var delivered = api.Twilio.Seed("+12175550177", MessagingApi.StudioNumber, "Already through");
        var through = await CrashedAsync(admin, "+12175550177", handedOver: true, kind: CommunicationKind.Sms, body: "Already through", clientId: client);
        var lost = await CrashedAsync(admin, "+12175550177", handedOver: true, kind: CommunicationKind.Sms, body: "Never arrived", clientId: client);

        var found = await WhenAsync(admin, through, m => m.State == "sent", "found");
        var resent = await WhenAsync(admin, lost, m => m.State == "sent", "resent");

        found.ProviderId.ShouldBe(delivered.Sid);
        api.Twilio.Messages.Count(m => m.Body == "Already through").ShouldBe(1);
        api.Twilio.Messages.Count(m => m.Body == "Never arrived").ShouldBe(1);
        resent.ProviderId.ShouldBe(api.Twilio.Messages.Single(m => m.Body == "Never arrived").Sid);
        var attempts = await (await admin.GetAsync($"{Url}/{through}/attempts")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        attempts["items"]!.AsArray().Single()!["outcome"]!.GetValue<string>().ShouldBe("foundDelivered");
    }

    [Fact]
    public async Task A_letter_becomes_a_pdf_in_the_print_queue_that_is_downloaded_and_marked_printed()
    {
        var admin = await api.AdminAsync();
        var client = await admin.NewClientAsync(new
        {
            firstName = "Lena", lastName = MessagingKit.Unique("Letter"),
            addresses = new[] { new { isPrimary = true, address = new { line1 = "12 Oak Lane", city = "Springfield", region = "IL", postalCode = "62704", country = "US" } } },
        });
        var text = string.Join("\n\n", Enumerable.Range(1, 40).Select(i => $"Paragraph {i}: thank you for choosing our studio for your family portraits this autumn."));

        var queued = await admin.NewCommunicationAsync(new { kind = "letter", clientId = client, subject = "Thank you", body = text });
        await WhenAsync(admin, queued.Id, m => m.State == "sent", "in the print queue");

        var queue = await (await admin.GetAsync("/api/v1/print-jobs?printed=false&limit=200")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        var job = queue["items"]!.AsArray().Single(j => j!["communicationId"]?.GetValue<long>() == queued.Id)!;
        job["pages"]!.GetValue<int>().ShouldBeGreaterThan(1);
        var pdf = await admin.GetAsync(job["pdfUrl"]!.GetValue<string>());
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var all = string.Join(" ", document.GetPages().Select(p => p.Text));
            all.ShouldContain("12 Oak Lane");
            all.ShouldContain("Thank you");
            all.ShouldContain("Paragraph 40:");
        }
        var printed = await (await admin.PostAsync($"/api/v1/print-jobs/{job["id"]}/printed", null)).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        printed["printedAt"].ShouldNotBeNull();
        queue = await (await admin.GetAsync("/api/v1/print-jobs?printed=false&limit=200")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        queue["items"]!.AsArray().ShouldNotContain(j => j!["id"]!.GetValue<long>() == job["id"]!.GetValue<long>());
        (await admin.PostAsync($"/api/v1/print-jobs/{job["id"]}/printed", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_email_about_a_session_carries_its_confirmation_and_contact_sheet_made_when_queued_and_a_purge_takes_them_away()
    {
        var admin = await api.AdminAsync();
        var address = $"{Guid.NewGuid():N}@example.com";
        var client = await admin.NewClientAsync("Atta", MessagingKit.Unique("Chment"), email: address);
        var session = await admin.NewSessionAsync(client, "2026-07-07", "10:00", "11:00");

        var queued = await admin.NewCommunicationAsync(new
        {
            kind = "email", clientId = client, sessionId = session, subject = "Your session", body = "Details attached.",
            attachments = new[] { "sessionConfirmation", "contactSheet" },
        });
        await WhenAsync(admin, queued.Id, m => m.State == "sent", "sent");

        var received = api.Smtp.To(address).ShouldHaveSingleItem();
        var parts = received.Attachments.OfType<MimeKit.MimePart>().ToList();
        parts.Select(p => (p.FileName, p.ContentType.MimeType)).ShouldBe([("session-confirmation.html", "text/html"), ("contact-sheet.jpg", "image/jpeg")]);
        using (var html = new MemoryStream())
        {
            await parts[0].Content!.DecodeToAsync(html);
            System.Text.Encoding.UTF8.GetString(html.ToArray()).ShouldContain("Session confirmation");
        }
        var stored = await api.Base.WithDbAsync(db => db.Communications.Where(c => c.Id == queued.Id).SelectMany(c => c.Attachments.Select(a => a.StorageKey)).ToListAsync());
        stored.Count.ShouldBe(2);
        stored.ShouldAllBe(key => File.Exists(Path.Combine(api.Base.DataDirectory, "files", key)));

        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/sessions/{session}").WithIfMatch("\"1\""))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.PostAsync($"/api/v1/sessions/{session}/purge", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetAsync($"{Url}/{queued.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var key in stored)
            File.Exists(Path.Combine(api.Base.DataDirectory, "files", key)).ShouldBeFalse(key);
    }

    [Fact]
    public async Task A_template_is_test_sent_to_an_address_at_once_and_a_failure_is_answered_with_its_reason()
    {
        var admin = await api.AdminAsync();
        var address = $"{Guid.NewGuid():N}@example.com";
        var template = await admin.NewTemplateAsync(MessagingKit.Unique("Test me"), "Hello {{ client.firstName }}", recordType: "client", subject: "Hi {{ client.firstName }}");

        var sent = await (await admin.PostAsJsonAsync($"{MessagingKit.Templates}/{template.Id}/test-send", new { channel = "email", address }))
            .ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        sent["delivered"]!.GetValue<bool>().ShouldBeTrue();
        var received = api.Smtp.To(address).ShouldHaveSingleItem();
        received.Subject.ShouldBe("[Test] Hi Jane");
        received.TextBody!.Trim().ShouldBe("Hello Jane");

        await api.ConfigureAsync(s => s.SmtpPort = SmtpCatcher.FreePort());
        try
        {
            var down = await (await admin.PostAsJsonAsync($"{MessagingKit.Templates}/{template.Id}/test-send", new { channel = "email", address }))
                .ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
            down["delivered"]!.GetValue<bool>().ShouldBeFalse();
            down["error"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        }
        finally
        {
            await api.ConfigureAsync(_ => { });
        }
        var text = await (await admin.PostAsJsonAsync($"{MessagingKit.Templates}/{template.Id}/test-send", new { channel = "sms", address = "217-555-0123" }))
            .ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        text["delivered"]!.GetValue<bool>().ShouldBeTrue();
        api.Twilio.Messages.ShouldContain(m => m.To == "+12175550123" && m.Body == "Hello Jane");
    }

    /// <summary>A message left as a crash leaves it: sending, its id recorded, handed over or not, no lease (its server is gone).</summary>
    async Task<long> CrashedAsync(HttpClient admin, string address, bool handedOver, CommunicationKind kind = CommunicationKind.Email,
        string body = "Left mid-send", long? clientId = null)
    {
        var client = clientId ?? await admin.NewClientAsync("Crash", MessagingKit.Unique("Victim"), email: address);
        var id = await api.Base.WithDbAsync(async db =>
        {
            // One transaction: the outbox's poll must not find the row before it carries its Message-Id (it would send
            // it as a new message, with an id of its own).
            await using var transaction = await db.Database.BeginTransactionAsync();
            var message = new Communication
            {
                Kind = kind, ClientId = client, Subject = "Left mid-send", Body = body, Address = address, State = DeliveryState.Sending,
                QueuedAt = DateTime.UtcNow, HandedOverAt = handedOver ? api.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1) : null,
            };
            db.Communications.Add(message);
            await db.SaveChangesAsync();
            message.MessageId = $"crashed-{message.Id}@lakeside.example";
            message.Delivery.Attempts = 1;
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return message.Id;
        });
        api.Base.Services.GetService(typeof(StudioApi.Features.Messaging.Outbox.OutboxSignal)).ShouldBeOfType<StudioApi.Features.Messaging.Outbox.OutboxSignal>().Wake();
        return id;
    }
}
