using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Features.Clients.Clients;
using StudioApi.Hosting;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;
using StudioApi.Seeding;
using StudioApi.Features.Clients;

namespace StudioApi.Benchmarks;

/// <summary>
/// The mass advance of 10,000 clients through the same StatusTransitions service the bulk endpoint calls, on a
/// temporary SQLite file built by the real migrations. Prints each run and the min / median / max.
///   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --status [clients runs]
/// </summary>
public static class StatusBulkBenchmark
{
    public static async Task RunAsync(int clientCount, int runs)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "studioapi-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        try
        {
            var app = StudioApiApplication.Build([
                $"--Storage:DataDirectory={dataDirectory}",
                "--Seed:DemoData=false",
                "--Admin:Password=bench-password",
                "--Logging:LogLevel:Default=Warning",
            ]);
            await DatabaseStartup.MigrateAsync(app.Services);
            await StudioSeeding.SeedAsync(app.Services);

            List<long> ids;
            long prospect;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
                prospect = await db.StatusDefinitions.Where(s => s.Kind == RecordKind.Client && s.IsInitial).Select(s => s.Id).SingleAsync();
                var seeding = Stopwatch.StartNew();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                foreach (var chunk in Enumerable.Range(1, clientCount).Chunk(2000))
                {
                    db.Clients.AddRange(chunk.Select(n => new Client
                    {
                        Number = n,
                        FirstName = "Bench",
                        LastName = $"Client {n}",
                        StatusId = prospect,
                        StatusChangedAt = DateTime.UtcNow,
                        StatusDate = DateOnly.FromDateTime(DateTime.UtcNow),
                        StatusDueDate = DateOnly.FromDateTime(DateTime.UtcNow),
                    }));
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
                ids = await db.Clients.Select(c => c.Id).ToListAsync();
                Console.WriteLine($"Seeded {ids.Count:N0} clients in {seeding.ElapsedMilliseconds:N0} ms ({dataDirectory})");
            }

            var timings = new List<double>();
            var cpuTimes = new List<double>();
            var process = Process.GetCurrentProcess();
            for (var run = 1; run <= runs; run++)
            {
                await using (var reset = app.Services.CreateAsyncScope())
                {
                    var db = reset.ServiceProvider.GetRequiredService<StudioDbContext>();
                    await db.Clients.ExecuteUpdateAsync(set => set.SetProperty(c => c.StatusId, prospect));
                    await db.StatusLogEntries.ExecuteDeleteAsync();
                }

                await using var scope = app.Services.CreateAsyncScope();
                var transitions = scope.ServiceProvider.GetRequiredService<StatusTransitions>();
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var stopwatch = Stopwatch.StartNew();
                var batch = await transitions.ChangeAsync(RecordKind.Client, ids, StatusTarget.Advance, "Benchmark", CancellationToken.None);
                stopwatch.Stop();
                process.Refresh();
                var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                if (batch.Entries.Count != ids.Count)
                    throw new InvalidOperationException($"Expected {ids.Count} changes, got {batch.Entries.Count}.");
                timings.Add(stopwatch.Elapsed.TotalMilliseconds);
                cpuTimes.Add(cpu);
                // CPU time next to wall time: on a shared machine the wall time includes waiting for a core.
                Console.WriteLine($"run {run}: advanced {batch.Entries.Count:N0} clients in {stopwatch.Elapsed.TotalMilliseconds:N0} ms (CPU {cpu:N0} ms)");
            }

            timings.Sort();
            cpuTimes.Sort();
            Console.WriteLine($"bulk advance of {ids.Count:N0} clients: min {timings[0]:N0} ms, median {timings[timings.Count / 2]:N0} ms, max {timings[^1]:N0} ms "
                              + $"(CPU median {cpuTimes[cpuTimes.Count / 2]:N0} ms; {runs} runs, first one included; load average {LoadAverage()})");

        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
