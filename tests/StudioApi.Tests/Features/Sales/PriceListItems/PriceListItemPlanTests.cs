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
using StudioApi.Features.Sales.PriceListGroups;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Persistence;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Sales.PriceListItems;

/// <summary>
/// The items list is read from its indexes: every sort and filter the endpoint offers, on a list of 3,000 items, runs
/// a query whose SQLite plan searches an index of the list and needs no sort step (no temporary B-tree), so a page
/// costs the same at the end of a long list as at its start.
/// </summary>
public sealed class PriceListItemPlanTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
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
    public async Task Every_sort_and_filter_of_the_items_list_reads_an_index_in_order_without_a_sort_step()
    {
        var admin = await app.AdminAsync();
        var list = await admin.CreateListAsync();
        var groups = new List<long>();
        for (var g = 0; g < 5; g++)
            groups.Add((await admin.CreateGroupAsync(list.Id, $"Group {g}")).Id);
        await app.WithDbAsync(async db =>
        {
            // Another list's items too, so "of this list" is a real filter.
            var other = await admin.CreateListAsync();
            var otherGroup = await admin.CreateGroupAsync(other.Id, "Other");
            for (var i = 0; i < 3000; i++)
            {
                db.PriceListItems.Add(Item(list.Id, groups[i % 5], i));
                db.PriceListItems.Add(Item(other.Id, otherGroup.Id, i));
            }
            await db.SaveChangesAsync();
        });

        var recorder = new CommandRecorder();
        var recording = app.Variant("recording its SQL", b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<StudioDbContext>(o => o.AddInterceptors(recorder))));
        var caller = recording.CreateClient(new WebApplicationFactoryClientOptions());
        caller.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        string[] queries =
        [
            "", "sort=-position", "sort=code", "sort=-code", "sort=description", "sort=price", "sort=-price",
            $"groupId={groups[2]}", $"groupId={groups[2]}&sort=-position",
        ];

        var plans = new List<(string Query, string Plan)>();
        foreach (var query in queries)
        {
            // The first page, then the second one through its cursor (the keyset condition must keep the index too).
            var first = await (await caller.GetAsync($"/api/v1/price-lists/{list.Id}/items?limit=50&{query}")).ShouldBeAsync<Page<ItemBody>>(HttpStatusCode.OK);
            first.Items.Count.ShouldBe(50);
            recorder.Commands.Clear();
            (await caller.GetAsync($"/api/v1/price-lists/{list.Id}/items?limit=50&{query}&cursor={Uri.EscapeDataString(first.NextCursor!)}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            foreach (var page in recorder.Commands.Where(c => c.Sql.Contains("ORDER BY", StringComparison.Ordinal) && c.Sql.Contains("\"PriceListItems\"", StringComparison.Ordinal)))
                plans.Add((query, page.Sql + "\n" + await PlanAsync(page.Sql, page.Parameters)));
        }

        foreach (var (query, plan) in plans)
        {
            plan.ShouldNotContain("TEMP B-TREE", Case.Insensitive, $"{query}: {plan}");
            plan.ShouldContain("USING INDEX IX_PriceListItems_", Case.Sensitive, $"{query}: {plan}");
        }
    }

    static PriceListItem Item(long listId, long groupId, int i) => new()
    {
        PriceListId = listId, GroupId = groupId, Code = $"C{i:D5}", CodeKey = $"C{i:D5}", Description = $"Item {(i * 7919) % 3000}",
        Price = new Money(100 + (i * 31) % 5000), Position = (i + 1) * 10,
    };

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
