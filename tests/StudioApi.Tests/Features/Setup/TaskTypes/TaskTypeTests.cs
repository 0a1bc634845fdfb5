using System.Net;
using System.Net.Http.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Features.Clients.Tasks;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Setup.TaskTypes;

public sealed class TaskTypeTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    const string Url = "/api/v1/task-types";

    [Fact]
    public async Task A_new_studio_has_the_common_ticket_types_in_pick_list_order()
    {
        var photographer = await app.AsRoleAsync(UserRole.Photographer);

        var page = await (await photographer.GetAsync($"{Url}?limit=4")).ShouldBeAsync<TaskTypePage>(HttpStatusCode.OK);

        page.Items.Select(t => t.Name).ShouldBe(["Customer Service", "Retouch Request", "Reprint", "Complaint"]);
    }

    [Fact]
    public async Task An_admin_can_add_rename_and_retire_a_task_type()
    {
        var admin = await app.AdminAsync();
        var created = await admin.PostAsJsonAsync(Url, new { name = "Lost order", sortOrder = 50 });
        var lost = await created.ShouldBeAsync<TaskTypeBody>(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldEndWith($"{Url}/{lost.Id}");

        var renamed = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"{Url}/{lost.Id}", new { name = "Lost in the mail", sortOrder = 500, isActive = false })
            .WithIfMatch("\"1\""));
        var body = await renamed.ShouldBeAsync<TaskTypeBody>(HttpStatusCode.OK);
        (body.Name, body.SortOrder, body.IsActive, body.Version).ShouldBe(("Lost in the mail", 500, false, 2));

        var byName = await (await admin.GetAsync($"{Url}?sort=name&active=false")).ShouldBeAsync<TaskTypePage>(HttpStatusCode.OK);
        byName.Items.Select(t => t.Id).ShouldContain(lost.Id);
        var active = await (await admin.GetAsync($"{Url}?active=true&limit=200")).ShouldBeAsync<TaskTypePage>(HttpStatusCode.OK);
        active.Items.Select(t => t.Id).ShouldNotContain(lost.Id);
    }

    [Fact]
    public async Task A_task_type_that_live_tasks_have_cannot_be_deleted_until_they_are_gone()
    {
        var admin = await app.AdminAsync();
        var warranty = await admin.CreateTaskTypeAsync("Warranty claim");
        var first = await admin.CreateTaskAsync(new { taskTypeId = warranty.Id, title = "Frame corner broke" });
        var second = await admin.CreateTaskAsync(new { taskTypeId = warranty.Id, title = "Album spine cracked" });
        var url = $"{Url}/{warranty.Id}";

        var refused = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"1\""));
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("taskCount").GetInt32().ShouldBe(2);
        (await admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Tasks in the recycle bin do not keep their type alive.
        foreach (var task in new[] { first, second })
            (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{TaskRequests.Url}/{task.Id}").WithIfMatch("\"1\"")))
                .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"1\""))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // ... and such a task cannot come back to life while its type is in the recycle bin.
        var orphan = await admin.PostAsync($"{TaskRequests.Url}/{first.Id}/restore", null);
        (await orphan.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("taskTypeId").GetInt64().ShouldBe(warranty.Id);

        var restoredType = await (await admin.PostAsync($"{url}/restore", null)).ShouldBeAsync<TaskTypeBody>(HttpStatusCode.OK);
        restoredType.DeletedAt.ShouldBeNull();
        (await admin.PostAsync($"{TaskRequests.Url}/{first.Id}/restore", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_second_task_type_with_the_same_name_is_a_conflict()
    {
        var admin = await app.AdminAsync();

        var duplicate = await admin.PostAsJsonAsync(Url, new { name = "Complaint" });

        (await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("Complaint");
    }

    [Fact]
    public async Task A_stale_version_overwrites_nothing()
    {
        var admin = await app.AdminAsync();
        var billing = await admin.CreateTaskTypeAsync("Billing question");
        var url = $"{Url}/{billing.Id}";
        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, new { name = "Billing", sortOrder = 201 }).WithIfMatch("\"1\""))).EnsureSuccessStatusCode();

        var stale = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, new { name = "Billing issue", sortOrder = 202 }).WithIfMatch("\"1\""));

        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await (await admin.GetAsync(url)).ShouldBeAsync<TaskTypeBody>(HttpStatusCode.OK)).Name.ShouldBe("Billing");
    }

    [Fact]
    public async Task Invalid_fields_are_a_validation_problem_naming_each_field()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync(Url, new { name = new string('x', 101), sortOrder = -5 });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["name", "sortOrder"], ignoreOrder: true);
    }

    [Fact]
    public async Task Staff_can_read_task_types_but_only_an_admin_changes_the_list()
    {
        var staff = await app.AsRoleAsync(UserRole.Staff);
        var reprint = await staff.TaskTypeIdAsync("Reprint");

        (await staff.GetAsync($"{Url}/{reprint}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync(Url, new { name = "Refund" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var rename = await staff.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"{Url}/{reprint}", new { name = "Reprints" }).WithIfMatch("\"1\""));
        await rename.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
