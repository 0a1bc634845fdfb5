using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Sales;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Persistence;

namespace StudioApi.Benchmarks;

/// <summary>
/// Invoices at a studio's scale, through the API on a temporary SQLite file built by the real migrations:
/// an invoice of 200 lines created (priced, discounted, taxed and totalled by the server) and its arithmetic alone;
/// then 100,000 invoices of 5,000 clients seeded here (the large-studio generator of the lists branch is not on this
/// one) and the invoices list (sorts, filters, search, a later page), a client's balance and the accounts-receivable
/// aging report read over them. Prints each figure's min / median / max.
///   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --invoices [invoices runs]
/// </summary>
public static class InvoiceBenchmark
{
    public static async Task RunAsync(int invoiceCount, int runs)
    {
        await using var app = new BenchApp();
        await app.StartAsync();
        var admin = await app.AdminAsync();
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        async Task<JsonElement> Post(string path, object body)
        {
            var response = await admin.PostAsJsonAsync(path, body);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
            return JsonSerializer.Deserialize<JsonElement>(text, json);
        }

        // Tax of two rates, a list of 200 items, a client and a session.
        var tax = JsonSerializer.Deserialize<JsonElement>(await admin.GetStringAsync("/api/v1/tax-settings"), json);
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/tax-settings")
        {
            Content = JsonContent.Create(new { rates = new[] { new { name = "State", ratePercent = "6.25" }, new { name = "City", ratePercent = "2.375" } } }),
        };
        put.Headers.TryAddWithoutValidation("If-Match", $"\"{tax.GetProperty("version").GetInt32()}\"");
        (await admin.SendAsync(put)).EnsureSuccessStatusCode();
        var list = (await Post("/api/v1/price-lists", new { name = "Bench prices" })).GetProperty("id").GetInt64();
        var group = (await Post($"/api/v1/price-lists/{list}/groups", new { name = "Everything" })).GetProperty("id").GetInt64();
        var items = new List<long>();
        for (var i = 0; i < 200; i++)
            items.Add((await Post($"/api/v1/price-lists/{list}/items", new
            {
                groupId = group, code = $"ITEM-{i:D3}", description = $"Product {i}", type = i % 5 == 0 ? "digital" : "standard",
                price = 199 + i * 37, taxable = i % 7 != 0,
            })).GetProperty("id").GetInt64());
        await Post($"/api/v1/price-lists/{list}/items", new
        {
            groupId = group, code = "PROMO", description = "10% off", type = "promotional", price = 0,
            promotion = new { couponCode = "BENCH10", discountPercent = "10" },
        });
        var client = (await Post("/api/v1/clients", new { firstName = "Bench", lastName = "Buyer" })).GetProperty("id").GetInt64();
        var lines = items.Select((id, i) => new { itemId = id, quantity = 1 + i % 4, discountPercent = i % 3 == 0 ? "5" : null }).ToArray();

        Console.WriteLine("An invoice of 200 lines (two tax rates, line discounts, a coupon), created and totalled by the server:");
        var create = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            var invoice = await Post("/api/v1/invoices", new { clientId = client, priceListId = list, lines, couponCodes = new[] { "BENCH10" } });
            stopwatch.Stop();
            create.Add(stopwatch.Elapsed.TotalMilliseconds);
            if (run == 0)
                Console.WriteLine($"  total {invoice.GetProperty("total").GetInt64():N0} minor units, tax {invoice.GetProperty("taxTotal").GetInt64():N0}, "
                                  + $"discount {invoice.GetProperty("discountTotal").GetInt64():N0}");
        }
        Report("  POST /invoices (200 lines)", create);

        var priced = Enumerable.Range(0, 200).Select(i => new PricedLine(new Money((199 + i * 37) * (1 + i % 4)), i % 3 == 0 ? new Rate(5) : null, null, i % 7 != 0)).ToList();
        var promotion = new PricedPromotion(new Rate(10), null, Enumerable.Range(0, 200).ToList());
        var arithmetic = new List<double>();
        for (var run = 0; run < 200; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            InvoiceArithmetic.Compute(priced, [promotion], [new Rate(6.25m), new Rate(2.375m)], false);
            arithmetic.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
        Report("  the arithmetic alone (200 lines, 2 rates, a coupon)", arithmetic, "F3");

        // 100,000 invoices of 5,000 clients, dated over two years, a quarter of them paid, written straight to the table.
        var seeding = Stopwatch.StartNew();
        var clientIds = new List<long>();
        int firstNumber;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var clientNumber = await db.Clients.IgnoreQueryFilters().MaxAsync(c => c.Number);
            foreach (var chunk in Enumerable.Range(1, 5000).Chunk(1000))
            {
                var made = chunk.Select(n => new Client { Number = clientNumber + n, FirstName = $"First{n}", LastName = $"Client{n:D5}" }).ToList();
                db.Clients.AddRange(made);
                await db.SaveChangesAsync();
                clientIds.AddRange(made.Select(c => c.Id));
                db.ChangeTracker.Clear();
            }
            var status = await db.StatusDefinitions.Where(s => s.Kind == StudioApi.Platform.Workflow.RecordKind.Invoice && s.IsInitial).Select(s => s.Id).SingleAsync();
            firstNumber = await db.Invoices.IgnoreQueryFilters().MaxAsync(i => i.Number) + 1;
            var random = new Random(42);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            foreach (var chunk in Enumerable.Range(0, invoiceCount).Chunk(5000))
            {
                foreach (var n in chunk)
                {
                    var total = new Money(random.Next(1_000, 200_000));
                    var invoice = new Invoice
                    {
                        Number = firstNumber + n, ClientId = clientIds[random.Next(clientIds.Count)], Type = (InvoiceType)(n % 3),
                        Date = today.AddDays(-random.Next(0, 730)), PriceListId = list, Subtotal = total, Total = total, StatusId = status,
                    };
                    InvoiceBalances.Apply(invoice, random.Next(4) == 0 ? total : Money.Zero, Money.Zero);
                    db.Invoices.Add(invoice);
                }
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize");
        }
        Console.WriteLine($"Seeded {invoiceCount:N0} invoices of {clientIds.Count:N0} clients in {seeding.Elapsed.TotalSeconds:N1} s.");

        var someClient = clientIds[clientIds.Count / 2];
        var lastPage = JsonSerializer.Deserialize<JsonElement>(await admin.GetStringAsync("/api/v1/invoices?limit=50"), json).GetProperty("nextCursor").GetString()!;
        var reads = new (string Name, string Url)[]
        {
            ("invoices, newest first (50)", "/api/v1/invoices?limit=50"),
            ("invoices, the next page", $"/api/v1/invoices?limit=50&cursor={Uri.EscapeDataString(lastPage)}"),
            ("invoices by date", "/api/v1/invoices?limit=50&sort=-date"),
            ("invoices by balance", "/api/v1/invoices?limit=50&sort=-balance"),
            ("invoices with a balance due", "/api/v1/invoices?limit=50&balanceDue=true"),
            ("invoices of one client", $"/api/v1/invoices?limit=50&clientId={someClient}"),
            ("invoices of a type", "/api/v1/invoices?limit=50&type=reorder"),
            ("invoices in a date range", $"/api/v1/invoices?limit=50&sort=date&dateFrom={DateTime.UtcNow.AddDays(-100):yyyy-MM-dd}&dateTo={DateTime.UtcNow.AddDays(-40):yyyy-MM-dd}"),
            ("search by number", $"/api/v1/invoices?q={firstNumber + invoiceCount / 2}"),
            ("search by client name", "/api/v1/invoices?limit=50&q=Client04321"),
            ("a client's invoices tab", $"/api/v1/clients/{someClient}/invoices"),
            ("a client's balance and aging", $"/api/v1/clients/{someClient}/balance"),
            ("the client record (outstanding balance)", $"/api/v1/clients/{someClient}"),
            ("AR aging: totals and 50 clients", "/api/v1/receivables/aging?limit=50"),
            ("AR aging: 200 clients", "/api/v1/receivables/aging?limit=200"),
        };
        Console.WriteLine($"Reads over {invoiceCount:N0} invoices ({runs} runs each, after one warm-up):");
        foreach (var (name, url) in reads)
        {
            (await admin.GetAsync(url)).EnsureSuccessStatusCode();
            var timings = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var stopwatch = Stopwatch.StartNew();
                var response = await admin.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                stopwatch.Stop();
                response.EnsureSuccessStatusCode();
                timings.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
            Report($"  {name}", timings);
        }
        var aging = JsonSerializer.Deserialize<JsonElement>(await admin.GetStringAsync("/api/v1/receivables/aging?limit=1"), json).GetProperty("totals");
        Console.WriteLine($"  (aging totals: {aging.GetProperty("invoices").GetInt32():N0} invoices owe {aging.GetProperty("total").GetInt64():N0}; "
                          + $"0–30 {aging.GetProperty("days0To30").GetInt64():N0}, over 90 {aging.GetProperty("over90").GetInt64():N0})");
        Console.WriteLine($"load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a")}");
    }

    static void Report(string name, List<double> timings, string format = "F1")
    {
        timings.Sort();
        Console.WriteLine($"{name}: min {timings[0].ToString(format)} ms, median {timings[timings.Count / 2].ToString(format)} ms, max {timings[^1].ToString(format)} ms");
    }
}
