using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Features.Setup.SessionTypes;
using StudioApi.Hosting;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Seeding;
using StudioApi.Features.Clients;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Setup;

namespace StudioApi.Benchmarks;

/// <summary>
/// Online booking and bulk scheduling over HTTP against the real app on a fresh SQLite file: a month's availability
/// for a session type in a studio holding 10,000 sessions (10 photographers over a year), and 1,000-session picture days.
/// </summary>
public static class AvailabilityBenchmark
{
    const int Photographers = 10;
    const int Sessions = 10_000;
    const int AvailabilityRuns = 20;
    const int BulkRuns = 5;
    const string Password = "benchmark-admin-password";

    public static async Task RunAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), "studioapi-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var app = StudioApiApplication.Build([
            $"--Storage:DataDirectory={data}", "--Seed:DemoData=false", "--Admin:Username=admin", $"--Admin:Password={Password}",
            "--Logging:LogLevel:Default=Warning", "--RateLimits:RequestsPerMinute=1000000", "--RateLimits:OnlineBookingPerMinute=1000000",
            "--urls=http://127.0.0.1:0",
        ]);
        await DatabaseStartup.MigrateAsync(app.Services);
        await StudioSeeding.SeedAsync(app.Services);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var (typeId, key, clientIds, photographerIds) = await ArrangeAsync(app.Services);
            await AvailabilityAsync(http, typeId, key);
            await BulkAsync(http, typeId, clientIds, photographerIds[0]);
        }
        finally
        {
            await app.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    static async Task<(long TypeId, string Key, List<long> ClientIds, List<long> PhotographerIds)> ArrangeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var settings = await db.GetStudioSettingsAsync(forUpdate: true, CancellationToken.None);
        settings.TimeZone = "America/Chicago";
        settings.OpeningHours = [.. Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Sunday)
            .Select(d => new OpeningHours { Day = d, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(18, 0) })];
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>();
        var users = Enumerable.Range(1, Photographers).Select(i => new User { Username = $"photographer{i}", DisplayName = $"Photographer {i}", Role = UserRole.Photographer }).ToList();
        foreach (var user in users)
            user.PasswordHash = hasher.HashPassword(user, "not-used-here");
        var type = new SessionType
        {
            Name = "Mini session (bench)", DefaultLengthMinutes = 30, SortOrder = 1, OnlineBookable = true,
            BookingRules = new BookingRules { BufferAfterMinutes = 10, MinNoticeHours = 0, MaxDaysAhead = 730 },
        };
        var clients = Enumerable.Range(1, 1000).Select(i => new Client { Number = i, FirstName = $"Kid{i}", LastName = $"Family{i:D4}" }).ToList();
        db.Users.AddRange(users);
        db.SessionTypes.Add(type);
        db.Clients.AddRange(clients);
        await db.SaveChangesAsync();

        // 10,000 sessions over the coming year: hour-long sessions on the opening hours, spread over the photographers.
        var zone = StudioApi.Platform.Time.StudioClock.Zone(settings.TimeZone);
        var first = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var random = new Random(42);
        var sessions = new List<Session>(Sessions);
        for (var i = 0; i < Sessions; i++)
        {
            var date = first.AddDays(random.Next(365));
            var start = new TimeOnly(9 + random.Next(8), random.Next(2) * 30);
            var end = start.AddHours(1);
            sessions.Add(new Session
            {
                Number = i + 1, ClientId = clients[i % clients.Count].Id, SessionTypeId = type.Id, Date = date,
                StartTime = start, EndTime = end,
                StartsAt = StudioApi.Platform.Time.StudioClock.ToUtc(date, start, zone) ?? date.ToDateTime(start, DateTimeKind.Utc),
                EndsAt = StudioApi.Platform.Time.StudioClock.ToUtc(date, end, zone) ?? date.ToDateTime(end, DateTimeKind.Utc),
                PhotographerId = users[i % users.Count].Id, BookedBy = "bench", BookedOn = DateTime.UtcNow,
            });
        }
        db.Sessions.AddRange(sessions);
        await db.SaveChangesAsync();
        return (type.Id, settings.OnlineBookingKey, clients.Select(c => c.Id).ToList(), users.Select(u => u.Id).ToList());
    }

    static async Task AvailabilityAsync(HttpClient http, long typeId, string key)
    {
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var url = $"/api/v1/online-booking/availability?bookingKey={Uri.EscapeDataString(key)}&sessionTypeId={typeId}&from={from:yyyy-MM-dd}&to={from.AddDays(30):yyyy-MM-dd}";
        var times = new List<double>();
        var slots = 0;
        for (var run = 0; run <= AvailabilityRuns; run++)
        {
            var clock = Stopwatch.StartNew();
            var response = await http.GetAsync(url);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            clock.Stop();
            slots = body.GetProperty("slots").GetArrayLength();
            if (run > 0) // the first run warms up
                times.Add(clock.Elapsed.TotalMilliseconds);
        }
        Report($"Availability, 31 days, {Photographers} photographers, {Sessions:N0} sessions in the studio ({slots:N0} free slots)", times);
    }

    static async Task BulkAsync(HttpClient http, long typeId, List<long> clientIds, long photographerId)
    {
        var token = await (await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = Password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var times = new List<double>();
        // Days before the seeded sessions, so every run books into a free day with the conflict check doing its work.
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-BulkRuns - 2);
        for (var run = 0; run <= BulkRuns; run++)
        {
            var clock = Stopwatch.StartNew();
            var response = await http.PostAsJsonAsync("/api/v1/sessions/bulk", new
            {
                date = day.AddDays(run).ToString("yyyy-MM-dd"), startTime = "06:00", slotMinutes = 1, gapMinutes = 0,
                sessionTypeId = typeId, photographerId, clientIds,
            });
            clock.Stop();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"Bulk scheduling answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            if (run > 0)
                times.Add(clock.Elapsed.TotalMilliseconds);
        }
        Report($"Bulk scheduling, {clientIds.Count:N0} sessions in one call", times);
    }

    static void Report(string what, List<double> milliseconds)
    {
        milliseconds.Sort();
        Console.WriteLine($"{what}: min {milliseconds[0]:F1} ms, median {milliseconds[milliseconds.Count / 2]:F1} ms over {milliseconds.Count} runs");
    }
}
