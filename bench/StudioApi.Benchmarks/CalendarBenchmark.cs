using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Scheduling.Calendar;
using StudioApi.Features.Setup.Resources;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Time;
using StudioApi.Features.Clients;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Setup;

namespace StudioApi.Benchmarks;

/// <summary>
/// A month of the master calendar over a year holding 10,000 sessions (about 830 in the month), timed through
/// GET /api/v1/calendar and through <see cref="CalendarQuery"/> directly (the query without HTTP and JSON).
/// </summary>
public static class CalendarBenchmark
{
    const int Sessions = 10_000, Clients = 2_000, Photographers = 12, Rooms = 6, Runs = 30, Warmup = 5;

    public static async Task RunAsync()
    {
        await using var app = new BenchApp();
        await app.StartAsync();
        var seeding = Stopwatch.StartNew();
        await SeedAsync(app.Services);
        Console.WriteLine($"Seeded {Sessions:N0} sessions over 2027 in {seeding.Elapsed.TotalSeconds:F1} s");

        var admin = await app.AdminAsync();
        var url = "/api/v1/calendar?from=2027-05-01&to=2027-05-31";
        var first = await admin.GetAsync(url);
        first.EnsureSuccessStatusCode();
        var body = await first.Content.ReadAsStringAsync();
        Console.WriteLine($"GET {url}: {CountItems(body)} items, {body.Length / 1024} KiB");

        Report("GET /calendar (HTTP, one month, master)", await TimeAsync(async () =>
        {
            using var response = await admin.GetAsync(url);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }));
        Report("CalendarQuery (one month, master)", await TimeAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
            await new CalendarQuery(db).ReadAsync(new CalendarRange(new DateOnly(2027, 5, 1), new DateOnly(2027, 5, 31)), CancellationToken.None);
        }));
        var photographerId = await WithDbAsync(app.Services, db => db.Users.Where(u => u.Role == UserRole.Photographer).Select(u => u.Id).FirstAsync());
        Report("GET /calendar (HTTP, one month, one photographer)", await TimeAsync(async () =>
        {
            using var response = await admin.GetAsync($"{url}&userId={photographerId}");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }));
    }

    static int CountItems(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("items").GetArrayLength();

    static async Task<List<double>> TimeAsync(Func<Task> run)
    {
        for (var i = 0; i < Warmup; i++)
            await run();
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    static void Report(string name, List<double> times)
    {
        times.Sort();
        Console.WriteLine($"{name}: min {times[0]:F1} ms, median {times[times.Count / 2]:F1} ms, max {times[^1]:F1} ms ({times.Count} runs)");
    }

    static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<StudioDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<StudioDbContext>());
    }

    /// <summary>Sessions on working days of 2027 between 09:00 and 17:00, spread over photographers and rooms.</summary>
    static async Task SeedAsync(IServiceProvider services)
    {
        await WithDbAsync(services, async db =>
        {
            var settings = await db.GetStudioSettingsAsync(forUpdate: true, CancellationToken.None);
            settings.TimeZone = "America/Chicago";
            var zone = StudioClock.Zone(settings.TimeZone);
            var random = new Random(42);
            var users = Enumerable.Range(1, Photographers).Select(i => new User
            {
                Username = $"photographer{i}", DisplayName = $"Photographer {i}", Role = UserRole.Photographer, PasswordHash = "-",
            }).ToList();
            var rooms = Enumerable.Range(1, Rooms).Select(i => new Resource { Name = $"Room {i}", Kind = ResourceKind.CameraRoom }).ToList();
            var clients = Enumerable.Range(1, Clients).Select(i => new Client { Number = i, FirstName = "Client", LastName = $"Number {i}" }).ToList();
            db.Users.AddRange(users);
            db.Resources.AddRange(rooms);
            db.Clients.AddRange(clients);
            await db.SaveChangesAsync();
            var typeIds = await db.SessionTypes.Select(t => t.Id).ToListAsync();

            var days = Enumerable.Range(0, 365).Select(d => new DateOnly(2027, 1, 1).AddDays(d))
                .Where(d => d.DayOfWeek is not DayOfWeek.Sunday).ToList();
            for (var n = 0; n < Sessions; n++)
            {
                var day = days[n % days.Count];
                var start = new TimeOnly(9, 0).AddMinutes(30 * random.Next(0, 16));
                var end = start.AddMinutes(30 + 30 * random.Next(0, 3));
                db.Sessions.Add(new Session
                {
                    Number = n + 1,
                    ClientId = clients[random.Next(clients.Count)].Id,
                    SessionTypeId = typeIds[random.Next(typeIds.Count)],
                    Date = day, StartTime = start, EndTime = end,
                    StartsAt = StudioClock.ToUtc(day, start, zone)!.Value, EndsAt = StudioClock.ToUtc(day, end, zone)!.Value,
                    PhotographerId = users[n % users.Count].Id,
                    ResourceId = rooms[n % rooms.Count].Id,
                    BookedBy = "bench", BookedOn = DateTime.UtcNow,
                    Cancelled = n % 25 == 0,
                });
                if (n % 2_000 == 1_999)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }
            await db.SaveChangesAsync();
            return true;
        });
    }
}
