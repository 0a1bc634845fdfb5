using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StudioApi.Tests.Features.Clients.Tasks;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Messaging.Triggers;

public sealed class TriggerTests(MessagingApi api) : IClassFixture<MessagingApi>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60); // an upper bound: a loaded CI machine runs the sweep late, never wrongly

    async Task<long> SessionTypeAsync(HttpClient admin) =>
        (await (await admin.PostAsJsonAsync("/api/v1/session-types", new { name = MessagingKit.Unique("Trigger type"), style = "portrait", defaultLengthMinutes = 60 }))
            .ShouldBeAsync<JsonObject>(HttpStatusCode.Created))["id"]!.GetValue<long>();

    async Task<List<FiringBody>> FiringsAsync(HttpClient admin, long trigger, long record, int atLeast = 1) =>
        await Eventually.ValueAsync(async () =>
        {
            var found = (await admin.HistoryAsync(trigger)).Where(f => f.RecordId == record).ToList();
            return found.Count >= atLeast ? found : null;
        }, Patience, () => $"Trigger {trigger} never fired for record {record}.");

    [Fact]
    public async Task A_status_trigger_fires_once_per_change_to_its_status_with_its_messages_and_task_and_never_for_changes_before_it_was_active()
    {
        await api.QuietAsync();
        var admin = await api.AdminAsync();
        var type = await SessionTypeAsync(admin);
        var proofs = await admin.StatusIdAsync("session", "Proofs Ready");
        var template = await admin.NewTemplateAsync(MessagingKit.Unique("Proofs"), "Hi {{ client.firstName }}, your proofs from {{ session.dateText }} are ready.",
            subject: "Proofs ready");
        var retouch = await admin.TaskTypeIdAsync("Retouch Request");
        var address = $"{Guid.NewGuid():N}@example.com";
        var client = await admin.NewClientAsync("Pia", MessagingKit.Unique("Proofs"), email: address);
        var early = await admin.NewSessionAsync(client, "2026-06-01", extra: new { sessionTypeId = type });
        var session = await admin.NewSessionAsync(client, "2026-06-02", extra: new { sessionTypeId = type });
        // A change before the trigger exists.
        (await admin.PostAsJsonAsync($"/api/v1/sessions/{early}/status-changes", new { statusId = proofs })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var trigger = await admin.NewTriggerAsync(new
        {
            name = MessagingKit.Unique("Proofs ready"), recordKind = "session", @event = "statusChange", statusId = proofs, typeIds = new[] { type },
            actions = new object[] { new { kind = "email", templateId = template.Id }, new { kind = "task", taskTypeId = retouch, title = "Check the proofs", dueInDays = 2 } },
        });
        var id = trigger["id"]!.GetValue<long>();
        (await admin.PostAsJsonAsync($"/api/v1/sessions/{session}/status-changes", new { statusId = proofs })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var firing = (await FiringsAsync(admin, id, session)).ShouldHaveSingleItem();
        firing.Outcome.ShouldBe("fired");
        firing.Occurrence.ShouldStartWith("log:");
        firing.Detail.ShouldContain("email");
        firing.Detail.ShouldContain("task");
        await Eventually.TrueAsync(async () => api.Smtp.To(address).Count == 1, Patience, "the proofs e-mail");
        api.Smtp.To(address).Single().TextBody!.ShouldContain("Hi Pia, your proofs from Tuesday, June 2, 2026 are ready.");
        var tasks = await (await admin.GetAsync($"/api/v1/tasks?sessionId={session}")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        tasks["items"]!.AsArray().Single()!["title"]!.GetValue<string>().ShouldBe("Check the proofs");
        (await admin.HistoryAsync(id)).ShouldNotContain(f => f.RecordId == early);
        await api.QuietAsync();
    }

    [Fact]
    public async Task A_creation_trigger_makes_a_follow_up_call_and_a_condition_that_fails_is_recorded_as_skipped_with_the_reason()
    {
        await api.QuietAsync();
        var admin = await api.AdminAsync();
        var school = (await (await admin.PostAsJsonAsync("/api/v1/organizations", new { name = MessagingKit.Unique("School"), code = $"T{Guid.NewGuid():N}"[..10] }))
            .ShouldBeAsync<JsonObject>(HttpStatusCode.Created))["id"]!.GetValue<long>();
        var followUp = await admin.CallTypeIdAsync("Follow-up");
        var trigger = await admin.NewTriggerAsync(new
        {
            name = MessagingKit.Unique("New students"), recordKind = "client", @event = "creation", conditionOrganizationId = school,
            actions = new[] { new { kind = "call", callTypeId = followUp, title = "Welcome call", dueInDays = 3 } },
        });
        var id = trigger["id"]!.GetValue<long>();

        var student = await admin.NewClientAsync(new { firstName = "Stu", lastName = MessagingKit.Unique("Dent"), student = new { organizationId = school, studentId = "S1" } });
        var adult = await admin.NewClientAsync("Ada", MessagingKit.Unique("Adult"));

        (await FiringsAsync(admin, id, student)).ShouldHaveSingleItem().Outcome.ShouldBe("fired");
        var skipped = (await FiringsAsync(admin, id, adult)).ShouldHaveSingleItem();
        skipped.Outcome.ShouldBe("skipped");
        skipped.Detail.ShouldContain("organization");
        var call = (await admin.CommunicationsAsync($"clientId={student}&kind=call")).Items.ShouldHaveSingleItem();
        call.Subject.ShouldBe("Welcome call");
        call.DueDate.ShouldBe(DateOnly.FromDateTime(api.Clock.GetUtcNow().UtcDateTime).AddDays(3));
        (await admin.CommunicationsAsync($"clientId={adult}")).Items.ShouldBeEmpty();
        await api.QuietAsync();
    }

    [Fact]
    public async Task A_date_trigger_in_the_hour_clocks_skip_at_spring_forward_fires_once_when_they_jump_and_another_at_nine_fires_once()
    {
        await api.QuietAsync();
        await api.SetTimeZoneAsync("America/Chicago");
        api.At("2026-03-07T12:00:00Z");
        var admin = await api.AdminAsync();
        var type = await SessionTypeAsync(admin);
        var client = await admin.NewClientAsync("Dana", MessagingKit.Unique("Spring"));
        var session = await admin.NewSessionAsync(client, "2026-03-09", "10:00", "11:00", new { sessionTypeId = type });
        long Trigger(JsonObject t) => t["id"]!.GetValue<long>();
        var night = Trigger(await admin.NewTriggerAsync(new
        {
            name = MessagingKit.Unique("02:30 the day before"), recordKind = "session", @event = "date", dateField = "sessionDate", offsetDays = -1,
            timeOfDay = "02:30", typeIds = new[] { type }, actions = new[] { new { kind = "call", title = "Night call" } },
        }));
        var morning = Trigger(await admin.NewTriggerAsync(new
        {
            name = MessagingKit.Unique("09:00 the day before"), recordKind = "session", @event = "date", dateField = "sessionDate", offsetDays = -1,
            timeOfDay = "09:00", typeIds = new[] { type }, actions = new[] { new { kind = "call", title = "Morning call" } },
        }));

        // 2026-03-08 in Chicago: 02:00 CST jumps to 03:00 CDT (08:00 UTC); 02:30 never happens.
        foreach (var at in new[] { "2026-03-08T06:00:00Z", "2026-03-08T07:59:00Z" })
        {
            api.At(at);
            await api.SweepAsync();
        }
        (await admin.HistoryAsync(night)).ShouldNotContain(f => f.RecordId == session);
        foreach (var at in new[] { "2026-03-08T08:00:00Z", "2026-03-08T08:01:00Z", "2026-03-08T09:30:00Z", "2026-03-08T13:59:00Z" })
        {
            api.At(at);
            await api.SweepAsync();
        }
        var fired = (await admin.HistoryAsync(night)).Where(f => f.RecordId == session).ShouldHaveSingleItem();
        fired.DueAt.ShouldBe(DateTimeOffset.Parse("2026-03-08T08:00:00Z"));
        fired.Occurrence.ShouldBe("date:2026-03-09");
        (await admin.HistoryAsync(morning)).ShouldNotContain(f => f.RecordId == session);

        foreach (var at in new[] { "2026-03-08T14:00:00Z", "2026-03-08T20:00:00Z", "2026-03-09T14:00:00Z" })
        {
            api.At(at);
            await api.SweepAsync();
        }
        (await admin.HistoryAsync(morning)).Where(f => f.RecordId == session).ShouldHaveSingleItem().DueAt.ShouldBe(DateTimeOffset.Parse("2026-03-08T14:00:00Z"));
        (await admin.HistoryAsync(night)).Count(f => f.RecordId == session).ShouldBe(1);
        (await admin.CommunicationsAsync($"clientId={client}&kind=call")).Items.Select(c => c.Subject).ShouldBe(["Morning call", "Night call"], ignoreOrder: true);
        await api.QuietAsync();
    }

    [Fact]
    public async Task A_date_trigger_in_the_hour_clocks_repeat_at_fall_back_fires_at_the_first_one_and_never_again()
    {
        await api.QuietAsync();
        await api.SetTimeZoneAsync("America/Chicago");
        api.At("2026-10-30T12:00:00Z");
        var admin = await api.AdminAsync();
        var type = await SessionTypeAsync(admin);
        var client = await admin.NewClientAsync("Fay", MessagingKit.Unique("Fall"));
        var session = await admin.NewSessionAsync(client, "2026-11-02", "10:00", "11:00", new { sessionTypeId = type });
        var trigger = (await admin.NewTriggerAsync(new
        {
            name = MessagingKit.Unique("01:30 the day before"), recordKind = "session", @event = "date", dateField = "sessionDate", offsetDays = -1,
            timeOfDay = "01:30", typeIds = new[] { type }, actions = new[] { new { kind = "call", title = "Fall-back call" } },
        }))["id"]!.GetValue<long>();

        // 2026-11-01 in Chicago: 01:30 CDT is 06:30 UTC; at 07:00 UTC (02:00 CDT) clocks go back, so 01:30 CST (07:30 UTC) comes again.
        foreach (var at in new[] { "2026-11-01T06:29:00Z" })
        {
            api.At(at);
            await api.SweepAsync();
        }
        (await admin.HistoryAsync(trigger)).ShouldNotContain(f => f.RecordId == session);
        foreach (var at in new[] { "2026-11-01T06:30:00Z", "2026-11-01T06:45:00Z", "2026-11-01T07:30:00Z", "2026-11-01T07:45:00Z", "2026-11-01T18:00:00Z" })
        {
            api.At(at);
            await api.SweepAsync();
        }

        var fired = (await admin.HistoryAsync(trigger)).Where(f => f.RecordId == session).ShouldHaveSingleItem();
        fired.DueAt.ShouldBe(DateTimeOffset.Parse("2026-11-01T06:30:00Z"));
        fired.FiredAt.ShouldBe(DateTimeOffset.Parse("2026-11-01T06:30:00Z"));
        (await admin.CommunicationsAsync($"clientId={client}&kind=call")).Items.ShouldHaveSingleItem();
        await api.QuietAsync();
    }

    [Fact]
    public async Task After_downtime_a_sweep_catches_up_on_what_came_due_and_skips_a_reminder_whose_session_has_passed()
    {
        await api.QuietAsync();
        await api.SetTimeZoneAsync("America/Chicago");
        api.At("2026-04-01T12:00:00Z");
        var admin = await api.AdminAsync();
        var type = await SessionTypeAsync(admin);
        var client = await admin.NewClientAsync("Cat", MessagingKit.Unique("Chup"));
        var soon = await admin.NewSessionAsync(client, "2026-04-05", "10:00", "11:00", new { sessionTypeId = type });
        var past = await admin.NewSessionAsync(client, "2026-04-03", "10:00", "11:00", new { sessionTypeId = type });
        var before = (await admin.NewTriggerAsync(new
        {
            name = MessagingKit.Unique("Two days before"), recordKind = "session", @event = "date", dateField = "sessionDate", offsetDays = -2,
            timeOfDay = "09:00", typeIds = new[] { type }, actions = new[] { new { kind = "call", title = "Reminder call" } },
        }))["id"]!.GetValue<long>();
        var after = (await admin.NewTriggerAsync(new
        {
            name = MessagingKit.Unique("Day after"), recordKind = "session", @event = "date", dateField = "sessionDate", offsetDays = 1,
            timeOfDay = "10:00", typeIds = new[] { type }, actions = new[] { new { kind = "call", title = "Thank-you call" } },
        }))["id"]!.GetValue<long>();

        // No server runs from here until the afternoon of 2026-04-04.
        api.At("2026-04-04T20:00:00Z");
        await api.SweepAsync();

        var caughtUp = (await admin.HistoryAsync(before)).Single(f => f.RecordId == soon);
        caughtUp.Outcome.ShouldBe("fired");
        caughtUp.DueAt.ShouldBe(DateTimeOffset.Parse("2026-04-03T14:00:00Z"));
        caughtUp.FiredAt.ShouldBe(DateTimeOffset.Parse("2026-04-04T20:00:00Z"));
        var missed = (await admin.HistoryAsync(before)).Single(f => f.RecordId == past);
        missed.Outcome.ShouldBe("skipped");
        missed.Detail.ShouldContain("has passed");
        (await admin.HistoryAsync(after)).Single(f => f.RecordId == past).Outcome.ShouldBe("fired");
        (await admin.HistoryAsync(after)).ShouldNotContain(f => f.RecordId == soon);
        await api.SweepAsync();
        (await admin.HistoryAsync(before)).Count(f => f.RecordId == soon || f.RecordId == past).ShouldBe(2);
        await api.QuietAsync();
    }

    [Fact]
    public async Task Two_sweeps_at_once_fire_each_record_once()
    {
        await api.QuietAsync();
        await api.SetTimeZoneAsync("America/Chicago");
        api.At("2026-05-01T12:00:00Z");
        var admin = await api.AdminAsync();
        var type = await SessionTypeAsync(admin);
        var client = await admin.NewClientAsync("Race", MessagingKit.Unique("Sweep"));
        var sessions = new List<long>();
        for (var i = 0; i < 12; i++)
            sessions.Add(await admin.NewSessionAsync(client, "2026-05-03", $"{8 + i % 10:00}:{(i / 10) * 30:00}", $"{8 + i % 10:00}:{(i / 10) * 30 + 15:00}",
                new { sessionTypeId = type, overrideConflicts = true }));
        var trigger = (await admin.NewTriggerAsync(new
        {
            name = MessagingKit.Unique("Day before noon"), recordKind = "session", @event = "date", dateField = "sessionDate", offsetDays = -1,
            timeOfDay = "12:00", typeIds = new[] { type }, actions = new[] { new { kind = "call", title = "Raced call" } },
        }))["id"]!.GetValue<long>();

        api.At("2026-05-02T18:00:00Z");
        await Task.WhenAll(api.SweepAsync(), api.SweepAsync(), api.SweepAsync());

        (await admin.HistoryAsync(trigger)).Select(f => f.RecordId).Order().ShouldBe(sessions.Order());
        (await admin.CommunicationsAsync($"clientId={client}&kind=call&limit=200")).Items.Count.ShouldBe(sessions.Count);
        await api.QuietAsync();
    }

    [Fact]
    public async Task The_seeded_template_triggers_wait_inactive_their_templates_check_and_a_template_a_trigger_sends_cannot_be_deleted()
    {
        var admin = await api.AdminAsync();
        var seeded = await (await admin.GetAsync($"{TriggerKit.Url}?q={Uri.EscapeDataString("Session reminder")}")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        var reminder = seeded["items"]!.AsArray().First()!;
        reminder["isActive"]!.GetValue<bool>().ShouldBeFalse();
        var templates = await (await admin.GetAsync($"{MessagingKit.Templates}?limit=200")).ShouldBeAsync<TemplatePage>(HttpStatusCode.OK);
        foreach (var name in new[] { "Session reminder", "Session reminder (text message)", "Thank you", "Your proofs are ready", "Welcome" })
        {
            var template = templates.Items.Single(t => t.Name == name);
            // Each seeded template passes the checks a saved one must.
            (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"{MessagingKit.Templates}/{template.Id}", new
            {
                template.Name, template.Kind, template.RecordType, template.Subject, template.Body, template.IsActive,
            }).WithIfMatch($"\"{template.Version}\""))).StatusCode.ShouldBe(HttpStatusCode.OK, name);
        }
        var sent = reminder["actions"]![0]!["templateId"]!.GetValue<long>();
        var version = (await (await admin.GetAsync($"{MessagingKit.Templates}/{sent}")).ShouldBeAsync<TemplateBody>(HttpStatusCode.OK)).Version;
        var refused = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{MessagingKit.Templates}/{sent}").WithIfMatch($"\"{version}\""));
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("triggerIds").EnumerateArray().Select(e => e.GetInt64())
            .ShouldContain(reminder["id"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("noTime", "timeOfDay")]
    [InlineData("sessionDateOnClient", "dateField")]
    [InlineData("emailWithoutTemplate", "actions[0].templateId")]
    [InlineData("sessionTemplateOnClient", "actions[0].templateId")]
    [InlineData("taskWithoutType", "actions[0].taskTypeId")]
    [InlineData("noActions", "actions")]
    public async Task A_trigger_that_cannot_work_is_refused_with_the_field_named(string what, string field)
    {
        var admin = await api.AdminAsync();
        var sessionTemplate = await admin.NewTemplateAsync(MessagingKit.Unique("Session only"), "{{ session.dateText }}");
        var name = MessagingKit.Unique("Broken trigger");
        object body = what switch
        {
            "noTime" => new { name, recordKind = "session", @event = "date", dateField = "sessionDate", offsetDays = -1, actions = new[] { new { kind = "call" } } },
            "sessionDateOnClient" => new { name, recordKind = "client", @event = "date", dateField = "sessionDate", timeOfDay = "09:00", actions = new[] { new { kind = "call" } } },
            "emailWithoutTemplate" => new { name, recordKind = "session", @event = "creation", actions = new[] { new { kind = "email" } } },
            "sessionTemplateOnClient" => new { name, recordKind = "client", @event = "creation", actions = new[] { new { kind = "email", templateId = sessionTemplate.Id } } },
            "taskWithoutType" => new { name, recordKind = "session", @event = "creation", actions = new[] { new { kind = "task" } } },
            _ => new { name, recordKind = "session", @event = "creation", actions = Array.Empty<object>() },
        };

        var response = await admin.PostAsJsonAsync(TriggerKit.Url, body);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldContain(field);
    }
}
