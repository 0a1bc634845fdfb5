using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Workflow;
using StudioApi.Tests.Infrastructure;
using StudioApi.Features.Clients;

namespace StudioApi.Tests.Platform.Workflow;

/// <summary>The seed's mass advance: thousands of clients in one call, each with its own result, log entry and event.</summary>
public sealed class BulkStatusChangeTests(ClockedStudioApi api) : IClassFixture<ClockedStudioApi>
{
    /// <summary>Clients straight into the database (3,000 creations over HTTP would test the client endpoint, not this).</summary>
    async Task<List<long>> SeedClientsAsync(int count, string statusDescription, int firstNumber)
    {
        return await api.Base.WithDbAsync(async db =>
        {
            var status = await db.StatusDefinitions.SingleAsync(s => s.Kind == RecordKind.Client && s.TypeId == null && s.Description == statusDescription);
            var clients = Enumerable.Range(0, count).Select(i => new StudioApi.Features.Clients.Clients.Client
            {
                Number = firstNumber + i,
                FirstName = "Bulk",
                LastName = $"{statusDescription}{i}",
                StatusId = status.Id,
                StatusChangedAt = new DateTime(2026, 1, 5, 15, 0, 0, DateTimeKind.Utc),
                StatusDate = new DateOnly(2026, 1, 5),
                StatusDueDate = new DateOnly(2026, 1, 12),
            }).ToList();
            db.Clients.AddRange(clients);
            await db.SaveChangesAsync();
            return clients.Select(c => c.Id).ToList();
        });
    }

    [Fact]
    public async Task Advancing_three_thousand_clients_with_mixed_outcomes_reports_each_one_logs_each_change_and_publishes_each_once()
    {
        var admin = await api.AdminAsync();
        api.Clock.AdjustTime(new DateTimeOffset(2026, 2, 2, 15, 0, 0, TimeSpan.Zero)); // a Monday
        var prospects = await SeedClientsAsync(2000, "Prospect", 100_000);
        var finished = await SeedClientsAsync(1000, "Inactive", 200_000);
        var unknown = Enumerable.Range(0, 50).Select(i => 900_000_000L + i).ToList();
        var statuses = await admin.StatusesAsync("client");
        var customer = statuses.Single(s => s.Description == "Customer");
        var ids = prospects.Concat(unknown).Concat(finished).ToList();
        var logBefore = await api.Base.WithDbAsync(db => db.StatusLogEntries.CountAsync());
        api.Events.Clear();

        var response = await admin.PostAsJsonAsync("/api/v1/clients/status-changes", new { ids, advance = true, note = "Spring campaign" });

        var body = await response.ShouldBeAsync<BulkBody>(HttpStatusCode.OK);
        (body.Changed, body.Skipped).ShouldBe((2000, 1050));
        body.Results.Select(r => r.Id).ShouldBe(ids);
        var results = body.Results.ToDictionary(r => r.Id);
        prospects.ShouldAllBe(id => results[id].Outcome == "changed" && results[id].ToStatusId == customer.Id);
        // Customer takes 30 business days: from Monday 2 February, skipping weekends.
        results[prospects[0]].DueDate.ShouldBe(new DateOnly(2026, 3, 16));
        finished.ShouldAllBe(id => results[id].Outcome == "skipped" && results[id].Reason == "atFinalStatus");
        unknown.ShouldAllBe(id => results[id].Outcome == "skipped" && results[id].Reason == "notFound");

        var (logAdded, atCustomer, versions) = await api.Base.WithDbAsync(async db =>
        {
            var added = await db.StatusLogEntries.Where(e => e.Note == "Spring campaign").ToListAsync();
            var moved = await db.Clients.CountAsync(c => prospects.Contains(c.Id) && c.StatusId == customer.Id && c.StatusDate == new DateOnly(2026, 2, 2));
            var versionsOfFinished = await db.Clients.Where(c => finished.Contains(c.Id)).Select(c => c.Version).Distinct().ToListAsync();
            return (added, moved, versionsOfFinished);
        });
        logAdded.Select(e => e.RecordId).Order().ShouldBe(prospects.Order());
        logAdded.ShouldAllBe(e => e.FromDescription == "Prospect" && e.ToDescription == "Customer" && e.ChangedBy == "admin");
        (await api.Base.WithDbAsync(db => db.StatusLogEntries.CountAsync())).ShouldBe(logBefore + 2000);
        atCustomer.ShouldBe(2000);
        versions.ShouldBe([1]);
        api.Events.All.Select(e => e.RecordId).Order().ShouldBe(prospects.Order());
        api.Events.All.Select(e => (e.RecordId, e.LogEntryId)).Order().ShouldBe(logAdded.Select(e => (e.RecordId, e.Id)).Order());
        api.Events.Batches.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Setting_many_clients_to_a_status_skips_those_already_there()
    {
        var admin = await api.AdminAsync();
        var school = (await admin.StatusesAsync("client")).Single(s => s.Description == "School");
        var atProspect = await SeedClientsAsync(20, "Prospect", 300_000);
        var atSchool = await SeedClientsAsync(5, "School", 310_000);

        var response = await admin.PostAsJsonAsync("/api/v1/clients/status-changes", new { ids = atProspect.Concat(atSchool), statusId = school.Id });

        var body = await response.ShouldBeAsync<BulkBody>(HttpStatusCode.OK);
        (body.Changed, body.Skipped).ShouldBe((20, 5));
        body.Results.Where(r => atSchool.Contains(r.Id)).ShouldAllBe(r => r.Reason == "alreadyAtStatus");
    }

    [Fact]
    public async Task A_bulk_change_to_a_status_that_is_not_a_client_status_changes_nothing()
    {
        var admin = await api.AdminAsync();
        var clients = await SeedClientsAsync(3, "Prospect", 400_000);
        api.Events.Clear();

        var response = await admin.PostAsJsonAsync("/api/v1/clients/status-changes", new { ids = clients, statusId = 123_456_789 });

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        api.Events.All.ShouldBeEmpty();
    }

    [Fact]
    public async Task More_than_twenty_thousand_ids_is_a_field_error()
    {
        var admin = await api.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/clients/status-changes", new { ids = Enumerable.Range(1, 20_001), advance = true });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldContain("ids");
    }

    [Fact]
    public async Task A_retried_bulk_change_with_the_same_idempotency_key_replays_the_result_and_publishes_nothing_twice()
    {
        var admin = await api.AdminAsync();
        var clients = await SeedClientsAsync(10, "Prospect", 500_000);
        api.Events.Clear();
        HttpRequestMessage Request() => new(HttpMethod.Post, "/api/v1/clients/status-changes")
        {
            Content = JsonContent.Create(new { ids = clients, advance = true }),
            Headers = { { "Idempotency-Key", $"bulk-{clients[0]}" } },
        };

        var first = await (await admin.SendAsync(Request())).ShouldBeAsync<BulkBody>(HttpStatusCode.OK);
        var replay = await admin.SendAsync(Request());

        first.Changed.ShouldBe(10);
        replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await replay.ShouldBeAsync<BulkBody>(HttpStatusCode.OK)).Changed.ShouldBe(10);
        // Published once the idempotency middleware's transaction committed, and only then.
        api.Events.All.Select(e => e.RecordId).Order().ShouldBe(clients.Order());
        (await api.Base.WithDbAsync(db => db.StatusLogEntries.CountAsync(e => clients.Contains(e.RecordId)))).ShouldBe(10);
    }

    [Fact]
    public async Task The_overdue_list_pages_through_overdue_clients_most_overdue_first_without_repeats()
    {
        var admin = await api.AdminAsync();
        api.Clock.AdjustTime(new DateTimeOffset(2026, 2, 2, 15, 0, 0, TimeSpan.Zero));
        var late = await SeedClientsAsync(5, "Customer", 600_000); // due 12 January

        var seen = new List<WorkflowRecordBody>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync($"/api/v1/workflow/overdue?kind=client&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}"))
                .ShouldBeAsync<WorkflowRecordPage>(HttpStatusCode.OK);
            page.Items.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);

        seen.Select(i => i.RecordId).ShouldBeUnique();
        late.ShouldBeSubsetOf(seen.Select(i => i.RecordId));
        seen.Select(i => i.DueDate).ShouldBeInOrder();
        seen.Single(i => i.RecordId == late[0]).DaysOverdue.ShouldBe(21);
    }
}
