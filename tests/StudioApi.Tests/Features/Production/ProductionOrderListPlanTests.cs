using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Features.Production;
using StudioApi.Features.Production.ProductionOrders;
using StudioApi.Platform.Persistence;
using StudioApi.Tests.Features.Sales;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Production;

/// <summary>
/// The production-order list is read from its indexes: every sort, and every filter in the default order, on 6,000
/// orders, runs a query whose SQLite plan searches an index of the orders and needs no sort step (no temporary B-tree),
/// on the first page and on a later one through its cursor; so are a session's and an invoice's Production tabs.
/// </summary>
public sealed class ProductionOrderListPlanTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
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
    public async Task Every_sort_and_filter_of_the_production_order_list_reads_an_index_in_order_without_a_sort_step()
    {
        var admin = await app.AdminAsync();
        var p = await admin.OpenProductionShopAsync();
        var invoice = await admin.SellAsync(p);
        var made = (await (await admin.MakeOrdersAsync(invoice.Id)).ShouldBeAsync<MadeBody>(HttpStatusCode.OK)).Made;
        var template = made[0];
        var vendor = (await (await admin.PostAsJsonAsync("/api/v1/vendors", new { name = SalesKit.Unique("Plan lab") })).ShouldBeAsync<VendorBody>(HttpStatusCode.Created)).Id;
        await app.WithDbAsync(async db =>
        {
            var start = await db.ProductionOrders.IgnoreQueryFilters().MaxAsync(o => o.Number) + 1;
            for (var i = 0; i < 6000; i++)
                db.ProductionOrders.Add(new ProductionOrder
                {
                    Number = start + i, InvoiceId = invoice.Id, ClientId = p.Shop.ClientId, SessionId = i % 3 == 0 ? p.Shop.SessionId : null,
                    ProductionTypeId = i % 2 == 0 ? p.PrintsType : p.FramesType, VendorId = i % 4 == 0 ? vendor : null,
                    OrderDate = new DateOnly(2024, 1, 1).AddDays(i % 700), StatusId = template.Status!.Id,
                    StatusDueDate = new DateOnly(2024, 1, 1).AddDays(i % 900),
                });
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
            "/api/v1/production-orders?", "/api/v1/production-orders?sort=number", "/api/v1/production-orders?sort=orderDate",
            "/api/v1/production-orders?sort=-orderDate", $"/api/v1/production-orders?statusId={template.Status!.Id}",
            $"/api/v1/production-orders?vendorId={vendor}", $"/api/v1/production-orders?productionTypeId={p.FramesType}",
            $"/api/v1/production-orders?sessionId={p.Shop.SessionId}", $"/api/v1/production-orders?invoiceId={invoice.Id}",
            $"/api/v1/production-orders?clientId={p.Shop.ClientId}", "/api/v1/production-orders?dateFrom=2024-03-01&dateTo=2025-06-30&sort=orderDate",
            $"/api/v1/sessions/{p.Shop.SessionId}/production-orders?", $"/api/v1/invoices/{invoice.Id}/production-orders?",
        ];

        var plans = new List<(string Query, string Plan)>();
        foreach (var list in lists)
        {
            // The first page, then the second one through its cursor (the keyset condition must keep the index too).
            var first = await (await caller.GetAsync($"{list}&limit=50")).ShouldBeAsync<Page<OrderSummaryBody>>(HttpStatusCode.OK);
            first.Items.Count.ShouldBe(50, list);
            recorder.Commands.Clear();
            (await caller.GetAsync($"{list}&limit=50&cursor={Uri.EscapeDataString(first.NextCursor!)}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            foreach (var page in recorder.Commands.Where(c => c.Sql.Contains("ORDER BY", StringComparison.Ordinal) && c.Sql.Contains("FROM \"ProductionOrders\"", StringComparison.Ordinal)))
                plans.Add((list, page.Sql + "\n" + await PlanAsync(page.Sql, page.Parameters)));
        }

        plans.Count.ShouldBeGreaterThanOrEqualTo(lists.Length);
        foreach (var (query, plan) in plans)
        {
            plan.ShouldNotContain("TEMP B-TREE", Case.Insensitive, $"{query}: {plan}");
            plan.ShouldContain("USING INDEX IX_ProductionOrders_", Case.Sensitive, $"{query}: {plan}");
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
