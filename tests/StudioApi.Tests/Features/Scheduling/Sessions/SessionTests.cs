using System.Net;
using System.Net.Http.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Features.Clients.Notes;
using StudioApi.Tests.Infrastructure;
using StudioApi.Features.Setup;

namespace StudioApi.Tests.Features.Scheduling.Sessions;

public sealed class SessionTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task A_booked_session_keeps_its_wall_clock_times_and_gets_utc_instants_and_who_booked_it()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var body = booking.Session("2026-06-15", "09:30", "10:45", photographer);
        body["description"] = "Family session";
        body["fileNumber"] = "F-ABC";
        body["confirmed"] = true;
        body["customFields"] = new[] { new { label = "Outfit", value = "Blue" } };

        var response = await booking.PostAsync(body);
        var session = await response.ShouldBeAsync<SessionBody>(HttpStatusCode.Created);

        response.Headers.Location!.ToString().ShouldEndWith($"/api/v1/sessions/{session.Id}");
        (session.Date, session.StartTime, session.EndTime).ShouldBe((new DateOnly(2026, 6, 15), "09:30", "10:45"));
        // June in Chicago is daylight time, UTC-5.
        session.StartsAt.ShouldBe(new DateTimeOffset(2026, 6, 15, 14, 30, 0, TimeSpan.Zero));
        session.EndsAt.ShouldBe(new DateTimeOffset(2026, 6, 15, 15, 45, 0, TimeSpan.Zero));
        session.BookedBy.ShouldBe("admin");
        session.BookedOn.ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        (session.PhotographerId, session.Confirmed, session.Description, session.FileNumber).ShouldBe((photographer, true, "Family session", "F-ABC"));
        session.CustomFields.ShouldBe([new CustomFieldBody("Outfit", "Blue")]);

        var read = await (await booking.Admin.GetAsync($"/api/v1/sessions/{session.Id}")).ShouldBeAsync<SessionBody>(HttpStatusCode.OK);
        read.ShouldBeEquivalentTo(session);
    }

    [Fact]
    public async Task A_start_time_skipped_by_the_spring_forward_change_is_refused_with_a_field_error()
    {
        var booking = await Booking.InChicagoAsync(app);

        var response = await booking.PostAsync(booking.Session("2026-03-08", "02:30", "03:30"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors().ShouldBe(["startTime"]);
        problem.GetRawText().ShouldContain("daylight saving");
    }

    [Fact]
    public async Task An_end_time_skipped_by_the_spring_forward_change_is_refused_too()
    {
        var booking = await Booking.InChicagoAsync(app);

        var response = await booking.PostAsync(booking.Session("2026-03-08", "01:00", "02:15"));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["endTime"]);
    }

    [Fact]
    public async Task A_session_across_the_spring_forward_gap_lasts_one_hour_less_in_real_time()
    {
        var booking = await Booking.InChicagoAsync(app);

        var session = await booking.CreateAsync(booking.Session("2026-03-08", "01:30", "03:30"));

        (session.EndsAt - session.StartsAt).ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task A_time_repeated_by_the_fall_back_change_means_its_first_daylight_time_occurrence()
    {
        var booking = await Booking.InChicagoAsync(app);

        var session = await booking.CreateAsync(booking.Session("2026-11-01", "01:30", "02:30"));

        // 01:30 CDT (UTC-5); 02:30 is after the change, CST (UTC-6): two real hours.
        session.StartsAt.ShouldBe(new DateTimeOffset(2026, 11, 1, 6, 30, 0, TimeSpan.Zero));
        session.EndsAt.ShouldBe(new DateTimeOffset(2026, 11, 1, 8, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Without_an_end_time_a_session_lasts_its_type_s_default_length()
    {
        var booking = await Booking.InChicagoAsync(app);
        var senior = await app.WithDbAsync(db => Task.FromResult(db.SessionTypes.Single(t => t.Name == "Senior")));
        var body = booking.Session("2026-06-15", "09:00", "10:00");
        body.Remove("endTime");
        body["sessionTypeId"] = senior.Id;

        var created = await (await booking.PostAsync(body)).ShouldBeAsync<SessionBody>(HttpStatusCode.Created);

        created.EndTime.ShouldBe(TimeOnly.FromTimeSpan(TimeSpan.FromHours(9) + TimeSpan.FromMinutes(senior.DefaultLengthMinutes)).ToString("HH:mm"));
    }

    [Fact]
    public async Task A_session_type_that_sessions_use_cannot_be_deleted()
    {
        var booking = await Booking.InChicagoAsync(app);
        var family = await app.WithDbAsync(db => Task.FromResult(db.SessionTypes.Single(t => t.Name == "Family")));
        var body = booking.Session("2026-06-18", "09:00", "10:00");
        body["sessionTypeId"] = family.Id;
        (await booking.PostAsync(body)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/session-types/{family.Id}").WithIfMatch($"\"{family.Version}\"");
        var problem = await (await booking.Admin.SendAsync(delete)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("sessionCount").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task An_unknown_or_inactive_session_type_is_a_field_error()
    {
        var booking = await Booking.InChicagoAsync(app);
        var body = booking.Session("2026-06-16", "09:00", "10:00");
        body["sessionTypeId"] = 9999;

        var response = await booking.PostAsync(body);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["sessionTypeId"]);
    }

    [Fact]
    public async Task Without_an_end_time_or_a_session_type_the_end_time_is_required()
    {
        var booking = await Booking.InChicagoAsync(app);
        var body = booking.Session("2026-06-17", "09:00", "10:00");
        body.Remove("endTime");

        var response = await booking.PostAsync(body);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["endTime"]);
    }

    [Fact]
    public async Task A_session_must_end_after_it_starts()
    {
        var booking = await Booking.InChicagoAsync(app);

        var response = await booking.PostAsync(booking.Session("2026-06-15", "10:00", "10:00"));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["endTime"]);
    }

    [Fact]
    public async Task References_to_missing_or_inactive_records_are_field_errors()
    {
        var booking = await Booking.InChicagoAsync(app);
        var retired = await booking.NewUserAsync();
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.FindAsync(retired);
            user!.IsActive = false;
            await db.SaveChangesAsync();
        });
        var body = booking.Session("2026-06-15", "09:00", "10:00", retired);
        body["clientId"] = 999_999;
        body["resourceId"] = 999_999;
        body["organizationId"] = 999_999;

        var response = await booking.PostAsync(body);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors()
            .ShouldBe(["clientId", "photographerId", "resourceId", "organizationId"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_session_is_in_a_camera_room_or_at_an_outside_location_not_both()
    {
        var booking = await Booking.InChicagoAsync(app);
        var body = booking.Session("2026-06-15", "09:00", "10:00");
        body["resourceId"] = await booking.NewRoomAsync();
        body["locationId"] = 1;

        var response = await booking.PostAsync(body);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldContain("locationId");
    }

    [Fact]
    public async Task Numbers_are_assigned_in_sequence_and_can_be_changed_to_a_free_one_only()
    {
        var booking = await Booking.InChicagoAsync(app);
        var first = await booking.CreateAsync(booking.Session("2026-07-01", "09:00", "10:00"));
        var second = await booking.CreateAsync(booking.Session("2026-07-01", "10:00", "11:00"));
        second.Number.ShouldBe(first.Number + 1);

        var body = booking.Session("2026-07-01", "10:00", "11:00");
        body["number"] = first.Number;
        var taken = await booking.PutAsync(second, body);
        (await taken.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("number").GetInt32().ShouldBe(first.Number);

        body["number"] = 90_000;
        var renumbered = await (await booking.PutAsync(second, body)).ShouldBeAsync<SessionBody>(HttpStatusCode.OK);
        renumbered.Number.ShouldBe(90_000);
        (await booking.CreateAsync(booking.Session("2026-07-01", "11:00", "12:00"))).Number.ShouldBe(90_001);
    }

    [Fact]
    public async Task A_deleted_sessions_number_is_not_handed_out_again_and_restoring_brings_it_back()
    {
        var booking = await Booking.InChicagoAsync(app);
        var session = await booking.CreateAsync(booking.Session("2026-07-02", "09:00", "10:00"));

        var deleted = await booking.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/sessions/{session.Id}")
            .WithIfMatch($"\"{session.Version}\""));
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await booking.Admin.GetAsync($"/api/v1/sessions/{session.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var bin = await (await booking.Admin.GetAsync("/api/v1/sessions?deleted=true")).ShouldBeAsync<SessionPage>(HttpStatusCode.OK);
        bin.Items.Select(s => s.Id).ShouldContain(session.Id);

        (await booking.CreateAsync(booking.Session("2026-07-02", "11:00", "12:00"))).Number.ShouldBe(session.Number + 1);

        var restored = await (await booking.Admin.PostAsync($"/api/v1/sessions/{session.Id}/restore", null))
            .ShouldBeAsync<SessionBody>(HttpStatusCode.OK);
        (restored.Number, restored.DeletedAt).ShouldBe((session.Number, null));
    }

    [Fact]
    public async Task A_change_needs_the_current_version()
    {
        var booking = await Booking.InChicagoAsync(app);
        var session = await booking.CreateAsync(booking.Session("2026-07-03", "09:00", "10:00"));
        var body = booking.Session("2026-07-03", "09:00", "10:00");
        body["noShow"] = true;

        (await booking.PutAsync(session, body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await booking.PutAsync(session, body)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var noIfMatch = await booking.Admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/sessions/{session.Id}", body));
        noIfMatch.StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task The_sessions_hub_filters_by_date_range_photographer_client_and_flags_and_sorts_by_date()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var otherClient = await booking.NewClientAsync();
        var late = await booking.CreateAsync(booking.Session("2026-08-10", "15:00", "16:00", photographer));
        var early = await booking.CreateAsync(booking.Session("2026-08-10", "09:00", "10:00", photographer));
        var cancelledBody = booking.Session("2026-08-11", "09:00", "10:00", photographer);
        cancelledBody["cancelled"] = true;
        cancelledBody["description"] = "Cancelled senior portraits";
        var cancelled = await booking.CreateAsync(cancelledBody);
        var otherBody = booking.Session("2026-08-12", "09:00", "10:00");
        otherBody["clientId"] = otherClient;
        var other = await booking.CreateAsync(otherBody);

        async Task<List<long>> Ids(string query) =>
            (await (await booking.Admin.GetAsync($"/api/v1/sessions?{query}")).ShouldBeAsync<SessionPage>(HttpStatusCode.OK))
            .Items.Select(s => s.Id).ToList();

        (await Ids($"photographerId={photographer}")).ShouldBe([early.Id, late.Id, cancelled.Id]);
        (await Ids($"photographerId={photographer}&sort=-date")).ShouldBe([cancelled.Id, late.Id, early.Id]);
        (await Ids($"photographerId={photographer}&dateFrom=2026-08-10&dateTo=2026-08-10")).ShouldBe([early.Id, late.Id]);
        (await Ids($"photographerId={photographer}&cancelled=false")).ShouldBe([early.Id, late.Id]);
        (await Ids($"clientId={otherClient}")).ShouldBe([other.Id]);
        (await Ids("q=senior")).ShouldBe([cancelled.Id]);
        (await Ids($"q={late.Number}")).ShouldBe([late.Id]);
    }

    [Fact]
    public async Task Every_staff_role_reads_sessions_but_only_the_front_desk_books_them()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographerClient = await app.AsRoleAsync(UserRole.Photographer);

        (await photographerClient.GetAsync("/api/v1/sessions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await photographerClient.PostAsJsonAsync("/api/v1/sessions", booking.Session("2026-06-15", "09:00", "10:00"));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Notes_are_a_log_stamped_with_author_and_do_not_change_the_session_version()
    {
        var booking = await Booking.InChicagoAsync(app);
        var session = await booking.CreateAsync(booking.Session("2026-07-04", "09:00", "10:00"));

        var first = await booking.Admin.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/notes", new { text = "Bring the dog" });
        (await first.ShouldBeAsync<NoteBody>(HttpStatusCode.Created)).Author.ShouldBe("admin");
        await booking.Admin.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/notes", new { text = "Dog is called Rex" });

        var log = await (await booking.Admin.GetAsync($"/api/v1/sessions/{session.Id}/notes")).ShouldBeAsync<NotePage>(HttpStatusCode.OK);
        log.Items.Select(n => n.Text).ShouldBe(["Dog is called Rex", "Bring the dog"]);
        var read = await (await booking.Admin.GetAsync($"/api/v1/sessions/{session.Id}")).ShouldBeAsync<SessionBody>(HttpStatusCode.OK);
        read.Version.ShouldBe(session.Version);
    }

    [Fact]
    public async Task The_photographer_cannot_also_be_the_assistant()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var body = booking.Session("2026-06-16", "09:00", "10:00", photographer);
        body["assistantId"] = photographer;

        (await (await booking.PostAsync(body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["assistantId"]);
    }
}
