using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Platform.Workflow;
using StudioApi.Tests.Features.Clients.Tasks;
using StudioApi.Tests.Infrastructure;
using StudioApi.Features.Clients;

namespace StudioApi.Tests.Platform.Workflow;

/// <summary>Turning statuses by type on and off never loses a status silently.</summary>
public sealed class StatusesByTypeTests(ClockedStudioApi api) : IClassFixture<ClockedStudioApi>
{
    [Fact]
    public async Task Turning_by_type_on_copies_the_general_list_moves_records_to_the_copies_and_turning_it_off_refuses_to_lose_a_type_status_unless_told_to_merge()
    {
        var admin = await api.AdminAsync();
        // The seeded general task list: Open (initial), In Progress, Waiting on Client, Resolved (final).
        var general = await admin.StatusesAsync("task");
        var (open, working) = (general.Single(s => s.Description == "Open"), general.Single(s => s.Description == "In Progress"));
        var (lincoln, roosevelt) = ((await admin.CreateTaskTypeAsync($"Lincoln prints {Guid.NewGuid():N}"[..24])).Id,
            (await admin.CreateTaskTypeAsync($"Roosevelt prints {Guid.NewGuid():N}"[..26])).Id);
        var atLincoln = await TaskAsync(admin, lincoln, "Ada");
        var stuck = await TaskAsync(admin, lincoln, "Bo");
        var atRoosevelt = await TaskAsync(admin, roosevelt, "Cy");
        await PutTaskStatusAsync([atLincoln, stuck], open.Id, new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 7));
        await PutTaskStatusAsync([atRoosevelt], working.Id, new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 12));

        // On: every listed type gets a copy, and each record follows to its type's copy of its status, dates kept.
        var on = await (await ByTypeAsync(admin, new { enabled = true, typeIds = new[] { lincoln, roosevelt } })).ShouldBeAsync<ByTypeBody>(HttpStatusCode.OK);
        on.CopiedToTypeIds.ShouldBe([lincoln, roosevelt], ignoreOrder: true);
        on.MovedRecords.ShouldBe(3);
        var lincolnList = await admin.StatusesAsync("task", lincoln);
        lincolnList.Select(s => s.Description).ShouldBe(["Open", "In Progress", "Waiting on Client", "Resolved"]);
        (lincolnList[0].IsInitial, lincolnList[3].IsFinal, lincolnList[1].DurationBusinessDays).ShouldBe((true, true, working.DurationBusinessDays));
        var lincolnOpen = lincolnList[0];
        (await TaskStatusAsync(atLincoln)).ShouldBe((lincolnOpen.Id, new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 7)));
        (await TaskStatusAsync(atRoosevelt)).StatusId.ShouldBe((await admin.StatusesAsync("task", roosevelt))[1].Id);
        var kinds = await (await admin.GetAsync("/api/v1/workflow/kinds")).ShouldBeAsync<KindListBody>(HttpStatusCode.OK);
        kinds.Items.Single(k => k.Kind == "task").StatusesByType.ShouldBeTrue();

        // Lincoln's list gets a step of its own; a status of one type's list is refused for a record of another type.
        var parts = await admin.CreateStatusAsync("task", "Waiting on parts", days: 10, typeId: lincoln);
        await using (var scope = api.App.Services.CreateAsyncScope())
        {
            var batch = await scope.ServiceProvider.GetRequiredService<StatusTransitions>()
                .ChangeAsync(RecordKind.Task, [stuck, atRoosevelt], StatusTarget.To(parts.Id), null, CancellationToken.None);
            batch.Results.Select(r => (r.RecordId, r.Reason)).ShouldBe([(stuck, null), (atRoosevelt, StatusChangeSkipReason.StatusNotInWorkflow)]);
        }

        // Off would lose "Waiting on parts": refused, with the differences.
        var refused = await (await ByTypeAsync(admin, new { enabled = false })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var differences = refused.GetProperty("differences").EnumerateArray()
            .Select(d => (d.GetProperty("typeId").GetInt64(), d.GetProperty("description").GetString(), d.GetProperty("difference").GetString())).ToList();
        differences.ShouldBe([(lincoln, "Waiting on parts", "onlyInType")]);
        (await admin.StatusesAsync("task", lincoln)).Count.ShouldBe(5);

        // Told to keep the general list: records go to the general status of the same name, or the initial one; all logged.
        var off = await (await ByTypeAsync(admin, new { enabled = false, merge = "keepGeneral" })).ShouldBeAsync<ByTypeBody>(HttpStatusCode.OK);
        off.MovedRecords.ShouldBe(3);
        (await TaskStatusAsync(atLincoln)).ShouldBe((open.Id, new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 7)));
        (await TaskStatusAsync(atRoosevelt)).StatusId.ShouldBe(working.Id);
        (await TaskStatusAsync(stuck)).StatusId.ShouldBe(open.Id);
        (await admin.StatusesAsync("task", lincoln)).ShouldBeEmpty();
        var log = await api.Base.WithDbAsync(db => db.StatusLogEntries.Where(e => e.Kind == RecordKind.Task && e.RecordId == stuck).OrderBy(e => e.Id).ToListAsync());
        // Opened at creation, then: the type's copy of Open, Waiting on parts, and back to the general Open.
        log.Select(e => e.ToDescription).ShouldBe(["Open", "Open", "Waiting on parts", "Open"]);
        log[^1].Note!.ShouldContain("turned off");
    }

    [Fact]
    public async Task Clients_keep_one_list_so_by_type_cannot_be_turned_on_for_them()
    {
        var admin = await api.AdminAsync();

        await (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, "/api/v1/workflow/kinds/client/by-type", new { enabled = true })))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    Task<HttpResponseMessage> ByTypeAsync(HttpClient admin, object body) =>
        admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, "/api/v1/workflow/kinds/task/by-type", body));

    static async Task<long> TaskAsync(HttpClient admin, long taskTypeId, string title) =>
        (await admin.CreateTaskAsync(new { taskTypeId, title })).Id;

    Task PutTaskStatusAsync(long[] ids, long statusId, DateOnly date, DateOnly due) =>
        api.Base.WithDbAsync(db => db.Tasks.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.StatusId, statusId).SetProperty(t => t.StatusDate, date).SetProperty(t => t.StatusDueDate, due)));

    Task<(long? StatusId, DateOnly? StatusDate, DateOnly? DueDate)> TaskStatusAsync(long id) =>
        api.Base.WithDbAsync(async db => await db.Tasks.Where(t => t.Id == id)
            .Select(t => ValueTuple.Create(t.StatusId, t.StatusDate, t.StatusDueDate)).SingleAsync());

}
