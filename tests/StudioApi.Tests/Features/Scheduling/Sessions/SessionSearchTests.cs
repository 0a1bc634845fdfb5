using System.Net;
using System.Net.Http.Json;
using StudioApi.Features.Clients;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Persistence;
using StudioApi.Tests.Features.Clients.Clients;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Scheduling.Sessions;

/// <summary>The sessions hub is searched by session number, by anything its client is found by, and by its description and file number.</summary>
public sealed class SessionSearchTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task Sessions_are_found_by_their_clients_name_phone_or_email_by_number_and_by_description()
    {
        var booking = await Booking.InChicagoAsync(app);
        var client = await booking.Admin.CreateAsync(ClientRequests.Consumer("Zoë", "Szymańska", phone: "630-555-8642", email: "zoe.s@studio.example"));
        var body = booking.Session("2026-10-05", "09:00", "10:00");
        body["clientId"] = client.Id;
        body["description"] = "Maternity portraits at the lake";
        body["fileNumber"] = "LK-2210";
        var session = await booking.CreateAsync(body);
        var other = await booking.CreateAsync(booking.Session("2026-10-05", "11:00", "12:00"));

        foreach (var query in new[] { "szymanska", "zoe%20szym", "5558642", "zoe.s@", "matern", "lk-2210", $"{session.Number}" })
        {
            var ids = (await (await booking.Admin.GetAsync($"/api/v1/sessions?q={query}")).ShouldBeAsync<SessionPage>(HttpStatusCode.OK)).Items.Select(s => s.Id).ToList();
            ids.ShouldContain(session.Id, query);
            ids.ShouldNotContain(other.Id, query);
        }
    }

    [Fact]
    public async Task A_common_client_name_finds_exactly_those_clients_sessions()
    {
        // 800 clients share a last name (2,400 terms start with it): the hub checks its sessions along the date order
        // rather than gathering every match (SearchTermQueries.CommonMatches), and finds the same sessions.
        var booking = await Booking.InChicagoAsync(app);
        var (theirs, rare) = await app.WithDbAsync(async db =>
        {
            var clients = Enumerable.Range(0, 800).Select(i => new StudioApi.Features.Clients.Clients.Client
            {
                FirstName = i == 7 ? "Rarissimo" : $"S{i}",
                LastName = "Sessionalia",
                Emails = [new StudioApi.Features.Clients.Clients.ClientEmail { Address = $"sessionalia{i}@mail.example" }],
            }).ToList();
            db.Clients.AddRange(clients);
            await db.SaveNumberedAsync(clients, CancellationToken.None);
            var day = new DateOnly(2026, 11, 2);
            var sessions = Enumerable.Range(0, 60).Select(i =>
            {
                var date = day.AddDays(i % 20);
                var start = new TimeOnly(9 + i % 5, 0);
                return new Session
                {
                    ClientId = i < 30 ? clients[i == 29 ? 7 : i * 20].Id : booking.ClientId,
                    Date = date, StartTime = start, EndTime = start.AddHours(1),
                    StartsAt = date.ToDateTime(start, DateTimeKind.Utc), EndsAt = date.ToDateTime(start.AddHours(1), DateTimeKind.Utc),
                    BookedBy = "admin", BookedOn = DateTime.UtcNow,
                    // Found by its own terms, not its client's: the word is checked against both.
                    Description = i == 45 ? "Sessionalia reunion" : null,
                };
            }).ToList();
            db.Sessions.AddRange(sessions);
            await db.SaveNumberedAsync(sessions, CancellationToken.None);
            return (sessions.Where((x, i) => i < 30 || i == 45).Select(x => x.Id).ToList(), sessions.Where(x => x.ClientId == clients[7].Id).Select(x => x.Id).ToList());
        });

        foreach (var sort in new[] { "date", "-number", "createdAt" })
        {
            var found = new List<long>();
            string? cursor = null;
            do
            {
                var page = await (await booking.Admin.GetAsync($"/api/v1/sessions?q=sessionalia&sort={sort}&limit=7" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")))
                    .ShouldBeAsync<SessionPage>(HttpStatusCode.OK);
                found.AddRange(page.Items.Select(x => x.Id));
                cursor = page.NextCursor;
            } while (cursor is not null);
            found.ShouldBe(theirs, ignoreOrder: true, sort);
            found.ShouldBeUnique(sort);
        }
        var both = await (await booking.Admin.GetAsync("/api/v1/sessions?q=sessionalia%20rarissimo")).ShouldBeAsync<SessionPage>(HttpStatusCode.OK);
        both.Items.Select(x => x.Id).ShouldBe(rare, ignoreOrder: true);
        rare.ShouldNotBeEmpty();
    }
}
