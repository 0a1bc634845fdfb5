using System.Net;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Features.Clients.Clients;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Clients.Tasks;

/// <summary>The task list as a work queue: each test raises tickets about a client of its own and filters by it.</summary>
public sealed class TaskListTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task Tickets_can_be_listed_by_assignee_type_and_client()
    {
        var admin = await app.AdminAsync();
        var client = await admin.CreateAsync(ClientRequests.Consumer("Ada", "Assigned"));
        var other = await admin.CreateAsync(ClientRequests.Consumer("Otto", "Other"));
        var dora = await app.CreateUserAsync("queue-dora", UserRole.Staff);
        var sam = await app.CreateUserAsync("queue-sam", UserRole.Photographer);
        var reprint = await admin.TaskTypeIdAsync("Reprint");
        var retouch = await admin.TaskTypeIdAsync("Retouch Request");
        var dorasReprint = await admin.CreateTaskAsync(new { taskTypeId = reprint, title = "Reprint 8x10", clientId = client.Id, assignedUserId = dora.Id });
        var dorasRetouch = await admin.CreateTaskAsync(new { taskTypeId = retouch, title = "Retouch blemish", clientId = client.Id, assignedUserId = dora.Id });
        var samsReprint = await admin.CreateTaskAsync(new { taskTypeId = reprint, title = "Reprint wallets", clientId = client.Id, assignedUserId = sam.Id });
        var othersReprint = await admin.CreateTaskAsync(new { taskTypeId = reprint, title = "Reprint 5x7", clientId = other.Id, assignedUserId = dora.Id });

        (await admin.ListTasksAsync($"assignedUserId={dora.Id}")).Items.Select(t => t.Id)
            .ShouldBe([dorasReprint.Id, dorasRetouch.Id, othersReprint.Id], ignoreOrder: true);
        (await admin.ListTasksAsync($"clientId={client.Id}&taskTypeId={reprint}")).Items.Select(t => t.Id)
            .ShouldBe([dorasReprint.Id, samsReprint.Id], ignoreOrder: true);
        (await admin.ListTasksAsync($"clientId={client.Id}&taskTypeId={reprint}&assignedUserId={sam.Id}")).Items.Select(t => t.Id)
            .ShouldBe([samsReprint.Id]);
    }

    [Fact]
    public async Task Tickets_can_be_listed_by_the_session_or_invoice_they_are_about()
    {
        var admin = await app.AdminAsync();
        var type = await admin.TaskTypeIdAsync("Customer Service");
        var aboutSession = await admin.CreateTaskAsync(new { taskTypeId = type, title = "Session ran late", sessionId = 880_001 });
        var aboutInvoice = await admin.CreateTaskAsync(new { taskTypeId = type, title = "Invoice total wrong", invoiceId = 990_001 });

        (await admin.ListTasksAsync("sessionId=880001")).Items.Select(t => t.Id).ShouldBe([aboutSession.Id]);
        (await admin.ListTasksAsync("invoiceId=990001")).Items.Select(t => t.Id).ShouldBe([aboutInvoice.Id]);
    }

    [Fact]
    public async Task Due_before_lists_the_tickets_due_earlier_and_leaves_out_undated_ones()
    {
        var admin = await app.AdminAsync();
        var client = await admin.CreateAsync(ClientRequests.Consumer("Dee", "Duedate"));
        var type = await admin.TaskTypeIdAsync("Complaint");
        var early = await admin.CreateTaskAsync(new { taskTypeId = type, title = "Early", clientId = client.Id, dueDate = "2030-05-01" });
        await admin.CreateTaskAsync(new { taskTypeId = type, title = "On the day", clientId = client.Id, dueDate = "2030-05-10" });
        await admin.CreateTaskAsync(new { taskTypeId = type, title = "Later", clientId = client.Id, dueDate = "2030-06-01" });
        await admin.CreateTaskAsync(new { taskTypeId = type, title = "Someday", clientId = client.Id });

        var due = await admin.ListTasksAsync($"clientId={client.Id}&dueBefore=2030-05-10");

        due.Items.Select(t => t.Id).ShouldBe([early.Id]);
    }

    [Fact]
    public async Task Tickets_can_be_listed_by_priority_and_sorted_most_urgent_first()
    {
        var admin = await app.AdminAsync();
        var client = await admin.CreateAsync(ClientRequests.Consumer("Pru", "Priority"));
        var type = await admin.TaskTypeIdAsync("Complaint");
        foreach (var priority in new[] { "normal", "urgent", "low", "high" })
            await admin.CreateTaskAsync(new { taskTypeId = type, title = $"{priority} one", clientId = client.Id, priority });

        (await admin.ListTasksAsync($"clientId={client.Id}&priority=urgent")).Items.Select(t => t.Title).ShouldBe(["urgent one"]);
        (await admin.ListTasksAsync($"clientId={client.Id}&sort=-priority")).Items.Select(t => t.Priority)
            .ShouldBe(["urgent", "high", "normal", "low"]);
    }

    [Fact]
    public async Task The_default_order_is_soonest_due_first_with_undated_tickets_last_across_pages()
    {
        var admin = await app.AdminAsync();
        var client = await admin.CreateAsync(ClientRequests.Consumer("Quinn", "Queue"));
        var type = await admin.TaskTypeIdAsync("Reprint");
        foreach (var (title, due) in new[] { ("undated A", null), ("June", "2030-06-01"), ("undated B", null), ("April", "2030-04-01"), ("May", (string?)"2030-05-01") })
            await admin.CreateTaskAsync(new { taskTypeId = type, title, clientId = client.Id, dueDate = due });

        var titles = new List<string>();
        string? cursor = null;
        do
        {
            var page = await admin.ListTasksAsync($"clientId={client.Id}&limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            page.Items.Count.ShouldBeLessThanOrEqualTo(2);
            titles.AddRange(page.Items.Select(t => t.Title));
            cursor = page.NextCursor;
        } while (cursor is not null);

        titles.ShouldBe(["April", "May", "June", "undated A", "undated B"]);
    }

    [Fact]
    public async Task A_search_finds_every_word_in_the_title_or_description()
    {
        var admin = await app.AdminAsync();
        var client = await admin.CreateAsync(ClientRequests.Consumer("Sol", "Search"));
        var type = await admin.TaskTypeIdAsync("Reprint");
        var wallets = await admin.CreateTaskAsync(new { taskTypeId = type, title = "Reprint wallets", description = "Glossy finish this time", clientId = client.Id });
        await admin.CreateTaskAsync(new { taskTypeId = type, title = "Reprint 8x10", description = "Matte", clientId = client.Id });

        (await admin.ListTasksAsync($"clientId={client.Id}&q=reprint%20glossy")).Items.Select(t => t.Id).ShouldBe([wallets.Id]);
        (await admin.ListTasksAsync($"clientId={client.Id}&q=reprint")).Items.Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_unknown_sort_or_priority_is_a_validation_problem()
    {
        var admin = await app.AdminAsync();

        var sort = await admin.GetAsync($"{TaskRequests.Url}?sort=title");
        (await sort.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["sort"]);
        await (await admin.GetAsync($"{TaskRequests.Url}?priority=someday")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}
