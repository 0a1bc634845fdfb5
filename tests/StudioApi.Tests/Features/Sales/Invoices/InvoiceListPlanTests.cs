using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Features.Sales;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Persistence;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Sales.Invoices;

/// <summary>
/// The invoices list is read from its indexes: every sort, and every filter in the default order, on 6,000 invoices,
/// runs a query whose SQLite plan searches an index of the invoices and needs no sort step (no temporary B-tree), on
/// the first page and on a later one through its cursor; so are a client's and a session's invoices and the aging report.
/// </summary>
public sealed class InvoiceListPlanTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    sealed class CommandRecorder : DbCommandInterceptor
    {
        public ConcurrentQueue<(string Sql, (string Name, object? Value)[] Parameters)> Commands { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToArray()));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task Every_sort_and_filter_of_the_invoices_list_reads_an_index_in_order_without_a_sort_step()
    {
        var admin = await app.AdminAsync();
        var shop = await admin.OpenShopAsync(photos: 0);
        var statusId = (await admin.CreateInvoiceAsync(new { sessionId = shop.SessionId, priceListId = shop.ListId })).Status!.Id;
        await app.WithDbAsync(async db =>
        {
            var start = await db.Invoices.IgnoreQueryFilters().MaxAsync(i => i.Number) + 1;
            for (var i = 0; i < 6000; i++)
            {
                var total = new Money(100 + i * 37 % 90_000);
                var invoice = new Invoice
                {
                    Number = start + i, ClientId = shop.ClientId, SessionId = i % 3 == 0 ? shop.SessionId : null, Type = (InvoiceType)(i % 3),
                    Date = new DateOnly(2024, 1, 1).AddDays(i % 700), PriceListId = shop.ListId, Total = total, StatusId = statusId,
                };
                InvoiceBalances.Apply(invoice, new Money(i % 4 == 0 ? total.MinorUnits : 0), Money.Zero);
                db.Invoices.Add(invoice);
            }
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        });

        var recorder = new CommandRecorder();
        var recording = app.Variant("recording its SQL", b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<StudioDbContext>(o => o.AddInterceptors(recorder))));
        var caller = recording.CreateClient(new WebApplicationFactoryClientOptions());
        caller.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        string[] lists =
        [
            "/api/v1/invoices?", "/api/v1/invoices?sort=number", "/api/v1/invoices?sort=date", "/api/v1/invoices?sort=-date",
            "/api/v1/invoices?sort=total", "/api/v1/invoices?sort=-total", "/api/v1/invoices?sort=balance", "/api/v1/invoices?sort=-balance",
            $"/api/v1/invoices?clientId={shop.ClientId}", $"/api/v1/invoices?sessionId={shop.SessionId}", "/api/v1/invoices?type=reorder",
            $"/api/v1/invoices?statusId={statusId}", "/api/v1/invoices?balanceDue=true", "/api/v1/invoices?dateFrom=2024-03-01&dateTo=2025-06-30&sort=date",
            $"/api/v1/clients/{shop.ClientId}/invoices?", $"/api/v1/sessions/{shop.SessionId}/invoices?",
        ];

        var plans = new List<(string Query, string Plan)>();
        foreach (var list in lists)
        {
            // The first page, then the second one through its cursor (the keyset condition must keep the index too).
            var first = await (await caller.GetAsync($"{list}&limit=50")).ShouldBeAsync<Page<InvoiceSummaryBody>>(HttpStatusCode.OK);
            first.Items.Count.ShouldBe(50);
            recorder.Commands.Clear();
            (await caller.GetAsync($"{list}&limit=50&cursor={Uri.EscapeDataString(first.NextCursor!)}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            foreach (var page in recorder.Commands.Where(c => c.Sql.Contains("ORDER BY", StringComparison.Ordinal) && c.Sql.Contains("FROM \"Invoices\"", StringComparison.Ordinal)))
                plans.Add((list, page.Sql + "\n" + await PlanAsync(page.Sql, page.Parameters)));
        }
        var number = (await (await admin.GetAsync($"/api/v1/invoices?clientId={shop.ClientId}&limit=1")).ShouldBeAsync<Page<InvoiceSummaryBody>>(HttpStatusCode.OK)).Items[0].Number;
        recorder.Commands.Clear();
        (await caller.GetAsync($"/api/v1/invoices?q={number}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var page in recorder.Commands.Where(c => c.Sql.Contains("FROM \"Invoices\"", StringComparison.Ordinal)))
            plans.Add(($"q={number}", page.Sql + "\n" + await PlanAsync(page.Sql, page.Parameters)));

        recorder.Commands.Clear();
        (await caller.GetAsync("/api/v1/receivables/aging?asOf=2026-01-01")).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var query in recorder.Commands.Where(c => c.Sql.Contains("FROM \"Invoices\"", StringComparison.Ordinal)))
            plans.Add(("aging", query.Sql + "\n" + await PlanAsync(query.Sql, query.Parameters)));

        plans.Count.ShouldBeGreaterThanOrEqualTo(lists.Length + 3);
        foreach (var (query, plan) in plans)
        {
            plan.ShouldNotContain("TEMP B-TREE", Case.Insensitive, $"{query}: {plan}");
            plan.ShouldContain("USING INDEX IX_Invoices_", Case.Sensitive, $"{query}: {plan}");
        }
    }

    async Task<string> PlanAsync(string sql, (string Name, object? Value)[] parameters)
    {
        await using var connection = new SqliteConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(3));
        return string.Join("\n", lines) + "\n";
    }
}
