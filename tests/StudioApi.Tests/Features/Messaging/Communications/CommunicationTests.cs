using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Messaging.Communications;

public sealed class CommunicationTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    const string Url = CommunicationRequests.Url;

    static string Day(int fromToday) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(fromToday).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_call_past_its_due_date_lights_the_client_s_overdue_call_flag_until_it_is_made()
    {
        var admin = await app.AdminAsync();
        var client = await admin.NewClientAsync("Olivia", MessagingKit.Unique("Overdue"));
        var other = await admin.NewClientAsync("Owen", MessagingKit.Unique("OnTime"));
        var followUp = await admin.CallTypeIdAsync("Follow-up");
        var call = await admin.NewCommunicationAsync(new { kind = "call", clientId = client, callTypeId = followUp, dueDate = Day(-2), subject = "Ask about the album" });
        await admin.NewCommunicationAsync(new { kind = "call", clientId = other, callTypeId = followUp, dueDate = Day(3) });

        call.IsOverdue.ShouldBeTrue();
        call.State.ShouldBeNull();
        call.Status!.Description.ShouldBe("To do");
        (await Flags(admin, client))["hasOverdueCall"]!.GetValue<bool>().ShouldBeTrue();
        (await Flags(admin, other))["hasOverdueCall"]!.GetValue<bool>().ShouldBeFalse();
        var listed = await (await admin.GetAsync($"/api/v1/clients?q={Uri.EscapeDataString("Overdue")}&limit=200")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        listed["items"]!.AsArray().Single(c => c!["id"]!.GetValue<long>() == client)!["flags"]!["hasOverdueCall"]!.GetValue<bool>().ShouldBeTrue();
        (await admin.CommunicationsAsync("kind=call&overdue=true&limit=200")).Items.Select(c => c.Id).ShouldContain(call.Id);

        var made = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"{Url}/{call.Id}", new
        {
            callTypeId = followUp, dueDate = Day(-2), completedAt = DateTimeOffset.UtcNow, subject = "Ask about the album", body = "Wants the 20-page album.",
        }).WithIfMatch("\"1\""));
        (await made.ShouldBeAsync<CommunicationBody>(HttpStatusCode.OK)).IsOverdue.ShouldBeFalse();
        (await Flags(admin, client))["hasOverdueCall"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_communication_is_found_by_words_of_its_subject_and_by_the_address_it_went_to()
    {
        var admin = await app.AdminAsync();
        // Words and a number no other test of this class uses.
        var tag = "qz" + Guid.NewGuid().ToString("N")[..8];
        var local = "7" + Random.Shared.Next(100_000, 999_999);
        var client = await admin.NewClientAsync(new
        {
            firstName = "Zoë", lastName = MessagingKit.Unique("Found"),
            emails = new[] { new { address = $"{tag}.family@inbox.example" } }, phones = new[] { new { number = $"(312) 55{local[..1]}-{local[1..]}", smsCapable = true } },
        });
        var email = await admin.NewCommunicationAsync(new { kind = "email", clientId = client, subject = $"Album proofs for Zoë {tag}", body = "Your proofs are ready." });
        var sms = await admin.NewCommunicationAsync(new { kind = "sms", clientId = client, body = "Your proofs are ready." });
        var call = await admin.NewCommunicationAsync(new { kind = "call", clientId = client, subject = $"Ask {tag} about frames" });

        async Task<long[]> Found(string q) => [.. (await admin.CommunicationsAsync($"q={Uri.EscapeDataString(q)}&limit=200")).Items.Select(c => c.Id)];

        (await Found(tag)).Order().ShouldBe(new[] { email.Id, call.Id }.Order());
        // Every word must match, each as the start of a word, in any case and with accents folded.
        (await Found($"zoe {tag.ToUpperInvariant()}")).ShouldBe([email.Id]);
        (await Found($"{tag} frame")).ShouldBe([call.Id]);
        (await Found($"{tag} roofs")).ShouldBeEmpty();
        // The address it went to: the e-mail address, any run of the phone number's digits, however punctuated.
        (await Found($"{tag}.family@inbox")).ShouldBe([email.Id]);
        (await Found($"55{local[..1]}-{local[1..]}")).ShouldBe([sms.Id]);
        (await Found(local[2..])).ShouldBe([sms.Id]);
        // A search keeps the other filters.
        (await admin.CommunicationsAsync($"q={tag}&kind=call")).Items.Select(c => c.Id).ShouldBe([call.Id]);
    }

    [Fact]
    public async Task A_message_from_a_template_is_rendered_when_queued_and_keeps_its_text_when_the_template_changes()
    {
        var admin = await app.AdminAsync();
        var client = await admin.NewClientAsync("Grace", MessagingKit.Unique("Kept"), email: "grace@example.com");
        var session = await admin.NewSessionAsync(client, Day(20), "10:00", "11:00");
        var template = await admin.NewTemplateAsync(MessagingKit.Unique("Booked"), "Hi {{ client.firstName }}, see you at {{ session.startTimeText }}.",
            subject: "Booked for {{ session.dateText }}");

        var email = await admin.NewCommunicationAsync(new { kind = "email", clientId = client, sessionId = session, templateId = template.Id });

        email.State.ShouldBe("queued");
        email.Address.ShouldBe("grace@example.com");
        email.Body.ShouldBe("Hi Grace, see you at 10:00 AM.");
        email.Subject!.ShouldStartWith("Booked for ");
        email.TemplateId.ShouldBe(template.Id);
        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"{MessagingKit.Templates}/{template.Id}", new
        {
            name = template.Name, kind = "formLetter", recordType = "session", body = "Changed {{ client.lastName }}",
        }).WithIfMatch("\"1\""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.CommunicationAsync(email.Id)).Body.ShouldBe("Hi Grace, see you at 10:00 AM.");

        // What a queued message says can no longer change.
        var edit = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"{Url}/{email.Id}", new { sessionId = session, body = "Something else" }).WithIfMatch("\"1\""));
        await edit.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Opt_outs_unsubscribes_and_missing_addresses_keep_the_message_as_skipped_with_the_reason()
    {
        var admin = await app.AdminAsync();
        var optedOut = await admin.NewClientAsync(new { firstName = "No", lastName = MessagingKit.Unique("Mail"), emailOptOut = true, smsOptOut = true,
            emails = new[] { new { address = "no@example.com" } }, phones = new[] { new { number = "217-555-0101", smsCapable = true } } });
        var unsubscribed = await admin.NewClientAsync(new { firstName = "Gone", lastName = MessagingKit.Unique("Away"), unsubscribed = true,
            emails = new[] { new { address = "gone@example.com" } } });
        var bare = await admin.NewClientAsync("Bare", MessagingKit.Unique("Contact"));

        async Task<string?> SkipOf(string kind, long client) =>
            (await admin.NewCommunicationAsync(new { kind, clientId = client, subject = "Hello", body = "Hello there" })).SkipReason;

        (await SkipOf("email", optedOut)).ShouldBe("emailOptOut");
        (await SkipOf("sms", optedOut)).ShouldBe("smsOptOut");
        (await SkipOf("email", unsubscribed)).ShouldBe("unsubscribed");
        (await SkipOf("email", bare)).ShouldBe("noEmailAddress");
        (await SkipOf("sms", bare)).ShouldBe("noSmsPhone");
        (await SkipOf("letter", bare)).ShouldBe("noPostalAddress");
        var skipped = await admin.CommunicationsAsync($"clientId={bare}&state=skipped");
        skipped.Items.Count.ShouldBe(3);
        skipped.Items.ShouldAllBe(c => c.State == "skipped" && c.QueuedAt != null);
    }

    [Fact]
    public async Task A_completed_email_is_logged_as_it_was_and_the_client_and_session_tabs_list_their_communications()
    {
        var admin = await app.AdminAsync();
        var client = await admin.NewClientAsync("Liam", MessagingKit.Unique("Tabs"), email: "liam@example.com");
        var session = await admin.NewSessionAsync(client, Day(30));
        var received = DateTimeOffset.UtcNow.AddHours(-3);

        var logged = await admin.NewCommunicationAsync(new
        {
            kind = "email", direction = "inbound", mode = "log", clientId = client, sessionId = session, address = "liam@example.com",
            subject = "Can we move to Saturday?", body = "Hi, could we do Saturday instead?", sentAt = received,
        });
        var call = await admin.NewCommunicationAsync(new { kind = "call", direction = "inbound", clientId = client, completedAt = DateTimeOffset.UtcNow, body = "Called about parking." });
        var draft = await admin.NewCommunicationAsync(new { kind = "letter", mode = "draft", clientId = client, sessionId = session, subject = "Welcome", body = "Dear Liam" });

        logged.State.ShouldBe("logged");
        logged.Direction.ShouldBe("inbound");
        logged.SentAt!.Value.ToUnixTimeSeconds().ShouldBe(received.ToUnixTimeSeconds());
        draft.State.ShouldBe("draft");
        (await admin.CommunicationsAsync($"clientId={client}")).Items.Select(c => c.Id).ShouldBe([draft.Id, call.Id, logged.Id]);
        (await admin.CommunicationsAsync($"sessionId={session}")).Items.Select(c => c.Id).ShouldBe([draft.Id, logged.Id]);
        (await admin.CommunicationsAsync($"clientId={client}&kind=email&direction=inbound")).Items.Single().Id.ShouldBe(logged.Id);
    }

    [Fact]
    public async Task A_draft_is_edited_then_sent_and_only_then_checked_against_the_client_s_wishes()
    {
        var admin = await app.AdminAsync();
        var client = await admin.NewClientAsync("Nora", MessagingKit.Unique("Draft"), email: "nora@example.com");
        var draft = await admin.NewCommunicationAsync(new { kind = "email", mode = "draft", clientId = client, subject = "Hello", body = "First try" });

        var edited = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"{Url}/{draft.Id}", new { subject = "Hello Nora", body = "Second try" }).WithIfMatch("\"1\""));
        (await edited.ShouldBeAsync<CommunicationBody>(HttpStatusCode.OK)).Body.ShouldBe("Second try");
        var sent = await (await admin.PostAsync($"{Url}/{draft.Id}/send", null)).ShouldBeAsync<CommunicationBody>(HttpStatusCode.OK);

        sent.State.ShouldBe("queued");
        sent.Address.ShouldBe("nora@example.com");
        // Only a draft or a message that did not go out is sent: not a logged one, not a call.
        var logged = await admin.NewCommunicationAsync(new { kind = "email", mode = "log", clientId = client, subject = "Seen", body = "Already sent from a phone" });
        await (await admin.PostAsync($"{Url}/{logged.Id}/send", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var call = await admin.NewCommunicationAsync(new { kind = "call", clientId = client, dueDate = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd") });
        await (await admin.PostAsync($"{Url}/{call.Id}/send", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("templateAndBody", "body")]
    [InlineData("sessionTemplateWithoutSession", "sessionId")]
    [InlineData("otherClientsSession", "sessionId")]
    [InlineData("inboundQueued", "direction")]
    [InlineData("callWithTemplate", "templateId")]
    [InlineData("emailWithDueDate", "dueDate")]
    [InlineData("unknownClient", "clientId")]
    public async Task A_message_that_cannot_be_made_is_refused_with_the_field_named(string what, string field)
    {
        var admin = await app.AdminAsync();
        var client = await admin.NewClientAsync("Field", MessagingKit.Unique("Errors"), email: "f@example.com");
        var stranger = await admin.NewClientAsync("Stranger", MessagingKit.Unique("Errors"));
        var strangersSession = await admin.NewSessionAsync(stranger, Day(40));
        var template = await admin.NewTemplateAsync(MessagingKit.Unique("Session only"), "{{ session.dateText }}");
        object body = what switch
        {
            "templateAndBody" => new { kind = "email", clientId = client, templateId = template.Id, body = "x", sessionId = (long?)null },
            "sessionTemplateWithoutSession" => new { kind = "email", clientId = client, templateId = template.Id },
            "otherClientsSession" => new { kind = "email", clientId = client, sessionId = strangersSession, body = "x" },
            "inboundQueued" => new { kind = "email", direction = "inbound", clientId = client, body = "x" },
            "callWithTemplate" => new { kind = "call", clientId = client, templateId = template.Id },
            "emailWithDueDate" => new { kind = "email", clientId = client, body = "x", dueDate = Day(1) },
            _ => new { kind = "email", clientId = 987654321, body = "x" },
        };
        var before = (await admin.CommunicationsAsync($"clientId={client}")).Items.Count;

        var response = await admin.PostAsJsonAsync(Url, body);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldContain(field);
        (await admin.CommunicationsAsync($"clientId={client}")).Items.Count.ShouldBe(before);
    }

    [Fact]
    public async Task A_session_s_communications_go_to_the_recycle_bin_with_it_and_come_back_with_it()
    {
        var admin = await app.AdminAsync();
        var client = await admin.NewClientAsync("Session", MessagingKit.Unique("Bin"), email: "bin@example.com");
        var session = await admin.NewSessionAsync(client, Day(50));
        var about = await admin.NewCommunicationAsync(new { kind = "email", mode = "draft", clientId = client, sessionId = session, body = "About the session" });
        var general = await admin.NewCommunicationAsync(new { kind = "email", mode = "draft", clientId = client, body = "Not about it" });

        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/sessions/{session}").WithIfMatch("\"1\""))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetAsync($"{Url}/{about.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"{Url}/{general.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync($"{Url}/{about.Id}/restore", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await admin.PostAsync($"/api/v1/sessions/{session}/restore", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.CommunicationAsync(about.Id)).DeletedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_communication_moves_through_its_workflow_and_a_call_type_in_use_cannot_be_deleted()
    {
        var admin = await app.AdminAsync();
        var client = await admin.NewClientAsync("Flow", MessagingKit.Unique("Status"));
        var type = await (await admin.PostAsJsonAsync("/api/v1/call-types", new { name = MessagingKit.Unique("Survey") })).ShouldBeAsync<JsonObject>(HttpStatusCode.Created);
        var typeId = type["id"]!.GetValue<long>();
        var call = await admin.NewCommunicationAsync(new { kind = "call", clientId = client, callTypeId = typeId, dueDate = Day(1) });

        var changed = await admin.PostAsJsonAsync($"{Url}/{call.Id}/status-changes", new { advance = true });
        changed.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.CommunicationAsync(call.Id)).Status!.Description.ShouldBe("Done");

        var refused = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/call-types/{typeId}").WithIfMatch("\"1\""));
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("callCount").GetInt32().ShouldBe(1);
        var photographer = await app.AsRoleAsync(UserRole.Photographer);
        (await photographer.PostAsJsonAsync(Url, new { kind = "call", clientId = client, dueDate = Day(2) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await photographer.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Url}/{call.Id}").WithIfMatch("\"2\""))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    static async Task<JsonObject> Flags(HttpClient caller, long client) =>
        (await (await caller.GetAsync($"/api/v1/clients/{client}")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK))["flags"]!.AsObject();
}
