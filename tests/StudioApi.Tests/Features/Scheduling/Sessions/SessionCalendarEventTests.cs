using System.Net;
using System.Net.Http.Json;
using StudioApi.Tests.Features.Scheduling.Calendar;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Scheduling.Sessions;

public sealed record CalendarLineBody(
    long Id, long SessionId, bool Primary, DateOnly Date, string StartTime, string EndTime, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    long? PhotographerId, long? AssistantId, long? ResourceId, string? Description, int Version);

public sealed record CalendarLineList(List<CalendarLineBody> Items);

public sealed class SessionCalendarEventTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    static object Line(string date, string start, string end, long? photographerId = null, string? description = null) =>
        new { date, startTime = start, endTime = end, photographerId, description };

    static async Task<CalendarLineBody> AddAsync(Booking booking, long sessionId, object line) =>
        await (await booking.Admin.PostAsJsonAsync($"/api/v1/sessions/{sessionId}/calendar-events", line)).ShouldBeAsync<CalendarLineBody>(HttpStatusCode.Created);

    [Fact]
    public async Task The_primary_line_mirrors_the_session_and_follows_it_when_the_session_moves()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var session = await booking.CreateAsync(booking.Session("2026-12-01", "10:00", "11:00", photographer));
        var extra = await AddAsync(booking, session.Id, Line("2026-12-02", "09:00", "09:30", photographer, "Set-up"));

        await (await booking.PutAsync(session, booking.Session("2026-12-01", "13:00", "14:00", photographer))).ShouldBeAsync<SessionBody>(HttpStatusCode.OK);
        var lines = await (await booking.Admin.GetAsync($"/api/v1/sessions/{session.Id}/calendar-events")).ShouldBeAsync<CalendarLineList>(HttpStatusCode.OK);

        lines.Items.Select(l => (l.Id, l.Primary, l.Date, l.StartTime)).ShouldBe([
            (0L, true, new DateOnly(2026, 12, 1), "13:00"),
            (extra.Id, false, new DateOnly(2026, 12, 2), "09:00"),
        ]);
        lines.Items[0].PhotographerId.ShouldBe(photographer);
    }

    [Fact]
    public async Task The_primary_line_cannot_be_deleted_or_changed_on_its_own()
    {
        var booking = await Booking.InChicagoAsync(app);
        var session = await booking.CreateAsync(booking.Session("2026-12-03", "10:00", "11:00"));

        var delete = await booking.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/sessions/{session.Id}/calendar-events/0").WithIfMatch("\"1\""));
        await delete.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var put = await booking.Admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/sessions/{session.Id}/calendar-events/0",
            Line("2026-12-03", "12:00", "13:00")).WithIfMatch("\"1\""));
        await put.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_extra_line_is_double_booking_checked_against_other_sessions_and_blocks_them_in_turn()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var busy = await booking.CreateAsync(booking.Session("2026-12-05", "10:00", "11:00", photographer));
        var session = await booking.CreateAsync(booking.Session("2026-12-04", "10:00", "11:00", photographer));

        var refused = await booking.Admin.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/calendar-events", Line("2026-12-05", "10:30", "11:30", photographer));
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("conflicts")[0].GetProperty("sessionId").GetInt64().ShouldBe(busy.Id);

        var line = await AddAsync(booking, session.Id, Line("2026-12-05", "14:00", "15:00", photographer));
        var blocked = await booking.PostAsync(booking.Session("2026-12-05", "14:30", "15:30", photographer));
        var conflict = (await blocked.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("conflicts")[0];
        (conflict.GetProperty("kind").GetString(), conflict.GetProperty("calendarEventId").GetInt64(), conflict.GetProperty("sessionId").GetInt64())
            .ShouldBe(("calendarEvent", line.Id, session.Id));
    }

    [Fact]
    public async Task An_extra_line_is_changed_with_its_version_and_deleted_and_then_frees_its_time()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var session = await booking.CreateAsync(booking.Session("2026-12-07", "10:00", "11:00", photographer));
        var line = await AddAsync(booking, session.Id, Line("2026-12-08", "10:00", "11:00", photographer));
        var url = $"/api/v1/sessions/{session.Id}/calendar-events/{line.Id}";

        (await booking.Admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, Line("2026-12-08", "12:00", "13:00", photographer)))).StatusCode
            .ShouldBe(HttpStatusCode.PreconditionRequired);
        var moved = await (await booking.Admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, Line("2026-12-08", "12:00", "13:00", photographer, "Second sitting"))
            .WithIfMatch($"\"{line.Version}\""))).ShouldBeAsync<CalendarLineBody>(HttpStatusCode.OK);
        (moved.StartTime, moved.Description).ShouldBe(("12:00", "Second sitting"));

        var calendar = await (await booking.Admin.GetAsync($"/api/v1/calendar?from=2026-12-08&to=2026-12-08&userId={photographer}")).ShouldBeAsync<CalendarBody>(HttpStatusCode.OK);
        calendar.Items.Single().Kind.ShouldBe("calendarEvent");
        calendar.Items.Single().Title.ShouldEndWith("– Second sitting");

        (await booking.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch($"\"{moved.Version}\""))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await booking.PostAsync(booking.Session("2026-12-08", "12:00", "13:00", photographer))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_cancelled_sessions_extra_lines_free_their_time()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var session = await booking.CreateAsync(booking.Session("2026-12-09", "10:00", "11:00", photographer));
        await AddAsync(booking, session.Id, Line("2026-12-10", "10:00", "11:00", photographer));
        var cancel = booking.Session("2026-12-09", "10:00", "11:00", photographer);
        cancel["cancelled"] = true;
        await (await booking.PutAsync(session, cancel)).ShouldBeAsync<SessionBody>(HttpStatusCode.OK);

        (await booking.PostAsync(booking.Session("2026-12-10", "10:00", "11:00", photographer))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
