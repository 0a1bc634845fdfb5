using System.Net;
using System.Net.Http.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Features.Scheduling.Sessions;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Workflow;

/// <summary>The workflow hub: its stages, the kinds it knows and the records at each stage.</summary>
public sealed class WorkflowHubTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task The_hub_lists_every_stage_with_zero_sessions_invoices_and_production_orders()
    {
        var photographer = await app.AsRoleAsync(UserRole.Photographer);

        var stages = await (await photographer.GetAsync("/api/v1/workflow/stages")).ShouldBeAsync<StageListBody>(HttpStatusCode.OK);

        stages.Items.Select(s => s.Stage).ShouldBe(["capture", "qualityCheck", "upload", "presentation", "retouch", "ordering", "production", "archive"]);
        stages.Items.ShouldAllBe(s => s.Total == 0 && s.Counts.Count == 3);
        stages.Items[0].Counts.Select(c => c.Kind).ShouldBe(["session", "invoice", "productionOrder"]);
    }

    [Fact]
    public async Task A_stage_lists_the_sessions_at_its_statuses_and_only_sessions_invoices_and_production_orders_have_stages()
    {
        var admin = await app.AdminAsync();
        var client = await (await admin.PostAsJsonAsync("/api/v1/clients", new { firstName = "Stage", lastName = "Walker" })).ShouldBeAsync<IdBody>(HttpStatusCode.Created);
        var session = await (await admin.PostAsJsonAsync("/api/v1/sessions", new { clientId = client.Id, date = "2031-05-05", startTime = "10:00", endTime = "11:00" }))
            .ShouldBeAsync<IdBody>(HttpStatusCode.Created);
        var photographed = (await admin.StatusesAsync("session")).Single(s => s.Description == "Photographed");
        photographed.Stage.ShouldBe("capture");

        (await admin.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/status-changes", new { statusId = photographed.Id })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var page = await (await admin.GetAsync("/api/v1/workflow/stages/capture/records?kind=session")).ShouldBeAsync<WorkflowRecordPage>(HttpStatusCode.OK);
        page.Items.Select(r => r.RecordId).ShouldContain(session.Id);
        (await (await admin.GetAsync("/api/v1/workflow/stages/capture/records?kind=client")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors().ShouldContain("kind");
    }

    [Fact]
    public async Task Every_kind_is_listed_with_what_it_supports()
    {
        var sales = await app.AsRoleAsync(UserRole.Sales);

        var kinds = await (await sales.GetAsync("/api/v1/workflow/kinds")).ShouldBeAsync<KindListBody>(HttpStatusCode.OK);

        kinds.Items.Select(k => k.Kind).ShouldBe(["client", "session", "invoice", "productionOrder", "task", "communication"]);
        kinds.Items.Where(k => k.SupportsStatusesByType).Select(k => k.Kind).ShouldBe(["session", "productionOrder", "task"]);
        kinds.Items.Where(k => k.SupportsStages).Select(k => k.Kind).ShouldBe(["session", "invoice", "productionOrder"]);
    }

    [Fact]
    public async Task The_overdue_list_refuses_filters_a_kind_does_not_have()
    {
        var admin = await app.AdminAsync();

        var problem = await (await admin.GetAsync("/api/v1/workflow/overdue?kind=client&assignedUserId=1&typeId=2")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.FieldErrors().ShouldBe(["typeId", "assignedUserId"], ignoreOrder: true);
    }
}
