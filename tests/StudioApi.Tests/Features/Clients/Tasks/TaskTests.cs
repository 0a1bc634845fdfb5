using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Features.Clients.Clients;
using StudioApi.Tests.Infrastructure;
using StudioApi.Features.Clients;

namespace StudioApi.Tests.Features.Clients.Tasks;

public sealed class TaskTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    const string Url = TaskRequests.Url;

    [Fact]
    public async Task A_ticket_raised_about_a_client_can_be_read_back_with_its_location_and_etag()
    {
        var admin = await app.AdminAsync();
        var reprint = await admin.TaskTypeIdAsync("Reprint");
        var client = await admin.CreateAsync(ClientRequests.Consumer("Rita", "Reprint"));
        var worker = await app.CreateUserAsync("desk-wanda", UserRole.Staff);

        var created = await admin.PostAsJsonAsync(Url, new
        {
            taskTypeId = reprint,
            title = "  Reprint the 5x7 ",
            description = "Colour is off on the 5x7 from the family session.",
            clientId = client.Id,
            sessionId = 4021,
            invoiceId = 7788,
            assignedUserId = worker.Id,
            dueDate = "2030-03-15",
            priority = "high",
        });

        var task = await created.ShouldBeAsync<TaskBody>(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldEndWith($"{Url}/{task.Id}");
        created.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var read = await (await admin.GetAsync(created.Headers.Location)).ShouldBeAsync<TaskBody>(HttpStatusCode.OK);
        read.ShouldBe(task);
        read.ShouldSatisfyAllConditions(
            t => t.TaskTypeId.ShouldBe(reprint),
            t => t.Title.ShouldBe("Reprint the 5x7"),
            t => t.ClientId.ShouldBe(client.Id),
            t => (t.SessionId, t.InvoiceId).ShouldBe((4021L, 7788L)),
            t => t.AssignedUserId.ShouldBe(worker.Id),
            t => t.DueDate.ShouldBe(new DateOnly(2030, 3, 15)),
            t => t.Priority.ShouldBe("high"),
            t => t.CreatedBy.ShouldBe("admin"));
    }

    [Fact]
    public async Task A_ticket_needs_only_a_type_and_a_title_and_is_of_normal_priority_by_default()
    {
        var admin = await app.AdminAsync();

        var task = await admin.CreateTaskAsync(new { taskTypeId = await admin.TaskTypeIdAsync("Customer Service"), title = "Call back about hours" });

        (task.Priority, task.ClientId, task.AssignedUserId, task.DueDate, task.Description).ShouldBe(("normal", null, null, null, null));
    }

    [Fact]
    public async Task Every_staff_role_can_raise_and_work_a_ticket()
    {
        var admin = await app.AdminAsync();
        var type = await admin.TaskTypeIdAsync("Complaint");

        foreach (var role in new[] { UserRole.Staff, UserRole.Photographer, UserRole.Sales })
        {
            var caller = await app.AsRoleAsync(role);
            var task = await caller.CreateTaskAsync(new { taskTypeId = type, title = $"Raised by {role}" });
            var url = $"{Url}/{task.Id}";

            var updated = await caller.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, new { taskTypeId = type, title = $"Worked by {role}", priority = "urgent" })
                .WithIfMatch("\"1\""));
            (await updated.ShouldBeAsync<TaskBody>(HttpStatusCode.OK)).Priority.ShouldBe("urgent");
            (await caller.PostAsJsonAsync($"{url}/notes", new { text = "On it." })).StatusCode.ShouldBe(HttpStatusCode.Created);
            (await caller.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"2\""))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            (await caller.PostAsync($"{url}/restore", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Invalid_fields_are_a_validation_problem_naming_each_field_and_store_nothing()
    {
        var admin = await app.AdminAsync();
        var before = await app.WithDbAsync(db => db.Tasks.IgnoreQueryFilters().CountAsync());

        var response = await admin.PostAsJsonAsync(Url, new
        {
            title = new string('t', 201),
            description = new string('d', 4001),
            clientId = 0,
            sessionId = -1,
        });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors()
            .ShouldBe(["taskTypeId", "title", "description", "clientId", "sessionId"], ignoreOrder: true);
        var unknownPriority = await admin.PostAsJsonAsync(Url, new { taskTypeId = 1, title = "x", priority = "someday" });
        (await unknownPriority.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["priority"]);
        (await app.WithDbAsync(db => db.Tasks.IgnoreQueryFilters().CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Unknown_or_retired_references_are_field_errors()
    {
        var admin = await app.AdminAsync();
        var retiredType = await admin.CreateTaskTypeAsync("Retired ticket type");
        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/task-types/{retiredType.Id}",
            new { name = retiredType.Name, isActive = false }).WithIfMatch("\"1\""))).EnsureSuccessStatusCode();
        var gone = await admin.CreateAsync(ClientRequests.Consumer("Gina", "Gone"));
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/clients/{gone.Id}").WithIfMatch("\"1\""))).EnsureSuccessStatusCode();
        var leaver = await app.CreateUserAsync("left-lena", UserRole.Sales);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == leaver.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));

        var unknown = await admin.PostAsJsonAsync(Url, new { taskTypeId = 999_999, title = "Who?", clientId = 999_999, assignedUserId = 999_999 });
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors()
            .ShouldBe(["taskTypeId", "clientId", "assignedUserId"], ignoreOrder: true);

        var retired = await admin.PostAsJsonAsync(Url, new { taskTypeId = retiredType.Id, title = "Old", clientId = gone.Id, assignedUserId = leaver.Id });
        (await retired.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors()
            .ShouldBe(["taskTypeId", "clientId", "assignedUserId"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_ticket_whose_type_was_retired_and_assignee_disabled_can_still_be_edited()
    {
        var admin = await app.AdminAsync();
        var type = await admin.CreateTaskTypeAsync("Soon retired");
        var worker = await app.CreateUserAsync("leaving-leo", UserRole.Photographer);
        var task = await admin.CreateTaskAsync(new { taskTypeId = type.Id, title = "Fix crop", assignedUserId = worker.Id });
        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/task-types/{type.Id}", new { name = type.Name, isActive = false })
            .WithIfMatch("\"1\""))).EnsureSuccessStatusCode();
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == worker.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));

        var edited = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"{Url}/{task.Id}",
            new { taskTypeId = type.Id, title = "Fix crop (tighter)", assignedUserId = worker.Id }).WithIfMatch("\"1\""));

        (await edited.ShouldBeAsync<TaskBody>(HttpStatusCode.OK)).Title.ShouldBe("Fix crop (tighter)");
    }

    [Fact]
    public async Task Update_needs_the_current_version_and_a_stale_one_overwrites_nothing()
    {
        var admin = await app.AdminAsync();
        var type = await admin.TaskTypeIdAsync("Retouch Request");
        var task = await admin.CreateTaskAsync(new { taskTypeId = type, title = "Soften shadows" });
        var url = $"{Url}/{task.Id}";

        await (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, new { taskTypeId = type, title = "No If-Match" })))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var first = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, new { taskTypeId = type, title = "Soften shadows more" }).WithIfMatch("\"1\""));
        (await first.ShouldBeAsync<TaskBody>(HttpStatusCode.OK)).Version.ShouldBe(2);
        first.Headers.ETag!.Tag.ShouldBe("\"2\"");

        var stale = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, new { taskTypeId = type, title = "Overwrite" }).WithIfMatch("\"1\""));
        (await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed)).GetProperty("currentVersion").GetInt32().ShouldBe(2);
        await (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"1\""))).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        (await (await admin.GetAsync(url)).ShouldBeAsync<TaskBody>(HttpStatusCode.OK)).Title.ShouldBe("Soften shadows more");
    }

    [Fact]
    public async Task A_deleted_ticket_leaves_the_list_for_the_recycle_bin_and_comes_back_when_restored()
    {
        var admin = await app.AdminAsync();
        var client = await admin.CreateAsync(ClientRequests.Consumer("Ria", "Recycled"));
        var task = await admin.CreateTaskAsync(new { taskTypeId = await admin.TaskTypeIdAsync("Complaint"), title = "Late delivery", clientId = client.Id });
        var url = $"{Url}/{task.Id}";

        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"1\""))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await admin.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await admin.ListTasksAsync($"clientId={client.Id}")).Items.ShouldBeEmpty();
        var bin = await admin.ListTasksAsync($"clientId={client.Id}&deleted=true");
        bin.Items.Single().DeletedAt.ShouldNotBeNull();

        var restored = await (await admin.PostAsync($"{url}/restore", null)).ShouldBeAsync<TaskBody>(HttpStatusCode.OK);
        restored.DeletedAt.ShouldBeNull();
        (await admin.ListTasksAsync($"clientId={client.Id}")).Items.Single().Id.ShouldBe(task.Id);
        await (await admin.PostAsync($"{url}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Creating_twice_with_one_idempotency_key_raises_one_ticket()
    {
        var admin = await app.AdminAsync();
        var client = await admin.CreateAsync(ClientRequests.Consumer("Ida", "Twice"));
        var body = new { taskTypeId = await admin.TaskTypeIdAsync("Reprint"), title = "Reprint wallets", clientId = client.Id };

        async Task<TaskBody> CreateAsync()
        {
            var request = HttpAssertions.Json(HttpMethod.Post, Url, body);
            request.Headers.TryAddWithoutValidation("Idempotency-Key", "task-reprint-wallets-1");
            return await (await admin.SendAsync(request)).ShouldBeAsync<TaskBody>(HttpStatusCode.Created);
        }

        var first = await CreateAsync();
        var second = await CreateAsync();

        second.Id.ShouldBe(first.Id);
        (await admin.ListTasksAsync($"clientId={client.Id}")).Items.Count.ShouldBe(1);
    }
}
