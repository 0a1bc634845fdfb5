using System.Net;
using System.Net.Http.Json;
using StudioApi.Tests.Features.Scheduling.Calendar;
using StudioApi.Tests.Features.Scheduling.Sessions;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Scheduling.Appointments;

public sealed record AppointmentBody(
    long Id, int Version, long? ClientId, string Title, DateOnly Date, string StartTime, string EndTime,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, List<long> UserIds, long? ResourceId, long? LocationId,
    string? Notes, long? SessionId, bool Cancelled);

public sealed class AppointmentTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    static Dictionary<string, object?> Appointment(string date, string start, string end, params long[] users) => new()
    {
        ["title"] = "Wedding consultation",
        ["date"] = date,
        ["startTime"] = start,
        ["endTime"] = end,
        ["userIds"] = users,
    };

    [Fact]
    public async Task An_appointment_is_created_read_changed_deleted_and_restored()
    {
        var booking = await Booking.InChicagoAsync(app);
        var user = await booking.NewUserAsync();
        var body = Appointment("2026-10-01", "10:00", "10:30", user);
        body["clientId"] = booking.ClientId;
        var created = await (await booking.Admin.PostAsJsonAsync("/api/v1/appointments", body)).ShouldBeAsync<AppointmentBody>(HttpStatusCode.Created);
        created.UserIds.ShouldBe([user]);
        created.StartsAt.ShouldBe(new DateTimeOffset(2026, 10, 1, 15, 0, 0, TimeSpan.Zero));
        created.SessionId.ShouldBeNull();

        body["notes"] = "Bring the album samples";
        body["startTime"] = "11:00";
        body["endTime"] = "11:45";
        var updated = await (await booking.Admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/appointments/{created.Id}", body)
            .WithIfMatch($"\"{created.Version}\""))).ShouldBeAsync<AppointmentBody>(HttpStatusCode.OK);
        (updated.StartTime, updated.EndTime, updated.Notes).ShouldBe(("11:00", "11:45", "Bring the album samples"));

        (await booking.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/appointments/{created.Id}")
            .WithIfMatch($"\"{updated.Version}\""))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await booking.Admin.GetAsync($"/api/v1/appointments/{created.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var restored = await (await booking.Admin.PostAsync($"/api/v1/appointments/{created.Id}/restore", null)).ShouldBeAsync<AppointmentBody>(HttpStatusCode.OK);
        restored.Title.ShouldBe("Wedding consultation");
    }

    [Fact]
    public async Task An_appointment_cannot_double_book_a_photographer_who_has_a_session_then()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var session = await booking.CreateAsync(booking.Session("2026-10-02", "10:00", "11:00", photographer));

        var response = await booking.Admin.PostAsJsonAsync("/api/v1/appointments", Appointment("2026-10-02", "10:30", "11:30", photographer));

        var conflict = (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("conflicts").EnumerateArray().Single();
        conflict.GetProperty("kind").GetString().ShouldBe("session");
        conflict.GetProperty("sessionId").GetInt64().ShouldBe(session.Id);
    }

    [Fact]
    public async Task A_session_cannot_double_book_a_user_who_attends_an_appointment_then_unless_overridden()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var appointment = await (await booking.Admin.PostAsJsonAsync("/api/v1/appointments", Appointment("2026-10-03", "14:00", "15:00", photographer)))
            .ShouldBeAsync<AppointmentBody>(HttpStatusCode.Created);

        var refused = await booking.PostAsync(booking.Session("2026-10-03", "14:30", "15:30", photographer));
        var conflict = (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("conflicts")[0];
        conflict.GetProperty("kind").GetString().ShouldBe("appointment");
        conflict.GetProperty("appointmentId").GetInt64().ShouldBe(appointment.Id);

        var body = booking.Session("2026-10-03", "14:30", "15:30", photographer);
        body["overrideConflicts"] = true;
        await booking.CreateAsync(body);
    }

    [Fact]
    public async Task Two_appointments_for_one_room_conflict_but_a_cancelled_one_frees_it()
    {
        var booking = await Booking.InChicagoAsync(app);
        var room = await booking.NewRoomAsync();
        var first = Appointment("2026-10-04", "09:00", "10:00");
        first["resourceId"] = room;
        var created = await (await booking.Admin.PostAsJsonAsync("/api/v1/appointments", first)).ShouldBeAsync<AppointmentBody>(HttpStatusCode.Created);
        (await booking.Admin.PostAsJsonAsync("/api/v1/appointments", first)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        first["cancelled"] = true;
        (await booking.Admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/appointments/{created.Id}", first)
            .WithIfMatch($"\"{created.Version}\""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        first["cancelled"] = false;

        (await booking.Admin.PostAsJsonAsync("/api/v1/appointments", first)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_appointment_made_from_a_session_is_linked_to_it_and_takes_its_client()
    {
        var booking = await Booking.InChicagoAsync(app);
        var session = await booking.CreateAsync(booking.Session("2026-10-05", "10:00", "11:00"));

        var created = await (await booking.Admin.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/appointments",
            Appointment("2026-10-12", "10:00", "10:30"))).ShouldBeAsync<AppointmentBody>(HttpStatusCode.Created);

        (created.SessionId, created.ClientId).ShouldBe((session.Id, booking.ClientId));
        var listed = await (await booking.Admin.GetAsync($"/api/v1/appointments?sessionId={session.Id}")).ShouldBeAsync<AppointmentPage>(HttpStatusCode.OK);
        listed.Items.Select(a => a.Id).ShouldBe([created.Id]);
    }

    [Fact]
    public async Task A_session_and_appointments_racing_for_one_photographers_slot_end_in_exactly_one_booking()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();

        var racers = Enumerable.Range(0, 3)
            .Select(_ => booking.Admin.PostAsJsonAsync("/api/v1/appointments", Appointment("2026-10-07", "10:00", "11:00", photographer)))
            .Append(booking.PostAsync(booking.Session("2026-10-07", "10:30", "11:30", photographer)));
        var responses = await Task.WhenAll(racers);

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);
    }

    [Fact]
    public async Task Deleting_a_session_takes_its_appointments_and_calendar_lines_with_it_and_restoring_brings_them_back()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var session = await booking.CreateAsync(booking.Session("2026-10-08", "10:00", "11:00", photographer));
        var linked = await (await booking.Admin.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/appointments",
            Appointment("2026-10-09", "10:00", "10:30", photographer))).ShouldBeAsync<AppointmentBody>(HttpStatusCode.Created);
        (await booking.Admin.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/calendar-events",
            new { date = "2026-10-10", startTime = "10:00", endTime = "11:00", photographerId = photographer })).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await booking.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/sessions/{session.Id}")
            .WithIfMatch($"\"{session.Version}\""))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await booking.Admin.GetAsync($"/api/v1/appointments/{linked.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var emptied = await (await booking.Admin.GetAsync($"/api/v1/calendar?from=2026-10-08&to=2026-10-10&userId={photographer}")).ShouldBeAsync<CalendarBody>(HttpStatusCode.OK);
        emptied.Items.ShouldBeEmpty();

        (await booking.Admin.PostAsync($"/api/v1/sessions/{session.Id}/restore", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var back = await (await booking.Admin.GetAsync($"/api/v1/calendar?from=2026-10-08&to=2026-10-10&userId={photographer}")).ShouldBeAsync<CalendarBody>(HttpStatusCode.OK);
        back.Items.Select(i => i.Kind).ShouldBe(["session", "appointment", "calendarEvent"]);
    }

    [Fact]
    public async Task An_appointment_at_a_time_skipped_by_daylight_saving_is_refused()
    {
        var booking = await Booking.InChicagoAsync(app);

        var response = await booking.Admin.PostAsJsonAsync("/api/v1/appointments", Appointment("2026-03-08", "02:30", "03:30"));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldContain("startTime");
    }

    [Fact]
    public async Task An_appointment_with_an_unknown_user_is_refused()
    {
        var booking = await Booking.InChicagoAsync(app);

        var response = await booking.Admin.PostAsJsonAsync("/api/v1/appointments", Appointment("2026-10-06", "10:00", "11:00", 999_999));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldContain("userIds");
    }
}

public sealed record AppointmentPage(List<AppointmentBody> Items, string? NextCursor);
