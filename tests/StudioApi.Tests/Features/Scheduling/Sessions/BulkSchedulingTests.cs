using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Tests.Infrastructure;
using Xunit.Abstractions;
using StudioApi.Features.Clients;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Setup;

namespace StudioApi.Tests.Features.Scheduling.Sessions;

public sealed record BulkBody(int Count, List<BulkSessionBody> Sessions);

public sealed record BulkSessionBody(long Id, int Number, long ClientId, DateOnly Date, string StartTime, string EndTime, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public sealed class BulkSchedulingTests(StudioApiFactory app, ITestOutputHelper output) : IClassFixture<StudioApiFactory>
{
    /// <summary>Clients stored directly (fast enough for a thousand), optionally as students of an organization.</summary>
    async Task<List<long>> ClientsAsync(int count, long? organizationId = null, Func<int, (string First, string Last, string? Grade)>? names = null)
    {
        var clients = Enumerable.Range(0, count).Select(i =>
        {
            var (first, last, grade) = names?.Invoke(i) ?? ($"Kid{i}", $"Family{i:D4}", null);
            return new StudioApi.Features.Clients.Clients.Client
            {
                FirstName = first,
                LastName = last,
                Student = organizationId is { } org
                    ? new ClientStudent { OrganizationId = org, StudentId = $"S{i:D4}", Grade = grade, GraduationYear = 2030 }
                    : null,
            };
        }).ToList();
        await app.WithDbAsync(async db =>
        {
            var number = await db.Clients.IgnoreQueryFilters().MaxAsync(c => (int?)c.Number) ?? 0;
            foreach (var client in clients)
                client.Number = ++number;
            db.Clients.AddRange(clients);
            await db.SaveChangesAsync();
        });
        return clients.Select(c => c.Id).ToList();
    }

    async Task<long> SessionTypeAsync() =>
        await app.WithDbAsync(db => db.SessionTypes.Where(t => t.IsActive).Select(t => t.Id).FirstAsync());

    Task<int> SessionCountAsync() => app.WithDbAsync(db => db.Sessions.CountAsync());

    static Dictionary<string, object?> Day(long sessionTypeId, string date, string start, int slot, int gap, long? photographer, IEnumerable<long>? clients) => new()
    {
        ["date"] = date,
        ["startTime"] = start,
        ["slotMinutes"] = slot,
        ["gapMinutes"] = gap,
        ["sessionTypeId"] = sessionTypeId,
        ["photographerId"] = photographer,
        ["clientIds"] = clients?.ToList(),
    };

    [Fact]
    public async Task Each_client_gets_a_session_in_consecutive_slots_with_consecutive_numbers()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var clients = await ClientsAsync(3);

        var response = await booking.Admin.PostAsJsonAsync("/api/v1/sessions/bulk",
            Day(await SessionTypeAsync(), "2026-10-05", "09:00", 10, 5, photographer, clients));

        var body = await response.ShouldBeAsync<BulkBody>(HttpStatusCode.Created);
        body.Count.ShouldBe(3);
        body.Sessions.Select(s => (s.ClientId, s.StartTime, s.EndTime))
            .ShouldBe([(clients[0], "09:00", "09:10"), (clients[1], "09:15", "09:25"), (clients[2], "09:30", "09:40")]);
        body.Sessions[0].StartsAt.ShouldBe(new DateTimeOffset(2026, 10, 5, 14, 0, 0, TimeSpan.Zero));
        body.Sessions.Select(s => s.Number).ShouldBe(Enumerable.Range(body.Sessions[0].Number, 3));
        var stored = await booking.Admin.GetFromJsonAsync<SessionBody>($"/api/v1/sessions/{body.Sessions[2].Id}");
        (stored!.ClientId, stored.PhotographerId, stored.StartTime).ShouldBe((clients[2], photographer, "09:30"));
    }

    [Fact]
    public async Task A_whole_organization_is_booked_in_name_order_with_the_student_fields()
    {
        var booking = await Booking.InChicagoAsync(app);
        var organization = new Organization { Name = $"School {Guid.NewGuid():N}"[..20], Code = $"S{Guid.NewGuid():N}"[..10] };
        await app.WithDbAsync(async db => { db.Organizations.Add(organization); await db.SaveChangesAsync(); });
        string[][] names = [["Zoe", "Adams", "5"], ["Ben", "Young", "5"], ["Amy", "Adams", "5"], ["Carl", "Marsh", "6"]];
        var ids = await ClientsAsync(4, organization.Id, i => (names[i][0], names[i][1], names[i][2]));
        var request = Day(await SessionTypeAsync(), "2026-10-06", "08:00", 5, 0, null, null);
        request["organizationId"] = organization.Id;
        request["grade"] = "5";

        var body = await (await booking.Admin.PostAsJsonAsync("/api/v1/sessions/bulk", request)).ShouldBeAsync<BulkBody>(HttpStatusCode.Created);

        // Adams Amy, Adams Zoe, Young Ben; Carl is in grade 6.
        body.Sessions.Select(s => s.ClientId).ShouldBe([ids[2], ids[0], ids[1]]);
        var first = await booking.Admin.GetFromJsonAsync<SessionBody>($"/api/v1/sessions/{body.Sessions[0].Id}");
        (first!.OrganizationId, first.StudentId, first.GraduationYear).ShouldBe((organization.Id, "S0002", 2030));
    }

    [Fact]
    public async Task One_busy_slot_books_nothing_and_the_conflict_names_the_client_and_the_session()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var busy = await booking.CreateAsync(booking.Session("2026-10-07", "09:20", "09:40", photographer));
        var clients = await ClientsAsync(4);
        var before = await SessionCountAsync();

        var response = await booking.Admin.PostAsJsonAsync("/api/v1/sessions/bulk",
            Day(await SessionTypeAsync(), "2026-10-07", "09:00", 10, 0, photographer, clients));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var slots = problem.GetProperty("slotConflicts").EnumerateArray().ToList();
        slots.Select(s => s.GetProperty("clientId").GetInt64()).ShouldBe([clients[2], clients[3]]);
        slots[0].GetProperty("conflicts")[0].GetProperty("sessionId").GetInt64().ShouldBe(busy.Id);
        (await SessionCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_appointment_of_the_photographer_makes_its_slot_a_conflict_and_nothing_is_booked()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        (await booking.Admin.PostAsJsonAsync("/api/v1/appointments", new
            { title = "Principal's meeting", date = "2026-10-08", startTime = "09:22", endTime = "09:28", userIds = new[] { photographer } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var clients = await ClientsAsync(4);
        var before = await SessionCountAsync();

        var response = await booking.Admin.PostAsJsonAsync("/api/v1/sessions/bulk",
            Day(await SessionTypeAsync(), "2026-10-08", "09:00", 10, 0, photographer, clients));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var slot = problem.GetProperty("slotConflicts").EnumerateArray().Single();
        slot.GetProperty("clientId").GetInt64().ShouldBe(clients[2]);
        slot.GetProperty("conflicts").EnumerateArray().Single().GetProperty("kind").GetString().ShouldBe("appointment");
        (await SessionCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Unknown_clients_are_all_listed_and_nothing_is_booked()
    {
        var booking = await Booking.InChicagoAsync(app);
        var clients = await ClientsAsync(2);
        var before = await SessionCountAsync();

        var response = await booking.Admin.PostAsJsonAsync("/api/v1/sessions/bulk",
            Day(await SessionTypeAsync(), "2026-10-08", "09:00", 10, 0, null, [clients[0], 99_999_901, clients[1], 99_999_902]));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors().ShouldContain("clientIds[1]");
        problem.FieldErrors().ShouldContain("clientIds[3]");
        (await SessionCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Replaying_with_the_same_idempotency_key_books_once_and_answers_the_same()
    {
        var booking = await Booking.InChicagoAsync(app);
        var clients = await ClientsAsync(5);
        var body = Day(await SessionTypeAsync(), "2026-10-09", "09:00", 10, 0, null, clients);
        var before = await SessionCountAsync();

        async Task<string> SendAsync()
        {
            var request = HttpAssertions.Json(HttpMethod.Post, "/api/v1/sessions/bulk", body);
            request.Headers.Add("Idempotency-Key", "picture-day-2026-10-09");
            var response = await booking.Admin.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            return await response.Content.ReadAsStringAsync();
        }

        var first = await SendAsync();
        var second = await SendAsync();

        second.ShouldBe(first);
        (await SessionCountAsync()).ShouldBe(before + 5);
    }

    [Fact]
    public async Task A_thousand_sessions_are_booked_in_one_call()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var room = await booking.NewRoomAsync();
        var clients = await ClientsAsync(1000);
        var request = Day(await SessionTypeAsync(), "2026-10-12", "06:00", 1, 0, photographer, clients);
        request["resourceId"] = room;

        var clock = Stopwatch.StartNew();
        var response = await booking.Admin.PostAsJsonAsync("/api/v1/sessions/bulk", request);
        clock.Stop();

        var body = await response.ShouldBeAsync<BulkBody>(HttpStatusCode.Created);
        output.WriteLine($"1,000 sessions booked in {clock.ElapsedMilliseconds} ms");
        body.Count.ShouldBe(1000);
        (body.Sessions[^1].StartTime, body.Sessions[^1].EndTime).ShouldBe(("22:39", "22:40"));
        body.Sessions.Select(s => s.Number).Distinct().Count().ShouldBe(1000);
        (await app.WithDbAsync(db => db.Sessions.CountAsync(s => s.ResourceId == room))).ShouldBe(1000);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Slots_in_or_across_the_spring_forward_gap_are_refused()
    {
        var booking = await Booking.InChicagoAsync(app);
        var clients = await ClientsAsync(4);
        var before = await SessionCountAsync();

        // 2026-03-08 in Chicago: 02:00–03:00 does not exist. 01:00–01:30 is fine; 01:30–02:00 ends in the gap.
        var response = await booking.Admin.PostAsJsonAsync("/api/v1/sessions/bulk",
            Day(await SessionTypeAsync(), "2026-03-08", "01:00", 30, 0, null, clients));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors().ShouldContain("startTime");
        var message = problem.GetRawText();
        message.ShouldContain("01:30–02:00");
        message.ShouldNotContain("01:00–01:30");
        (await SessionCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Slots_that_run_past_midnight_are_refused_saying_how_many_fit()
    {
        var booking = await Booking.InChicagoAsync(app);
        var clients = await ClientsAsync(4);

        var response = await booking.Admin.PostAsJsonAsync("/api/v1/sessions/bulk",
            Day(await SessionTypeAsync(), "2026-10-13", "22:00", 30, 10, null, clients));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetRawText().ShouldContain("only 3 fit");
    }
}
