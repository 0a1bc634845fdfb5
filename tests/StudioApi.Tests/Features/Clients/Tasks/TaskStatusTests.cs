using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;
using StudioApi.Tests.Platform.Workflow;
using StudioApi.Features.Clients;

namespace StudioApi.Tests.Features.Clients.Tasks;

/// <summary>Tickets move through the task workflow like every other kind: one at a time, in bulk, and onto the overdue list.</summary>
public sealed class TaskStatusTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task A_new_ticket_opens_at_the_initial_task_status_and_any_staff_member_can_advance_it()
    {
        var admin = await app.AdminAsync();
        var sales = await app.AsRoleAsync(UserRole.Sales);
        var typeId = await admin.TaskTypeIdAsync("Reprint");

        var task = await sales.CreateTaskAsync(new { taskTypeId = typeId, title = "Reprint 8x10, colour cast" });
        var advanced = await sales.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/status-changes", new { advance = true, note = "Sent to the lab" });

        task.Status!.Description.ShouldBe("Open");
        var change = await advanced.ShouldBeAsync<StatusChangeBody>(HttpStatusCode.Created);
        (change.Kind, change.FromDescription, change.ToDescription, change.Note).ShouldBe(("task", "Open", "In Progress", "Sent to the lab"));
        var read = await (await admin.GetAsync($"/api/v1/tasks/{task.Id}")).ShouldBeAsync<TaskBody>(HttpStatusCode.OK);
        read.Status!.Description.ShouldBe("In Progress");
        read.Version.ShouldBe(task.Version + 1);
        var log = await (await admin.GetAsync($"/api/v1/tasks/{task.Id}/status-changes")).ShouldBeAsync<StatusChangePage>(HttpStatusCode.OK);
        log.Items.Select(e => e.ToDescription).ShouldBe(["In Progress", "Open"]);
    }

    [Fact]
    public async Task Bulk_advance_of_tickets_reports_each_one_and_skips_those_at_the_final_status()
    {
        var admin = await app.AdminAsync();
        var typeId = await admin.TaskTypeIdAsync("Customer Service");
        var resolved = (await admin.StatusesAsync("task")).Single(s => s.IsFinal);
        var open = new List<long>();
        for (var i = 0; i < 5; i++)
            open.Add((await admin.CreateTaskAsync(new { taskTypeId = typeId, title = $"Call back {i}" })).Id);
        var done = (await admin.CreateTaskAsync(new { taskTypeId = typeId, title = "Already resolved" })).Id;
        (await admin.PostAsJsonAsync($"/api/v1/tasks/{done}/status-changes", new { statusId = resolved.Id })).EnsureSuccessStatusCode();

        var bulk = await (await admin.PostAsJsonAsync("/api/v1/tasks/status-changes", new { ids = open.Append(done).ToArray(), advance = true }))
            .ShouldBeAsync<BulkBody>(HttpStatusCode.OK);

        (bulk.Changed, bulk.Skipped).ShouldBe((5, 1));
        bulk.Results.Single(r => r.Id == done).Outcome.ShouldBe("skipped");
        foreach (var id in open)
            (await (await admin.GetAsync($"/api/v1/tasks/{id}")).ShouldBeAsync<TaskBody>(HttpStatusCode.OK)).Status!.Description.ShouldBe("In Progress");
    }

    [Fact]
    public async Task Tickets_past_their_status_due_date_are_on_the_overdue_lists_filtered_by_assignee()
    {
        var admin = await app.AdminAsync();
        var photographer = await app.CreateUserAsync($"ph-{Guid.NewGuid():N}"[..20], UserRole.Photographer);
        var typeId = await admin.TaskTypeIdAsync("Retouch Request");
        var late = await admin.CreateTaskAsync(new { taskTypeId = typeId, title = "Retouch proofs", assignedUserId = photographer.Id });
        var fresh = await admin.CreateTaskAsync(new { taskTypeId = typeId, title = "Retouch later", assignedUserId = photographer.Id });
        // The first ticket's status came due a week ago.
        await app.WithDbAsync(db => db.Tasks.Where(t => t.Id == late.Id)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.StatusDueDate, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-7)))));

        var overdue = await admin.ListTasksAsync($"assignedUserId={photographer.Id}&overdue=true");
        var workflowOverdue = await (await admin.GetAsync($"/api/v1/workflow/overdue?kind=task&assignedUserId={photographer.Id}"))
            .ShouldBeAsync<WorkflowRecordPage>(HttpStatusCode.OK);

        overdue.Items.Select(t => t.Id).ShouldBe([late.Id]);
        overdue.Items.Single().Status!.IsOverdue.ShouldBeTrue();
        workflowOverdue.Items.Select(i => i.RecordId).ShouldBe([late.Id]);
        workflowOverdue.Items.ShouldNotContain(i => i.RecordId == fresh.Id);
    }
}
