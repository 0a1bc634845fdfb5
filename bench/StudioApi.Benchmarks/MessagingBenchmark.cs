using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Messaging;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Features.Messaging.Outbox;
using StudioApi.Features.Messaging.Settings;
using StudioApi.Features.Messaging.Triggers;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Hosting;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;
using StudioApi.Seeding;

namespace StudioApi.Benchmarks;

/// <summary>
/// Messaging: the date-trigger sweep over 10,000 sessions (the first sweep fires each: a ledger row and a call; the
/// second finds each fired), and the outbox's throughput to a local SMTP server (<see cref="SmtpSink"/>, in this
/// process) with one and with four workers, on a temporary SQLite file built by the real migrations.
///   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --messaging [sessions emails]
/// </summary>
public static class MessagingBenchmark
{
    public static async Task RunAsync(int sessionCount, int emailCount)
    {
        await SweepAsync(sessionCount);
        foreach (var workers in new[] { 1, 4 })
            await OutboxAsync(emailCount, workers);
    }

    static async Task<(Microsoft.AspNetCore.Builder.WebApplication App, string Folder)> AppAsync(params string[] more)
    {
        var folder = Path.Combine(Path.GetTempPath(), "studioapi-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var app = StudioApiApplication.Build([
            $"--Storage:DataDirectory={folder}", "--Seed:DemoData=false", "--Admin:Password=bench-password", "--Logging:LogLevel:Default=Warning",
            "--Jobs:Enabled=false", "--urls=http://127.0.0.1:0", .. more,
        ]);
        await DatabaseStartup.MigrateAsync(app.Services);
        await StudioSeeding.SeedAsync(app.Services);
        return (app, folder);
    }

    static async Task SweepAsync(int sessionCount)
    {
        var (app, folder) = await AppAsync("--Background:Enabled=false");
        try
        {
            var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var client = new Client { Number = 1, FirstName = "Bench", LastName = "Family" };
                db.Clients.Add(client);
                await db.SaveChangesAsync();
                var start = DateTime.UtcNow.Date.AddDays(1);
                foreach (var chunk in Enumerable.Range(1, sessionCount).Chunk(2000))
                {
                    db.Sessions.AddRange(chunk.Select(n => new Session
                    {
                        Number = n, ClientId = client.Id, Date = day, StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(9, 5),
                        StartsAt = start.AddHours(9), EndsAt = start.AddHours(9).AddMinutes(5), BookedBy = "bench", BookedOn = DateTime.UtcNow,
                    }));
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
                db.Triggers.Add(new Trigger
                {
                    Name = "Bench reminder", IsActive = true, ActivatedAt = DateTime.UtcNow.AddDays(-2), RecordKind = RecordKind.Session,
                    Event = TriggerEvent.Date, DateField = TriggerDateField.SessionDate, OffsetDays = -1, TimeOfDay = new TimeOnly(0, 0),
                    Actions = [new TriggerAction { Kind = TriggerActionKind.Call, Title = "Reminder call" }],
                });
                await db.SaveChangesAsync();
            }
            Console.WriteLine($"Date triggers: {sessionCount:N0} sessions on {day:yyyy-MM-dd}, one trigger a day before at 00:00 (studio zone UTC) with a call action");
            foreach (var pass in new[] { "first sweep (fires each: ledger row, call, status log)", "second sweep (each found fired)" })
            {
                await using var scope = app.Services.CreateAsyncScope();
                var watch = Stopwatch.StartNew();
                var fired = await scope.ServiceProvider.GetRequiredService<DateTriggerSweep>().RunAsync(CancellationToken.None);
                watch.Stop();
                Console.WriteLine($"  {pass}: {sessionCount:N0} evaluated, {fired:N0} fired in {watch.ElapsedMilliseconds:N0} ms "
                                  + $"({sessionCount / watch.Elapsed.TotalSeconds:N0} evaluations/s)");
            }
        }
        finally
        {
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    static async Task OutboxAsync(int emailCount, int workers)
    {
        using var smtp = new SmtpSink();
        var port = smtp.Port;
        var (app, folder) = await AppAsync($"--Background:Outbox:Workers={workers}", "--Background:Outbox:PollSeconds=0.2");
        try
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
                var settings = await db.MessagingSettings.FirstAsync();
                (settings.SmtpHost, settings.SmtpPort, settings.SmtpTlsMode, settings.SenderEmail, settings.SenderName, settings.EmailsPerMinute) =
                    ("127.0.0.1", port, SmtpTlsMode.None, "bench@studio.example", "Bench Studio", 1_000_000);
                var client = new Client { Number = 1, FirstName = "Bench", LastName = "Family", Emails = [new ClientEmail { Address = "family@example.com", IsPrimary = true }] };
                db.Clients.Add(client);
                await db.SaveChangesAsync();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                foreach (var chunk in Enumerable.Range(1, emailCount).Chunk(1000))
                {
                    db.Communications.AddRange(chunk.Select(n => new Communication
                    {
                        Kind = CommunicationKind.Email, ClientId = client.Id, Address = "family@example.com", Subject = $"Newsletter {n}",
                        Body = "Spring minis are open for booking: thirty minutes, ten images, one family.", State = DeliveryState.Queued, QueuedAt = DateTime.UtcNow,
                    }));
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }
            var watch = Stopwatch.StartNew();
            await app.StartAsync();
            app.Services.GetRequiredService<OutboxSignal>().Wake();
            while (true)
            {
                await Task.Delay(100);
                await using var scope = app.Services.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<StudioDbContext>().Communications.CountAsync(c => c.State == DeliveryState.Sent);
                if (sent == emailCount)
                    break;
                if (watch.Elapsed > TimeSpan.FromMinutes(10))
                    throw new TimeoutException($"Only {sent} of {emailCount} sent in ten minutes.");
            }
            watch.Stop();
            Console.WriteLine($"Outbox, {workers} worker(s): {emailCount:N0} e-mails to a local SMTP server in {watch.Elapsed.TotalSeconds:N1} s "
                              + $"= {emailCount / watch.Elapsed.TotalSeconds:N0} messages/s (the server received {smtp.Received:N0})");
            await app.StopAsync();
        }
        finally
        {
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
