using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using StudioApi.Tests.Features.Scheduling.Sessions;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Workflow;

/// <summary>
/// The hub's stage counts are kept per status by triggers on the staged tables, not counted on each call: they must
/// follow every way a record moves (one change, a bulk change written in one UPDATE), leaves (the recycle bin, a purge)
/// and comes back (a restore), and always equal the records themselves.
/// </summary>
public sealed class WorkflowStageCountTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task The_hubs_counts_follow_sessions_through_changes_bulk_changes_the_recycle_bin_a_restore_and_a_purge()
    {
        var admin = await app.AdminAsync();
        var statuses = await admin.StatusesAsync("session");
        var photographed = statuses.Single(s => s.Description == "Photographed");
        var retouching = statuses.Single(s => s.Description == "Retouching");
        var clientId = await admin.CreateClientAsync("Counter");
        var sessions = new List<IdBody>();
        for (var day = 1; day <= 4; day++)
            sessions.Add(await (await admin.PostAsJsonAsync("/api/v1/sessions", new { clientId, date = $"2031-06-0{day}", startTime = "10:00", endTime = "11:00" }))
                .ShouldBeAsync<IdBody>(HttpStatusCode.Created));
        var capture = await CountAsync(admin, "capture");
        var retouch = await CountAsync(admin, "retouch");
        (capture, retouch).ShouldBe((0, 0), "booked sessions are on no stage");

        (await admin.PostAsJsonAsync($"/api/v1/sessions/{sessions[0].Id}/status-changes", new { statusId = photographed.Id })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await CountAsync(admin, "capture")).ShouldBe(1);

        // Three move and one is at the status already: the bulk change is one UPDATE of the three.
        var bulk = await (await admin.PostAsJsonAsync("/api/v1/sessions/status-changes", new { ids = sessions.Select(s => s.Id), statusId = photographed.Id }))
            .ShouldBeAsync<BulkBody>(HttpStatusCode.OK);
        bulk.Changed.ShouldBe(3);
        (await CountAsync(admin, "capture")).ShouldBe(4);

        (await admin.PostAsJsonAsync("/api/v1/sessions/status-changes", new { ids = sessions.Take(2).Select(s => s.Id), statusId = retouching.Id }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CountAsync(admin, "capture"), await CountAsync(admin, "retouch")).ShouldBe((2, 2));

        var deleted = await DeleteAsync(admin, sessions[0].Id);
        (await CountAsync(admin, "retouch")).ShouldBe(1, "a session in the recycle bin is on no stage");
        (await admin.PostAsync($"/api/v1/sessions/{deleted}/restore", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CountAsync(admin, "retouch")).ShouldBe(2, "a restored session is back on its stage");

        var purged = await DeleteAsync(admin, sessions[3].Id);
        (await admin.PostAsync($"/api/v1/sessions/{purged}/purge", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await CountAsync(admin, "capture"), await CountAsync(admin, "retouch")).ShouldBe((1, 2));

        await ShouldEqualTheRecordsAsync();
    }

    async Task<long> DeleteAsync(HttpClient admin, long sessionId)
    {
        var current = await admin.GetAsync($"/api/v1/sessions/{sessionId}");
        current.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/sessions/{sessionId}").WithIfMatch(current.Headers.ETag!.Tag)))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        return sessionId;
    }

    static async Task<int> CountAsync(HttpClient admin, string stage)
    {
        var stages = await (await admin.GetAsync("/api/v1/workflow/stages")).ShouldBeAsync<StageListBody>(HttpStatusCode.OK);
        return stages.Items.Single(s => s.Stage == stage).Counts.Single(c => c.Kind == "session").Count;
    }

    /// <summary>The kept counts equal the live records at each status, for every staged table (read from the file itself).</summary>
    async Task ShouldEqualTheRecordsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "studio.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT 'kept', "StatusId", "Count" FROM "WorkflowStatusCounts" WHERE "Count" <> 0
            UNION ALL SELECT 'live', "StatusId", COUNT(*) FROM (
                SELECT "StatusId" FROM "Sessions" WHERE "DeletedAt" IS NULL
                UNION ALL SELECT "StatusId" FROM "Invoices" WHERE "DeletedAt" IS NULL
                UNION ALL SELECT "StatusId" FROM "ProductionOrders" WHERE "DeletedAt" IS NULL)
            WHERE "StatusId" IS NOT NULL GROUP BY "StatusId"
            """;
        var kept = new Dictionary<long, long>();
        var live = new Dictionary<long, long>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                (reader.GetString(0) == "kept" ? kept : live)[reader.GetInt64(1)] = reader.GetInt64(2);
        live.ShouldNotBeEmpty();
        kept.ShouldBe(live, ignoreOrder: true);

        // And per status and due date, what the overdue counts add up.
        command.CommandText = """
            SELECT 'kept', "StatusId", "DueDate", "Count" FROM "WorkflowStatusDueCounts" WHERE "Count" <> 0
            UNION ALL SELECT 'live', "StatusId", "StatusDueDate", COUNT(*) FROM (
                SELECT "StatusId", "StatusDueDate" FROM "Sessions" WHERE "DeletedAt" IS NULL
                UNION ALL SELECT "StatusId", "StatusDueDate" FROM "Invoices" WHERE "DeletedAt" IS NULL
                UNION ALL SELECT "StatusId", "StatusDueDate" FROM "ProductionOrders" WHERE "DeletedAt" IS NULL)
            WHERE "StatusId" IS NOT NULL AND "StatusDueDate" IS NOT NULL GROUP BY "StatusId", "StatusDueDate"
            """;
        var keptByDueDate = new Dictionary<(long, string), long>();
        var liveByDueDate = new Dictionary<(long, string), long>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                (reader.GetString(0) == "kept" ? keptByDueDate : liveByDueDate)[(reader.GetInt64(1), reader.GetString(2))] = reader.GetInt64(3);
        liveByDueDate.ShouldNotBeEmpty();
        keptByDueDate.ShouldBe(liveByDueDate, ignoreOrder: true);
    }
}
