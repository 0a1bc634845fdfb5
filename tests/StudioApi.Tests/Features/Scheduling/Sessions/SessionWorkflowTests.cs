using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Features.Scheduling.Sessions.Reminders;
using StudioApi.Features.Scheduling.Sessions.SessionDate;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;
using StudioApi.Tests.Platform.Workflow;

namespace StudioApi.Tests.Features.Scheduling.Sessions;

public sealed record SessionStatusBody(long Id, string Description, DateOnly? StatusDate, DateOnly? DueDate, bool IsOverdue);

public sealed record ParticipantBody(string? FirstName, string? LastName, long? RelationshipId);

/// <summary>The session fields this class looks at.</summary>
public sealed record SessionStateBody(
    long Id, int Version, DateOnly Date, string StartTime, SessionStatusBody? Status, bool Confirmed, bool Reminder,
    int ReminderMinutesBefore, DateTimeOffset? ReminderDueAt, DateTimeOffset? ReminderFiredAt, List<ParticipantBody> Participants,
    string OnlineEventType, string? OnlineEventCode, long? PhotographerId);

public sealed record StatusLogLineBody(string Event, string Text, string By, DateTimeOffset At, long? ToStatusId);

public sealed record StatusLogBody(List<StatusLogLineBody> Lines);

public sealed record ReminderBody(long SessionId, int Number, DateOnly Date, string StartTime, DateTimeOffset FiredAt);

public sealed record IdPage(List<IdBody> Items);

public sealed record ReminderPage(List<ReminderBody> Items, string? NextCursor);

/// <summary>
/// Sessions in the workflow, the session-date job, the status log, reminders, and photographers' own sessions; on a
/// fake clock in Chicago. The tests share one app: each sets the clock to a day of its own (forwards or backwards) and
/// books on days no other test uses, so the jobs they run find only their own sessions.
/// </summary>
public sealed class SessionWorkflowTests(ClockedStudioApi api) : IClassFixture<ClockedStudioApi>
{
    static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    async Task<HttpClient> ChicagoAdminAsync()
    {
        var admin = await api.AdminAsync();
        await admin.SetStudioCalendarAsync("America/Chicago", ["monday", "tuesday", "wednesday", "thursday", "friday"]);
        return admin;
    }

    void SetChicagoTime(int year, int month, int day, int hour, int minute) =>
        api.Clock.AdjustTime(TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0), Chicago));

    static async Task<SessionStateBody> BookAsync(HttpClient caller, long clientId, string date, string start = "10:00", string end = "11:00",
        Dictionary<string, object?>? more = null)
    {
        var body = new Dictionary<string, object?> { ["clientId"] = clientId, ["date"] = date, ["startTime"] = start, ["endTime"] = end };
        foreach (var (key, value) in more ?? [])
            body[key] = value;
        return await (await caller.PostAsJsonAsync("/api/v1/sessions", body)).ShouldBeAsync<SessionStateBody>(HttpStatusCode.Created);
    }

    static async Task<SessionStateBody> GetAsync(HttpClient caller, long id) =>
        await (await caller.GetAsync($"/api/v1/sessions/{id}")).ShouldBeAsync<SessionStateBody>(HttpStatusCode.OK);

    static async Task<HttpResponseMessage> PutAsync(HttpClient caller, SessionStateBody current, long clientId, Dictionary<string, object?> body)
    {
        body.TryAdd("clientId", clientId);
        return await caller.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/sessions/{current.Id}", body).WithIfMatch($"\"{current.Version}\""));
    }

    static async Task<List<StatusLogLineBody>> StatusLogAsync(HttpClient caller, long id) =>
        (await (await caller.GetAsync($"/api/v1/sessions/{id}/status-log")).ShouldBeAsync<StatusLogBody>(HttpStatusCode.OK)).Lines;

    async Task<int> RunSessionDateJobAsync()
    {
        await using var scope = api.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionDateStatuses>().ApplyAsync(CancellationToken.None);
    }

    async Task<int> RunReminderJobAsync()
    {
        await using var scope = api.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionReminders>().FireDueAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_new_session_starts_at_the_initial_status_and_its_status_log_says_so()
    {
        SetChicagoTime(2026, 4, 6, 9, 0);
        var admin = await ChicagoAdminAsync();
        var client = await admin.CreateClientAsync("Starter");

        var session = await BookAsync(admin, client, "2026-04-20", more: new() { ["confirmed"] = true });

        session.Status.ShouldNotBeNull().Description.ShouldBe("Booked");
        session.Status.StatusDate.ShouldBe(new DateOnly(2026, 4, 6));
        var log = await StatusLogAsync(admin, session.Id);
        log.Select(l => l.Event).ShouldBe(["statusChanged", "confirmed"], ignoreOrder: true);
        log.Single(l => l.Event == "confirmed").By.ShouldBe("admin");
    }

    [Fact]
    public async Task A_picture_day_starts_every_session_at_the_initial_status_with_its_own_log_entry()
    {
        SetChicagoTime(2026, 4, 6, 9, 0);
        var admin = await ChicagoAdminAsync();
        var clients = new[] { await admin.CreateClientAsync("Pupil A"), await admin.CreateClientAsync("Pupil B"), await admin.CreateClientAsync("Pupil C") };
        var booked = (await admin.StatusesAsync("session")).Single(s => s.Description == "Booked");

        var typeId = (await (await admin.GetAsync("/api/v1/session-types")).ShouldBeAsync<IdPage>(HttpStatusCode.OK)).Items.First().Id;
        var bulk = await admin.PostAsJsonAsync("/api/v1/sessions/bulk", new { clientIds = clients, sessionTypeId = typeId, date = "2026-04-21", startTime = "09:00", slotMinutes = 10, gapMinutes = 0 });
        bulk.StatusCode.ShouldBe(HttpStatusCode.Created, await bulk.Content.ReadAsStringAsync());

        var page = await (await admin.GetAsync($"/api/v1/sessions?statusId={booked.Id}&dateFrom=2026-04-21&dateTo=2026-04-21")).ShouldBeAsync<SessionPage>(HttpStatusCode.OK);
        page.Items.Select(s => s.ClientId).ShouldBe(clients, ignoreOrder: true);
        foreach (var session in page.Items)
            (await StatusLogAsync(admin, session.Id)).ShouldHaveSingleItem().Text.ShouldBe("Status set to Booked.");
    }

    [Fact]
    public async Task On_the_session_date_the_daily_job_moves_sessions_to_photographed_once_and_never_backwards()
    {
        SetChicagoTime(2026, 5, 4, 15, 0);
        var admin = await ChicagoAdminAsync();
        var client = await admin.CreateClientAsync("Shoot");
        var today = await BookAsync(admin, client, "2026-05-05", "09:00", "10:00");
        var tomorrow = await BookAsync(admin, client, "2026-05-06", "09:00", "10:00");
        var ahead = await BookAsync(admin, client, "2026-05-05", "11:00", "12:00");
        var proofsReady = (await admin.StatusesAsync("session")).Single(s => s.Description == "Proofs Ready");
        (await admin.PostAsJsonAsync($"/api/v1/sessions/{ahead.Id}/status-changes", new { statusId = proofsReady.Id })).StatusCode.ShouldBe(HttpStatusCode.Created);

        SetChicagoTime(2026, 5, 5, 0, 5);
        await RunSessionDateJobAsync();
        var again = await RunSessionDateJobAsync();

        again.ShouldBe(0);
        (await GetAsync(admin, today.Id)).Status!.Description.ShouldBe("Photographed");
        (await GetAsync(admin, tomorrow.Id)).Status!.Description.ShouldBe("Booked");
        (await GetAsync(admin, ahead.Id)).Status!.Description.ShouldBe("Proofs Ready");
        var log = await StatusLogAsync(admin, today.Id);
        var moved = log.Where(l => l.Event == "statusChanged" && l.Text.Contains("Photographed")).ShouldHaveSingleItem();
        moved.By.ShouldBe("system");
        moved.Text.ShouldContain(SessionDateStatuses.Note);

        // Moved to today, the other session is due its session-date status too.
        var current = await GetAsync(admin, tomorrow.Id);
        (await PutAsync(admin, current, client, new() { ["date"] = "2026-05-05", ["startTime"] = "13:00", ["endTime"] = "14:00" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RunSessionDateJobAsync()).ShouldBe(1);
        (await GetAsync(admin, tomorrow.Id)).Status!.Description.ShouldBe("Photographed");
    }

    [Fact]
    public async Task Moving_confirming_and_cancelling_a_session_are_recorded_in_its_status_log()
    {
        SetChicagoTime(2026, 6, 1, 9, 0);
        var admin = await ChicagoAdminAsync();
        var client = await admin.CreateClientAsync("Mover");
        var session = await BookAsync(admin, client, "2026-06-10");

        var moved = await (await PutAsync(admin, session, client, new() { ["date"] = "2026-06-11", ["startTime"] = "14:00", ["endTime"] = "15:30", ["confirmed"] = true }))
            .ShouldBeAsync<SessionStateBody>(HttpStatusCode.OK);
        (await PutAsync(admin, moved, client, new() { ["date"] = "2026-06-11", ["startTime"] = "14:00", ["endTime"] = "15:30", ["confirmed"] = true, ["cancelled"] = true }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var log = await StatusLogAsync(admin, session.Id);
        log.Single(l => l.Event == "rescheduled").Text.ShouldBe("Moved from 2026-06-10 10:00–11:00 to 2026-06-11 14:00–15:30.");
        log.Single(l => l.Event == "confirmed").Text.ShouldBe("Confirmed by admin.");
        log.Single(l => l.Event == "cancelled").By.ShouldBe("admin");
        log.Select(l => l.At).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task A_reminder_fires_once_even_when_its_wall_clock_time_repeats_at_the_fall_back_change()
    {
        // Sunday 1 November 2026, Chicago: 01:00–01:59 happens twice. A session at 02:30 with a 60-minute reminder is
        // reminded at 01:30 standard time (07:30 UTC), not at the first 01:30 (06:30 UTC), and only once.
        SetChicagoTime(2026, 10, 30, 12, 0);
        var admin = await ChicagoAdminAsync();
        var client = await admin.CreateClientAsync("Reminded");
        var session = await BookAsync(admin, client, "2026-11-01", "02:30", "03:30", new() { ["reminder"] = true, ["reminderMinutesBefore"] = 60 });
        session.ReminderDueAt.ShouldBe(new DateTimeOffset(2026, 11, 1, 7, 30, 0, TimeSpan.Zero));

        api.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 6, 35, 0, TimeSpan.Zero)); // the first 01:35
        (await RunReminderJobAsync()).ShouldBe(0);
        api.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 7, 31, 0, TimeSpan.Zero)); // the second 01:31
        var fired = await Task.WhenAll(RunReminderJobAsync(), RunReminderJobAsync());
        api.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 7, 45, 0, TimeSpan.Zero));
        var later = await RunReminderJobAsync();

        (fired.Sum() + later).ShouldBe(1);
        (await StatusLogAsync(admin, session.Id)).Count(l => l.Event == "reminderFired").ShouldBe(1);
        var reminders = await (await admin.GetAsync("/api/v1/session-reminders")).ShouldBeAsync<ReminderPage>(HttpStatusCode.OK);
        reminders.Items.Single(r => r.SessionId == session.Id).StartTime.ShouldBe("02:30");

        // Moved to later that day, it reminds again at the new time.
        var current = await GetAsync(admin, session.Id);
        var moved = await (await PutAsync(admin, current, client, new()
                { ["date"] = "2026-11-01", ["startTime"] = "10:00", ["endTime"] = "11:00", ["reminder"] = true, ["reminderMinutesBefore"] = 60 }))
            .ShouldBeAsync<SessionStateBody>(HttpStatusCode.OK);
        moved.ReminderFiredAt.ShouldBeNull();
        api.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 15, 1, 0, TimeSpan.Zero)); // 09:01 standard time
        (await RunReminderJobAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Participants_online_gallery_and_reminder_settings_are_kept_and_checked()
    {
        SetChicagoTime(2026, 7, 1, 9, 0);
        var admin = await ChicagoAdminAsync();
        var client = await admin.CreateClientAsync("Family");
        var relationship = await (await admin.PostAsJsonAsync("/api/v1/relationships", new { name = $"Son {Guid.NewGuid():N}"[..12] }))
            .ShouldBeAsync<IdBody>(HttpStatusCode.Created);

        var noCode = await admin.PostAsJsonAsync("/api/v1/sessions", new
        {
            clientId = client, date = "2026-07-10", startTime = "10:00", endTime = "11:00", onlineEventType = "private",
        });
        (await noCode.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["onlineEventCode"]);
        var unknownRelationship = await admin.PostAsJsonAsync("/api/v1/sessions", new
        {
            clientId = client, date = "2026-07-10", startTime = "10:00", endTime = "11:00",
            participants = new[] { new { firstName = "Tom", relationshipId = 999_999L } },
        });
        (await unknownRelationship.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["participants[0].relationshipId"]);

        var session = await BookAsync(admin, client, "2026-07-10", more: new()
        {
            ["participants"] = new[] { new { firstName = "Tom", lastName = "Family", relationshipId = relationship.Id } },
            ["onlineEventType"] = "private",
            ["onlineEventCode"] = "TOM2026",
            ["reminder"] = true,
        });
        session.Participants.ShouldHaveSingleItem().ShouldBe(new ParticipantBody("Tom", "Family", relationship.Id));
        (session.OnlineEventType, session.OnlineEventCode).ShouldBe(("private", "TOM2026"));
        session.ReminderMinutesBefore.ShouldBe(30);
        session.ReminderDueAt.ShouldBe(new DateTimeOffset(2026, 7, 10, 14, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_session_belongs_to_active_promotions_and_a_promotion_with_sessions_cannot_be_deleted()
    {
        SetChicagoTime(2026, 7, 1, 9, 0);
        var admin = await ChicagoAdminAsync();
        var client = await admin.CreateClientAsync("Promoted");
        var santa = await (await admin.PostAsJsonAsync("/api/v1/promotions", new { name = "Santa Claus", isActive = true })).ShouldBeAsync<IdBody>(HttpStatusCode.Created);
        var over = await (await admin.PostAsJsonAsync("/api/v1/promotions", new { name = "Spring Sale", isActive = false })).ShouldBeAsync<IdBody>(HttpStatusCode.Created);

        var refused = await admin.PostAsJsonAsync("/api/v1/sessions", new
            { clientId = client, date = "2026-12-05", startTime = "10:00", endTime = "11:00", promotionIds = new[] { santa.Id, over.Id } });
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["promotionIds[1]"]);
        var session = await BookAsync(admin, client, "2026-12-05", more: new() { ["promotionIds"] = new[] { santa.Id } });

        var inSanta = await (await admin.GetAsync($"/api/v1/sessions?promotionId={santa.Id}")).ShouldBeAsync<SessionPage>(HttpStatusCode.OK);
        inSanta.Items.ShouldHaveSingleItem().Id.ShouldBe(session.Id);
        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/promotions/{santa.Id}").WithIfMatch($"\"{santa.Version}\"");
        (await (await admin.SendAsync(delete)).ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("sessionCount").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Once_the_studio_defines_session_custom_labels_sessions_use_only_those()
    {
        SetChicagoTime(2026, 7, 1, 9, 0);
        var admin = await ChicagoAdminAsync();
        var client = await admin.CreateClientAsync("Labelled");
        var before = await BookAsync(admin, client, "2026-07-20", more: new() { ["customFields"] = new[] { new { label = "Pet", value = "Dog" } } });
        var settings = await admin.GetAsync("/api/v1/settings");
        var body = System.Text.Json.Nodes.JsonNode.Parse(await settings.Content.ReadAsStringAsync())!.AsObject();
        body["sessionCustomLabels"] = new System.Text.Json.Nodes.JsonArray("Outfits", "Backdrop");
        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, "/api/v1/settings", body).WithIfMatch(settings.Headers.ETag!.Tag))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await admin.PostAsJsonAsync("/api/v1/sessions", new
            { clientId = client, date = "2026-07-21", startTime = "10:00", endTime = "11:00", customFields = new[] { new { label = "Pet", value = "Cat" } } });
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["customFields[0].label"]);
        await BookAsync(admin, client, "2026-07-21", more: new() { ["customFields"] = new[] { new { label = "outfits", value = "Navy" } } });
        // A session that already had the label keeps it.
        (await PutAsync(admin, before, client, new()
            { ["date"] = "2026-07-20", ["startTime"] = "10:00", ["endTime"] = "11:00", ["customFields"] = new[] { new { label = "Pet", value = "Dog" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Photographers_edit_the_sessions_they_shoot_and_no_others()
    {
        SetChicagoTime(2026, 8, 3, 9, 0);
        var admin = await ChicagoAdminAsync();
        var client = await admin.CreateClientAsync("Owned");
        var (mine, me) = await api.AsNewUserAsync(UserRole.Photographer);
        var other = await api.AsRoleAsync(UserRole.Photographer);
        var session = await BookAsync(admin, client, "2026-08-12", more: new() { ["photographerId"] = me });
        Dictionary<string, object?> Edit(long? photographer) => new()
            { ["date"] = "2026-08-12", ["startTime"] = "10:00", ["endTime"] = "11:00", ["photographerId"] = photographer, ["confirmed"] = true };

        (await (await PutAsync(other, session, client, Edit(me))).ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString()!.ShouldContain("photographer or assistant");
        (await PutAsync(mine, session, client, Edit(null))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var edited = await (await PutAsync(mine, session, client, Edit(me))).ShouldBeAsync<SessionStateBody>(HttpStatusCode.OK);

        edited.Confirmed.ShouldBeTrue();
        (await StatusLogAsync(admin, session.Id)).Single(l => l.Event == "confirmed").By.ShouldStartWith("photographer");
    }

    [Fact]
    public async Task A_purged_session_is_gone_with_its_log_and_only_an_admin_can_purge_and_only_from_the_recycle_bin()
    {
        SetChicagoTime(2026, 9, 1, 9, 0);
        var admin = await ChicagoAdminAsync();
        var client = await admin.CreateClientAsync("Purged");
        var session = await BookAsync(admin, client, "2026-09-10");

        (await (await admin.PostAsync($"/api/v1/sessions/{session.Id}/purge", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString()!.ShouldContain("deleted session");
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/sessions/{session.Id}").WithIfMatch($"\"{session.Version}\"")))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var staff = await api.AsRoleAsync(UserRole.Staff);
        (await staff.PostAsync($"/api/v1/sessions/{session.Id}/purge", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsync($"/api/v1/sessions/{session.Id}/purge", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await admin.PostAsync($"/api/v1/sessions/{session.Id}/restore", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var leftovers = await api.Base.WithDbAsync(db => Task.FromResult(
            db.StatusLogEntries.Count(e => e.RecordId == session.Id && e.Kind == StudioApi.Platform.Workflow.RecordKind.Session)));
        leftovers.ShouldBe(0);
    }
}
