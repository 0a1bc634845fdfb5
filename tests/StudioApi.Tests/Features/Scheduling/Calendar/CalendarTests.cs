using System.Net;
using System.Net.Http.Json;
using StudioApi.Tests.Features.Scheduling.Appointments;
using StudioApi.Tests.Features.Scheduling.Sessions;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Scheduling.Calendar;

public sealed record CalendarItemBody(
    string Kind, long Id, long? SessionId, string Title, DateOnly Date, string StartTime, string EndTime,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, List<long> UserIds, long? ResourceId, bool Cancelled, bool OnHold, int Version);

public sealed record CalendarBody(List<CalendarItemBody> Items);

public sealed class CalendarTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    async Task<long> TypeAsync(HttpClient admin, string template)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/session-types",
            new { name = $"Type {Guid.NewGuid():N}"[..20], style = "portrait", defaultLengthMinutes = 60, calendarTemplate = template });
        return (await response.ShouldBeAsync<IdBody>(HttpStatusCode.Created)).Id;
    }

    [Fact]
    public async Task A_users_calendar_lists_their_sessions_and_appointments_titled_by_the_type_template()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var other = await booking.NewUserAsync();
        var type = await TypeAsync(booking.Admin, "{client} with {photographer} #{number}");
        var body = booking.Session("2026-11-10", "10:00", "11:00", photographer);
        body["sessionTypeId"] = type;
        var session = await booking.CreateAsync(body);
        await booking.CreateAsync(booking.Session("2026-11-10", "10:00", "11:00", other));
        var appointment = await (await booking.Admin.PostAsJsonAsync("/api/v1/appointments", new
        {
            title = "Sales appointment", date = "2026-11-11", startTime = "09:00", endTime = "09:30", userIds = new[] { photographer },
        })).ShouldBeAsync<AppointmentBody>(HttpStatusCode.Created);

        var calendar = await (await booking.Admin.GetAsync($"/api/v1/calendar?from=2026-11-01&to=2026-11-30&userId={photographer}"))
            .ShouldBeAsync<CalendarBody>(HttpStatusCode.OK);

        calendar.Items.Select(i => (i.Kind, i.Id)).ShouldBe([("session", session.Id), ("appointment", appointment.Id)]);
        var client = await booking.Admin.GetFromJsonAsync<Dictionary<string, object>>($"/api/v1/clients/{booking.ClientId}");
        var user = await booking.Admin.GetFromJsonAsync<Dictionary<string, object>>($"/api/v1/users/{photographer}");
        calendar.Items[0].Title.ShouldBe($"Ada {client!["lastName"]} with {user!["displayName"]} #{session.Number}");
        calendar.Items[0].StartsAt.ShouldBe(new DateTimeOffset(2026, 11, 10, 16, 0, 0, TimeSpan.Zero));
        calendar.Items[1].Title.ShouldBe("Sales appointment");
    }

    [Fact]
    public async Task The_master_calendar_lists_everyone_and_leaves_out_cancelled_sessions_unless_asked()
    {
        var booking = await Booking.InChicagoAsync(app);
        var first = await booking.CreateAsync(booking.Session("2027-01-05", "10:00", "11:00", await booking.NewUserAsync()));
        var cancelled = booking.Session("2027-01-06", "10:00", "11:00", await booking.NewUserAsync());
        cancelled["cancelled"] = true;
        var second = await booking.CreateAsync(cancelled);

        var calendar = await (await booking.Admin.GetAsync("/api/v1/calendar?from=2027-01-01&to=2027-01-31")).ShouldBeAsync<CalendarBody>(HttpStatusCode.OK);
        calendar.Items.Select(i => i.Id).ShouldBe([first.Id]);

        var all = await (await booking.Admin.GetAsync("/api/v1/calendar?from=2027-01-01&to=2027-01-31&includeCancelled=true")).ShouldBeAsync<CalendarBody>(HttpStatusCode.OK);
        all.Items.Select(i => (i.Id, i.Cancelled)).ShouldBe([(first.Id, false), (second.Id, true)]);
    }

    [Fact]
    public async Task A_calendar_over_more_than_62_days_is_refused()
    {
        var admin = await app.AdminAsync();

        var response = await admin.GetAsync("/api/v1/calendar?from=2026-01-01&to=2026-03-31");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldContain("to");
    }

    [Fact]
    public async Task A_session_type_template_with_an_unknown_placeholder_is_refused()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/session-types",
            new { name = "Bad template", style = "portrait", defaultLengthMinutes = 60, calendarTemplate = "{photographer} {price}" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors().ShouldContain("calendarTemplate");
        problem.GetProperty("errors")[0].GetProperty("reason").GetString()!.ShouldContain("{price}");
    }

    [Fact]
    public async Task A_session_type_without_a_template_gets_the_default()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/session-types", new { name = "Plain type", style = "portrait", defaultLengthMinutes = 30 });

        (await response.ShouldBeAsync<Dictionary<string, object>>(HttpStatusCode.Created))["calendarTemplate"].ToString()
            .ShouldBe("{photographer} – {client} ({type})");
    }
}
