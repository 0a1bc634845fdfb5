using System.Net;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;
using StudioApi.Tests.Platform.Workflow;

namespace StudioApi.Tests.Features.Clients.Clients;

/// <summary>A client moving through the client workflow: one change at a time, as the front desk does it.</summary>
public sealed class ClientStatusTests(ClockedStudioApi api) : IClassFixture<ClockedStudioApi>
{
    [Fact]
    public async Task A_new_client_starts_at_the_initial_status_with_a_due_date_and_a_log_entry()
    {
        var admin = await api.AdminAsync();
        api.Events.Clear();

        var id = await admin.CreateClientAsync("Newcomer");

        var client = await (await admin.GetAsync($"/api/v1/clients/{id}")).ShouldBeAsync<ClientBody>(HttpStatusCode.OK);
        client.Status!.Description.ShouldBe("Prospect");
        client.Status.StatusDate.ShouldNotBeNull();
        client.Status.DueDate!.Value.ShouldBeGreaterThan(client.Status.StatusDate!.Value);
        var log = await (await admin.GetAsync($"/api/v1/clients/{id}/status-changes")).ShouldBeAsync<StatusChangePage>(HttpStatusCode.OK);
        var entry = log.Items.ShouldHaveSingleItem();
        (entry.FromStatusId, entry.ToDescription, entry.ChangedBy).ShouldBe((null, "Prospect", "admin"));
        api.Events.All.Where(e => e.RecordId == id).ShouldHaveSingleItem().ToStatusId.ShouldBe(client.Status.Id);
    }

    [Fact]
    public async Task Advancing_moves_to_the_next_active_status_skipping_inactive_ones_and_changes_the_etag()
    {
        var admin = await api.AdminAsync();
        var statuses = await admin.StatusesAsync("client");
        var customer = statuses.Single(s => s.Description == "Customer");
        var school = statuses.Single(s => s.Description == "School");
        var id = await admin.CreateClientAsync("Advancer");
        var before = await admin.GetAsync($"/api/v1/clients/{id}");
        await SetInactiveAsync(admin, customer, true);
        try
        {
            var response = await admin.ChangeClientStatusAsync(id, advance: true, note: "Booked a session");

            var change = await response.ShouldBeAsync<StatusChangeBody>(HttpStatusCode.Created);
            (change.FromDescription, change.ToDescription, change.Note).ShouldBe(("Prospect", "School", "Booked a session"));
            response.Headers.Location!.ToString().ShouldEndWith($"/api/v1/clients/{id}/status-changes");
            var etagBefore = before.Headers.ETag!.Tag;
            response.Headers.ETag!.Tag.ShouldNotBe(etagBefore);
            var after = await admin.GetAsync($"/api/v1/clients/{id}");
            after.Headers.ETag!.Tag.ShouldBe(response.Headers.ETag.Tag);
            (await after.ShouldBeAsync<ClientBody>(HttpStatusCode.OK)).Status!.Id.ShouldBe(school.Id);
        }
        finally
        {
            await SetInactiveAsync(admin, customer, false);
        }
    }

    [Fact]
    public async Task Advancing_a_client_at_the_final_status_is_a_conflict_and_changes_nothing()
    {
        var admin = await api.AdminAsync();
        var final = (await admin.StatusesAsync("client")).Single(s => s.IsFinal);
        var id = await admin.CreateClientAsync("Finished");
        (await admin.ChangeClientStatusAsync(id, final.Id)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await (await admin.ChangeClientStatusAsync(id, advance: true)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var log = await (await admin.GetAsync($"/api/v1/clients/{id}/status-changes")).ShouldBeAsync<StatusChangePage>(HttpStatusCode.OK);
        log.Items.Count.ShouldBe(2);
        log.Items[0].ToStatusId.ShouldBe(final.Id);
    }

    [Fact]
    public async Task A_status_of_another_workflow_or_an_unknown_one_is_refused_naming_why()
    {
        var admin = await api.AdminAsync();
        var id = await admin.CreateClientAsync("Wrong");
        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, "/api/v1/workflow/kinds/task/by-type", new { enabled = true })))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var taskStatus = await admin.CreateStatusAsync("task", "Open (wrong workflow test)", typeId: 77);

        var other = await (await admin.ChangeClientStatusAsync(id, taskStatus.Id)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        other.GetProperty("detail").GetString()!.ShouldContain($"no client status {taskStatus.Id}");
        await (await admin.ChangeClientStatusAsync(id, 987654)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var same = await (await admin.GetAsync($"/api/v1/clients/{id}")).ShouldBeAsync<ClientBody>(HttpStatusCode.OK);
        await (await admin.ChangeClientStatusAsync(id, same.Status!.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await admin.ChangeClientStatusAsync(999_999, advance: true)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Both_a_status_and_advance_or_neither_is_a_field_error()
    {
        var admin = await api.AdminAsync();
        var id = await admin.CreateClientAsync("Ambiguous");

        (await (await admin.ChangeClientStatusAsync(id, 1, advance: true)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldContain("advance");
        (await (await admin.ChangeClientStatusAsync(id)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldContain("advance");
    }

    [Fact]
    public async Task The_status_log_reads_newest_first_in_pages_and_a_photographer_may_read_but_not_change_it()
    {
        var admin = await api.AdminAsync();
        var id = await admin.CreateClientAsync("Logged");
        var statuses = await admin.StatusesAsync("client");
        foreach (var status in statuses.Where(s => s.Description is "Customer" or "School"))
            (await admin.ChangeClientStatusAsync(id, status.Id)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var photographer = await api.AsRoleAsync(UserRole.Photographer);
        var first = await (await photographer.GetAsync($"/api/v1/clients/{id}/status-changes?limit=2")).ShouldBeAsync<StatusChangePage>(HttpStatusCode.OK);
        first.Items.Select(e => e.ToDescription).ShouldBe(["School", "Customer"]);
        var second = await (await photographer.GetAsync($"/api/v1/clients/{id}/status-changes?limit=2&cursor={first.NextCursor}"))
            .ShouldBeAsync<StatusChangePage>(HttpStatusCode.OK);
        second.Items.Select(e => e.ToDescription).ShouldBe(["Prospect"]);
        second.NextCursor.ShouldBeNull();
        (await photographer.ChangeClientStatusAsync(id, advance: true)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_client_list_filters_by_status()
    {
        var admin = await api.AdminAsync();
        var school = (await admin.StatusesAsync("client")).Single(s => s.Description == "School");
        var id = await admin.CreateClientAsync("Schoolish");
        (await admin.ChangeClientStatusAsync(id, school.Id)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var page = await (await admin.GetAsync($"/api/v1/clients?statusId={school.Id}&limit=200")).ShouldBeAsync<ClientPage>(HttpStatusCode.OK);

        page.Items.ShouldContain(c => c.Id == id);
        page.Items.ShouldAllBe(c => c.Status!.Id == school.Id);
    }

    static async Task SetInactiveAsync(HttpClient admin, StatusBody status, bool inactive)
    {
        var current = (await admin.StatusesAsync("client")).Single(s => s.Id == status.Id);
        var request = HttpAssertions.Json(HttpMethod.Put, $"/api/v1/workflow/statuses/{status.Id}", new
        {
            description = current.Description, order = current.Order, durationBusinessDays = current.DurationBusinessDays,
            isInitial = current.IsInitial, isFinal = current.IsFinal, isInactive = inactive,
        }).WithIfMatch($"\"{current.Version}\"");
        (await admin.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
