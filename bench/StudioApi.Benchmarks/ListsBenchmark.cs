using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Hosting;
using StudioApi.Platform.Persistence;
using StudioApi.Seeding;

namespace StudioApi.Benchmarks;

/// <summary>
/// Every list, sort, filter and search of the large studio (--seed-large first) over HTTP against the real app on
/// Kestrel (loopback), 4 connections, with GET of one record by id in the same run as the yardstick. For each request
/// it also replays the SQL the app ran for it straight on the file (ADO.NET, one connection) and prints each
/// statement's EXPLAIN QUERY PLAN, so the HTTP time can be held against the database time and the plan.
/// </summary>
public static class ListsBenchmark
{
    const int Connections = 4;

    sealed record Case(string Group, string Name, string Url);

    sealed record CapturedCommand(string Sql, (string Name, object? Value)[] Parameters);

    /// <param name="YardstickP50">GET of one client by id measured just before this request: the machine is shared,
    /// so each ratio is taken against the yardstick under the same load.</param>
    sealed record Result(Case Case, double RequestsPerSecond, double P50, double P99, int Statements, double SqlP50, int Bytes, double YardstickP50, double CpuPerRequest);

    public static async Task RunAsync(string directory, double seconds, string? only)
    {
        var file = Path.Combine(directory, "studio.db");
        if (!File.Exists(file))
            throw new InvalidOperationException($"{file} does not exist: run --seed-large first.");
        Console.WriteLine($"Large studio at {file} ({new FileInfo(file).Length / 1024 / 1024:N0} MiB); {Environment.ProcessorCount} cores; load: {Uptime()}");

        var capture = new SqlCapture();
        using var activities = SqlCapture.ListenToRequests();
        using var subscription = DiagnosticListener.AllListeners.Subscribe(capture);

        var started = Stopwatch.StartNew();
        var app = StudioApiApplication.Build([.. LargeStudio.AppArguments(directory), "--urls=http://127.0.0.1:0"]);
        await DatabaseStartup.MigrateAsync(app.Services);
        await StudioSeeding.SeedAsync(app.Services);
        await app.StartAsync();
        Console.WriteLine($"Started in {started.Elapsed.TotalSeconds:F1} s");
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var token = await SignInAsync(address);
            var cases = await CasesAsync(file, address, token);
            if (only is not null)
            {
                var wanted = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                // "group" or "name" (any part), or "group:name" for one group's requests of that name.
                bool Matches(Case c, string w) => w.Split(':') is [var group, var name]
                    ? c.Group.Equals(group, StringComparison.OrdinalIgnoreCase) && c.Name.Contains(name, StringComparison.OrdinalIgnoreCase)
                    : c.Group.Contains(w, StringComparison.OrdinalIgnoreCase) || c.Name.Contains(w, StringComparison.OrdinalIgnoreCase);
                cases = [.. cases.Where(c => c.Group == "record" || wanted.Any(w => Matches(c, w)))];
            }

            await using var sql = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            await sql.OpenAsync();

            var process = Process.GetCurrentProcess();
            GC.Collect();
            process.Refresh();
            var before = (process.WorkingSet64, GC.GetTotalMemory(false));
            long peak = before.WorkingSet64;

            var results = new List<Result>();
            var plans = new List<(Case Case, List<CapturedCommand> Commands)>();
            var yardstick = cases.First(c => c.Group == "record");
            // Every request under load for a second first: a fresh process runs its first calls of each method as quickly
            // compiled code and recompiles the busy ones in the background, so the first requests measured (the yardstick
            // among them) ran up to twice as slow as the same requests at the end of the run.
            token = await SignInAsync(address);
            foreach (var item in cases)
            {
                try
                {
                    await LoadAsync(address, token, item.Url, 1);
                }
                catch (Exception e) when (e is TaskCanceledException or HttpRequestException or InvalidOperationException)
                {
                    // reported when measured
                }
            }
            Console.WriteLine($"Warmed up: each request under load for 1 s");
            foreach (var item in cases)
            {
                // Access tokens live 15 minutes: a fresh one for each request measured.
                token = await SignInAsync(address);
                List<CapturedCommand> commands;
                int bytes;
                double rate, p50, p99, cpu, yardstickP50 = double.NaN;
                try
                {
                    (commands, bytes) = await capture.OneRequestAsync(address, token, item.Url);
                    if (item.Group != "record")
                        (_, yardstickP50, _, _) = await LoadAsync(address, token, yardstick.Url, Math.Max(1, seconds / 2));
                    (rate, p50, p99, cpu) = await LoadAsync(address, token, item.Url, seconds);
                    if (item.Group == "record")
                        yardstickP50 = p50;
                }
                catch (Exception e) when (e is TaskCanceledException or HttpRequestException or InvalidOperationException)
                {
                    Console.WriteLine($"  {item.Group,-13} {item.Name,-40} failed: {e.Message.Split('\n')[0]}");
                    continue;
                }
                var sqlP50 = ReplayP50(sql, commands);
                results.Add(new Result(item, rate, p50, p99, commands.Count, sqlP50, bytes, yardstickP50, cpu));
                plans.Add((item, commands));
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                Console.WriteLine($"  {item.Group,-13} {item.Name,-40} {rate,8:N0}/s  p50 {p50,7:F2} ms  p99 {p99,7:F2} ms  ×{p50 / yardstickP50,5:F1}  cpu {cpu,5:F2} ms/req  sql {sqlP50,6:F2} ms ({commands.Count})");
            }

            // Memory under sustained load: the busiest page for a while, the working set read every few seconds.
            var soak = cases.FirstOrDefault(c => c.Group == "clients") ?? cases.First(c => c.Group != "record");
            Console.WriteLine($"Memory under load ({soak.Name}, {Connections} connections):");
            for (var round = 0; round < 6; round++)
            {
                await LoadAsync(address, await SignInAsync(address), soak.Url, Math.Max(2, seconds));
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                Console.WriteLine($"  after {round + 1} × {Math.Max(2, seconds)} s: working set {process.WorkingSet64 / 1024 / 1024:N0} MiB, managed heap {GC.GetTotalMemory(false) / 1024 / 1024:N0} MiB");
            }

            GC.Collect();
            process.Refresh();
            var after = (process.WorkingSet64, GC.GetTotalMemory(false));

            Print(results, before, after, peak);
            await WrkAsync(address, await SignInAsync(address), cases, seconds);
            PrintPlans(sql, plans);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>
    /// The yardstick and the first client and session pages under wrk, when it is installed (apt-get install wrk): a load
    /// generator in a process of its own, 4 connections on one thread, as the issue measured. The in-process load above
    /// spends part of the two cores on its own HttpClient.
    /// </summary>
    static async Task WrkAsync(string address, string token, List<Case> cases, double seconds)
    {
        var wrk = Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(d => Path.Combine(d, "wrk")).FirstOrDefault(File.Exists);
        if (wrk is null)
        {
            Console.WriteLine("wrk is not installed: no figures from an outside load generator.");
            return;
        }
        Console.WriteLine();
        Console.WriteLine($"wrk, {Connections} connections, 1 thread, {Math.Max(5, seconds):F0} s each:");
        Console.WriteLine("| request | req/s | p50 ms | p99 ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        var measured = cases.Where(c => c.Group == "record" && !c.Name.Contains("again", StringComparison.Ordinal))
            .Concat(cases.Where(c => c.Group is "clients" or "sessions" && c.Name.StartsWith("limit=50", StringComparison.Ordinal)).Take(2))
            .ToList();
        foreach (var item in measured)
        {
            var start = new ProcessStartInfo(wrk)
            {
                RedirectStandardOutput = true,
                ArgumentList = { "-t1", $"-c{Connections}", $"-d{Math.Max(5, seconds):F0}s", "--latency", "-H", $"Authorization: Bearer {token}", address + item.Url },
            };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            string Figure(string label) => output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(label, StringComparison.Ordinal))?
                .Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) ?? "?";
            var errors = output.Contains("Non-2xx", StringComparison.Ordinal) ? " (non-2xx answers!)" : "";
            Console.WriteLine($"| {item.Group} `{item.Name}`{errors} | {Figure("Requests/sec:")} | {Figure("50%")} | {Figure("99%")} |");
        }
    }

    static string Uptime()
    {
        try { return File.ReadAllText("/proc/loadavg").Trim(); } catch (IOException) { return "unknown"; }
    }

    static async Task<string> SignInAsync(string address)
    {
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = LargeStudio.AdminPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    static HttpClient Client(string address, string token)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = new Uri(address),
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>Four connections, each sending the next request as soon as the last answer is read, for a while.</summary>
    /// <remarks>CpuPerRequest is the process's CPU time (app and load generator together) per request: on a machine
    /// shared with other work, latency and rate move with their load, this much less.</remarks>
    static async Task<(double Rate, double P50, double P99, double CpuPerRequest)> LoadAsync(string address, string token, string url, double seconds)
    {
        var clients = Enumerable.Range(0, Connections).Select(_ => Client(address, token)).ToList();
        try
        {
            // Warm up: the connections open and the app compiles the query.
            var warmUntil = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * Math.Min(1.0, seconds / 3));
            await Task.WhenAll(clients.Select(async http =>
            {
                do
                    await GetAsync(http, url);
                while (Stopwatch.GetTimestamp() < warmUntil);
            }));

            var latencies = clients.Select(_ => new List<double>()).ToList();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var until = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * seconds);
            await Task.WhenAll(clients.Select(async (http, i) =>
            {
                while (Stopwatch.GetTimestamp() < until)
                {
                    var start = Stopwatch.GetTimestamp();
                    await GetAsync(http, url);
                    latencies[i].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }));
            var elapsed = clock.Elapsed.TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
            var all = latencies.SelectMany(l => l).Order().ToList();
            return (all.Count / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), cpu / Math.Max(1, all.Count));
        }
        finally
        {
            foreach (var http in clients)
                http.Dispose();
        }
    }

    static async Task<int> GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];

    /// <summary>The request's statements, run in order on one connection and read to the end, timed 30 times after a warm-up.</summary>
    static double ReplayP50(SqliteConnection connection, List<CapturedCommand> commands)
    {
        if (commands.Count == 0)
            return 0;
        var times = new List<double>();
        for (var run = 0; run < 33; run++)
        {
            var start = Stopwatch.GetTimestamp();
            foreach (var captured in commands)
            {
                using var command = Prepare(connection, captured.Sql, captured);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                }
            }
            if (run >= 3)
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        times.Sort();
        return Percentile(times, 0.5);
    }

    static SqliteCommand Prepare(SqliteConnection connection, string sql, CapturedCommand captured)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in captured.Parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    static void Print(List<Result> results, (long WorkingSet, long Heap) before, (long WorkingSet, long Heap) after, long peak)
    {
        var record = results.First(r => r.Case.Group == "record" && r.Case.Name.StartsWith("GET /clients/", StringComparison.Ordinal));
        Console.WriteLine();
        Console.WriteLine($"Load: {Uptime()}. {Connections} connections. Yardstick: {record.Case.Name}, p50 {record.P50:F2} ms at the start; "
                          + "each request's ratio is to the yardstick measured just before it.");
        Console.WriteLine($"| group | request | req/s | p50 ms | p99 ms | yardstick p50 ms | p50 × one record | CPU ms/req | SQL p50 ms | statements | KiB |");
        Console.WriteLine($"| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
            Console.WriteLine($"| {r.Case.Group} | `{r.Case.Name}` | {r.RequestsPerSecond:N0} | {r.P50:F2} | {r.P99:F2} | {r.YardstickP50:F2} | {r.P50 / r.YardstickP50:F1} | {r.CpuPerRequest:F2} | {r.SqlP50:F2} | {r.Statements} | {r.Bytes / 1024.0:F0} |");
        var over = results.Where(r => r.Case.Group is not ("record" or "calendar" or "availability" or "hub counts") && r.P50 > 5 * r.YardstickP50).ToList();
        Console.WriteLine();
        Console.WriteLine(over.Count == 0
            ? "Every page, sort and search is within 5x one record by id (p50)."
            : $"Over 5x one record by id (p50): {string.Join(", ", over.Select(r => $"{r.Case.Group} {r.Case.Name} ({r.P50 / r.YardstickP50:F1}x)"))}");
        Console.WriteLine($"Working set before {before.WorkingSet / 1024 / 1024:N0} MiB, after {after.WorkingSet / 1024 / 1024:N0} MiB, peak {peak / 1024 / 1024:N0} MiB; " +
                          $"managed heap before {before.Heap / 1024 / 1024:N0} MiB, after {after.Heap / 1024 / 1024:N0} MiB.");
    }

    static void PrintPlans(SqliteConnection connection, List<(Case Case, List<CapturedCommand> Commands)> plans)
    {
        Console.WriteLine();
        Console.WriteLine("Query plans (EXPLAIN QUERY PLAN of every statement each request ran):");
        foreach (var (item, commands) in plans)
        {
            Console.WriteLine($"## {item.Group}: {item.Name}  ({item.Url})");
            foreach (var captured in commands)
            {
                Console.WriteLine("   " + OneLine(captured.Sql));
                using var command = Prepare(connection, "EXPLAIN QUERY PLAN " + captured.Sql, captured);
                using var reader = command.ExecuteReader();
                var depth = new Dictionary<long, int>();
                while (reader.Read())
                {
                    var id = reader.GetInt64(0);
                    var parent = reader.GetInt64(1);
                    depth[id] = depth.GetValueOrDefault(parent, 0) + 1;
                    Console.WriteLine($"     {new string(' ', 2 * depth[id])}{reader.GetString(3)}");
                }
            }
        }
    }

    static string OneLine(string sql)
    {
        var line = string.Join(' ', sql.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return line.Length > 400 ? line[..400] + " …" : line;
    }

    /// <summary>The requests measured: ids and values are read from the file so every filter and search finds something.</summary>
    static async Task<List<Case>> CasesAsync(string file, string address, string token)
    {
        await using var db = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        string Scalar(string sql)
        {
            using var command = db.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? throw new InvalidOperationException($"Nothing for {sql}");
        }

        var clientId = Scalar("SELECT ClientId FROM Sessions WHERE DeletedAt IS NULL AND ClientId IN (SELECT Id FROM Clients WHERE DeletedAt IS NULL) GROUP BY ClientId ORDER BY COUNT(*) DESC LIMIT 1");
        var sessionId = Scalar("SELECT SessionId FROM SessionImages WHERE SessionId IN (SELECT Id FROM Sessions WHERE DeletedAt IS NULL) GROUP BY SessionId ORDER BY COUNT(*) DESC LIMIT 1");
        var organizationId = Scalar("SELECT Id FROM Organizations ORDER BY Id LIMIT 1");
        var photographerId = Scalar("SELECT Id FROM Users WHERE Username = 'photographer3'");
        var clientStatus = Scalar("SELECT Id FROM StatusDefinitions WHERE Kind = 'Client' AND Description = 'Customer'");
        var sessionStatus = Scalar("SELECT Id FROM StatusDefinitions WHERE Kind = 'Session' AND Description = 'Retouching'");
        var taskStatus = Scalar("SELECT Id FROM StatusDefinitions WHERE Kind = 'Task' AND Description = 'Open'");
        var sessionTypeId = Scalar("SELECT Id FROM SessionTypes WHERE OnlineBookable = 0 ORDER BY Id LIMIT 1 OFFSET 1");
        var bookableTypeId = Scalar($"SELECT Id FROM SessionTypes WHERE Name = '{LargeStudio.BookableTypeName}'");
        var bookingKey = Scalar("SELECT OnlineBookingKey FROM StudioSettings LIMIT 1");
        var resourceId = Scalar("SELECT Id FROM Resources ORDER BY Id LIMIT 1");
        var phoneDigits = Scalar($"SELECT Digits FROM ClientPhones WHERE ClientId = {clientId} LIMIT 1");
        var email = Scalar($"SELECT Address FROM ClientEmails WHERE ClientId IN (SELECT Id FROM Clients WHERE DeletedAt IS NULL) ORDER BY Id LIMIT 1 OFFSET 500");
        var studentId = Scalar("SELECT StudentId FROM Clients WHERE StudentId IS NOT NULL AND DeletedAt IS NULL ORDER BY Id LIMIT 1 OFFSET 300");
        var clientNumber = Scalar("SELECT Number FROM Clients WHERE DeletedAt IS NULL ORDER BY Id LIMIT 1 OFFSET 4242");
        var sessionNumber = Scalar("SELECT Number FROM Sessions WHERE DeletedAt IS NULL ORDER BY Id LIMIT 1 OFFSET 4242");
        var taskClient = Scalar("SELECT ClientId FROM Tasks ORDER BY Id LIMIT 1");
        var runSession = Scalar("SELECT SessionId FROM RenderRunSessions ORDER BY Id LIMIT 1");
        var today = DateOnly.Parse(Scalar("SELECT MAX(Date) FROM Sessions WHERE StatusId = (SELECT Id FROM StatusDefinitions WHERE Kind = 'Session' AND Description = 'Photographed')"), CultureInfo.InvariantCulture).AddDays(1);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var month = new DateOnly(today.Year, today.Month, 1);
        var nextMonth = month.AddMonths(1);
        var year = today.Year + 1;

        // A page deep in the list: the cursor after 20 pages of 50.
        string? deepCursor = null;
        using (var http = Client(address, token))
        {
            for (var page = 0; page < 20; page++)
            {
                var body = await http.GetFromJsonAsync<JsonElement>("/api/v1/clients?limit=50" + (deepCursor is null ? "" : "&cursor=" + Uri.EscapeDataString(deepCursor)));
                deepCursor = body.GetProperty("nextCursor").GetString();
            }
        }

        var cases = new List<Case>
        {
            new("record", $"GET /clients/{clientId}", $"/api/v1/clients/{clientId}"),
            new("record", $"GET /sessions/{sessionId}", $"/api/v1/sessions/{sessionId}"),
            new("clients", "limit=50 (default sort)", "/api/v1/clients?limit=50"),
            new("clients", "page 21 (cursor)", "/api/v1/clients?limit=50&cursor=" + Uri.EscapeDataString(deepCursor!)),
        };
        foreach (var sort in new[] { "lastName", "firstName", "company", "number", "createdAt", "updatedAt" })
            foreach (var value in new[] { sort, "-" + sort })
                cases.Add(new("clients", $"sort={value}", $"/api/v1/clients?limit=50&sort={value}"));
        cases.AddRange(
        [
            new("clients", "kind=business", "/api/v1/clients?limit=50&kind=business"),
            new("clients", "organizationId", $"/api/v1/clients?limit=50&organizationId={organizationId}"),
            new("clients", "graduationYear", $"/api/v1/clients?limit=50&graduationYear={year}"),
            new("clients", "statusId", $"/api/v1/clients?limit=50&statusId={clientStatus}"),
            new("clients", "overdue=true", "/api/v1/clients?limit=50&overdue=true"),
            new("clients", "deleted=true", "/api/v1/clients?limit=50&deleted=true"),
            new("client search", "q=smith", "/api/v1/clients?limit=50&q=smith"),
            // Names matched by about as many terms as SearchTermQueries.CommonMatches (2,000), where a search changes plans.
            new("client search", "q=williams (near 2,000 terms)", "/api/v1/clients?limit=50&q=williams"),
            new("client search", "q=thomas (past 2,000 terms)", "/api/v1/clients?limit=50&q=thomas"),
            new("client search", "q=jose", "/api/v1/clients?limit=50&q=jose"),
            new("client search", "q=o'b", "/api/v1/clients?limit=50&q=" + Uri.EscapeDataString("o'b")),
            new("client search", "q=garc", "/api/v1/clients?limit=50&q=garc"),
            new("client search", "q=muller", "/api/v1/clients?limit=50&q=muller"),
            new("client search", "q=emma smith", "/api/v1/clients?limit=50&q=" + Uri.EscapeDataString("emma smith")),
            new("client search", "q=s (one letter)", "/api/v1/clients?limit=50&q=s"),
            new("client search", "q=smith sort=-number", "/api/v1/clients?limit=50&q=smith&sort=-number"),
            new("client search", "q=smith sort=firstName", "/api/v1/clients?limit=50&q=smith&sort=firstName"),
            new("client search", "q=smith overdue=true", "/api/v1/clients?limit=50&q=smith&overdue=true"),
            new("client search", "q=phone (formatted)", "/api/v1/clients?limit=50&q=" + Uri.EscapeDataString($"({phoneDigits[^10..^7]}) {phoneDigits[^7..^4]}-{phoneDigits[^4..]}")),
            new("client search", "q=last 4 phone digits", $"/api/v1/clients?limit=50&q={phoneDigits[^4..]}"),
            new("client search", "q=middle phone digits", $"/api/v1/clients?limit=50&q={phoneDigits[^7..^2]}"),
            new("client search", "q=email prefix", "/api/v1/clients?limit=50&q=" + Uri.EscapeDataString(email[..email.IndexOf('@')])),
            new("client search", "q=student id", "/api/v1/clients?limit=50&q=" + Uri.EscapeDataString(studentId)),
            new("client search", "q=client number", $"/api/v1/clients?limit=50&q={clientNumber}"),
            new("sessions", "limit=50 (default sort)", "/api/v1/sessions?limit=50"),
        ]);
        foreach (var sort in new[] { "date", "number", "createdAt" })
            foreach (var value in new[] { sort, "-" + sort })
                cases.Add(new("sessions", $"sort={value}", $"/api/v1/sessions?limit=50&sort={value}"));
        cases.AddRange(
        [
            new("sessions", "this week", $"/api/v1/sessions?limit=50&dateFrom={monday:yyyy-MM-dd}&dateTo={monday.AddDays(6):yyyy-MM-dd}"),
            new("sessions", "from today", $"/api/v1/sessions?limit=50&dateFrom={today:yyyy-MM-dd}"),
            new("sessions", "photographerId", $"/api/v1/sessions?limit=50&photographerId={photographerId}"),
            new("sessions", "staffUserId", $"/api/v1/sessions?limit=50&staffUserId={photographerId}"),
            new("sessions", "clientId", $"/api/v1/sessions?limit=50&clientId={clientId}"),
            new("sessions", "organizationId", $"/api/v1/sessions?limit=50&organizationId={organizationId}"),
            new("sessions", "sessionTypeId", $"/api/v1/sessions?limit=50&sessionTypeId={sessionTypeId}"),
            new("sessions", "resourceId", $"/api/v1/sessions?limit=50&resourceId={resourceId}"),
            new("sessions", "statusId", $"/api/v1/sessions?limit=50&statusId={sessionStatus}"),
            new("sessions", "overdue=true", "/api/v1/sessions?limit=50&overdue=true"),
            new("sessions", "cancelled=true", "/api/v1/sessions?limit=50&cancelled=true"),
            new("sessions", "deleted=true", "/api/v1/sessions?limit=50&deleted=true"),
            new("session search", "q=session number", $"/api/v1/sessions?limit=50&q={sessionNumber}"),
            new("session search", "q=smith (client name)", "/api/v1/sessions?limit=50&q=smith"),
            new("session search", "q=senior (description)", "/api/v1/sessions?limit=50&q=senior"),
            new("session search", "q=williams (near 2,000 terms)", "/api/v1/sessions?limit=50&q=williams"),
            new("session search", "q=thomas (past 2,000 terms)", "/api/v1/sessions?limit=50&q=thomas"),
            new("tasks", "limit=50 (default sort)", "/api/v1/tasks?limit=50"),
            new("tasks", "sort=-priority", "/api/v1/tasks?limit=50&sort=-priority"),
            new("tasks", "sort=-createdAt", "/api/v1/tasks?limit=50&sort=-createdAt"),
            new("tasks", "sort=updatedAt", "/api/v1/tasks?limit=50&sort=updatedAt"),
            new("tasks", "assignedUserId", $"/api/v1/tasks?limit=50&assignedUserId={photographerId}"),
            new("tasks", "clientId", $"/api/v1/tasks?limit=50&clientId={taskClient}"),
            new("tasks", "statusId", $"/api/v1/tasks?limit=50&statusId={taskStatus}"),
            new("appointments", "limit=50 (default sort)", "/api/v1/appointments?limit=50"),
            new("appointments", "sort=-createdAt", "/api/v1/appointments?limit=50&sort=-createdAt"),
            new("appointments", "this month", $"/api/v1/appointments?limit=50&dateFrom={month:yyyy-MM-dd}&dateTo={nextMonth.AddDays(-1):yyyy-MM-dd}"),
            new("appointments", "userId", $"/api/v1/appointments?limit=50&userId={photographerId}"),
            new("appointments", "resourceId", $"/api/v1/appointments?limit=50&resourceId={resourceId}"),
            new("images", "a session's images", $"/api/v1/sessions/{sessionId}/images?limit=50"),
            new("images", "sort=-captureTime", $"/api/v1/sessions/{sessionId}/images?limit=50&sort=-captureTime"),
            new("images", "proofState=selected", $"/api/v1/sessions/{sessionId}/images?limit=50&proofState=selected"),
            new("render runs", "limit=50 (default sort)", "/api/v1/render-runs?limit=50"),
            new("render runs", "sessionId", $"/api/v1/render-runs?limit=50&sessionId={runSession}"),
            new("render runs", "state=completed", "/api/v1/render-runs?limit=50&state=completed"),
            new("status logs", "a client's status changes", $"/api/v1/clients/{clientId}/status-changes"),
            new("status logs", "a session's status changes", $"/api/v1/sessions/{sessionId}/status-changes"),
            new("status logs", "a session's status log", $"/api/v1/sessions/{sessionId}/status-log"),
            new("notes", "a client's notes", $"/api/v1/clients/{clientId}/notes"),
            new("organizations", "limit=50", "/api/v1/organizations?limit=50"),
            new("organizations", "q=lakeside", "/api/v1/organizations?limit=50&q=lakeside"),
            new("reminders", "session reminders", "/api/v1/session-reminders"),
            new("overdue", "kind=session", "/api/v1/workflow/overdue?kind=session&limit=50"),
            new("overdue", "kind=session sort=-statusDate", "/api/v1/workflow/overdue?kind=session&limit=50&sort=-statusDate"),
            new("overdue", "kind=session sort=recordId", "/api/v1/workflow/overdue?kind=session&limit=50&sort=recordId"),
            new("overdue", "kind=client", "/api/v1/workflow/overdue?kind=client&limit=50"),
            new("overdue", "kind=task", "/api/v1/workflow/overdue?kind=task&limit=50"),
            new("hub counts", "GET /workflow/stages", "/api/v1/workflow/stages"),
            new("hub counts", "GET /workflow/overdue/counts", "/api/v1/workflow/overdue/counts"),
            new("hub", "stage records: archive", "/api/v1/workflow/stages/archive/records?kind=session&limit=50"),
            new("hub", "stage records: retouch", "/api/v1/workflow/stages/retouch/records?kind=session&limit=50"),
            new("hub", "stage records: capture", "/api/v1/workflow/stages/capture/records?kind=session&limit=50"),
            new("calendar", "a month, master", $"/api/v1/calendar?from={month:yyyy-MM-dd}&to={nextMonth.AddDays(-1):yyyy-MM-dd}"),
            new("calendar", "a month, one photographer", $"/api/v1/calendar?from={month:yyyy-MM-dd}&to={nextMonth.AddDays(-1):yyyy-MM-dd}&userId={photographerId}"),
            new("availability", "31 days online", $"/api/v1/online-booking/availability?bookingKey={Uri.EscapeDataString(bookingKey)}&sessionTypeId={bookableTypeId}&from={today.AddDays(1):yyyy-MM-dd}&to={today.AddDays(31):yyyy-MM-dd}"),
            new("record", $"GET /clients/{clientId} (again, last)", $"/api/v1/clients/{clientId}"),
        ]);
        return cases;
    }

    /// <summary>
    /// Collects the SQL each request runs: EF Core reports every executed command to DiagnosticListener; the request's
    /// commands are told apart from background work by the trace id sent with the request (traceparent).
    /// </summary>
    sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        readonly Lock gate = new();
        ActivityTraceId? tracing;
        List<CapturedCommand> captured = [];

        /// <summary>ASP.NET Core starts a request activity (continuing the caller's trace) only when someone listens.</summary>
        public static ActivityListener ListenToRequests()
        {
            var listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            };
            ActivitySource.AddActivityListener(listener);
            return listener;
        }

        public async Task<(List<CapturedCommand> Commands, int Bytes)> OneRequestAsync(string address, string token, string url)
        {
            using var http = Client(address, token);
            await GetAsync(http, url); // compile the queries first
            var trace = ActivityTraceId.CreateRandom();
            lock (gate)
            {
                tracing = trace;
                captured = [];
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
            lock (gate)
            {
                tracing = null;
                return (captured, bytes);
            }
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == Microsoft.EntityFrameworkCore.DbLoggerCategory.Name)
                listener.Subscribe(this);
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key != RelationalEventId.CommandExecuted.Name || value.Value is not CommandExecutedEventData data)
                return;
            lock (gate)
            {
                if (tracing is null || Activity.Current?.TraceId != tracing)
                    return;
                captured.Add(new CapturedCommand(data.Command.CommandText,
                    [.. data.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
