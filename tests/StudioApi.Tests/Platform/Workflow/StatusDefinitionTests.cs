using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CsvHelper;
using MiniExcelLibs;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Workflow;

/// <summary>Keeping a workflow's list: marks, order, deletes, exports. Task lists are used where a fresh list is needed.</summary>
public sealed class StatusDefinitionTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    long nextType = Random.Shared.Next(1000, 1_000_000);

    /// <summary>A fresh, empty task-type list: task statuses can be kept by type before any task exists.</summary>
    async Task<long> NewTaskTypeAsync(HttpClient admin)
    {
        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, "/api/v1/workflow/kinds/task/by-type", new { enabled = true, typeIds = Array.Empty<long>() })))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        return ++nextType;
    }

    [Fact]
    public async Task A_new_studio_has_the_client_workflow_from_prospect_to_inactive()
    {
        var admin = await app.AdminAsync();

        var statuses = await admin.StatusesAsync("client");

        // Other tests of this class append statuses of their own after these.
        statuses.Take(4).Select(s => s.Description).ShouldBe(["Prospect", "Customer", "School", "Inactive"]);
        statuses.Single(s => s.IsInitial).Description.ShouldBe("Prospect");
        statuses.Single(s => s.IsFinal).Description.ShouldBe("Inactive");
    }

    [Fact]
    public async Task The_first_status_of_a_workflow_is_initial_and_final_until_others_take_the_marks()
    {
        var admin = await app.AdminAsync();
        var type = await NewTaskTypeAsync(admin);

        var open = await admin.CreateStatusAsync("task", "Open", days: 1, typeId: type);
        open.IsInitial.ShouldBeTrue();
        open.IsFinal.ShouldBeTrue();

        var waiting = await admin.CreateStatusAsync("task", "Waiting on client", days: 3, typeId: type);
        (waiting.IsInitial, waiting.IsFinal).ShouldBe((false, false));
        var closed = await admin.CreateStatusAsync("task", "Closed", typeId: type, final: true);

        var list = await admin.StatusesAsync("task", type);
        list.Select(s => s.Description).ShouldBe(["Open", "Waiting on client", "Closed"]);
        list.Single(s => s.IsInitial).Id.ShouldBe(open.Id);
        list.Single(s => s.IsFinal).Id.ShouldBe(closed.Id);
        // Losing the final mark changed Open: its version moved on.
        list.Single(s => s.Id == open.Id).Version.ShouldBe(open.Version + 1);
    }

    [Fact]
    public async Task Marking_another_status_initial_moves_the_mark_and_unmarking_the_only_one_is_refused()
    {
        var admin = await app.AdminAsync();
        var type = await NewTaskTypeAsync(admin);
        var first = await admin.CreateStatusAsync("task", "New", typeId: type);
        var second = await admin.CreateStatusAsync("task", "Triaged", typeId: type);

        var marked = await UpdateAsync(admin, second, new { description = "Triaged", isInitial = true });
        (await marked.ShouldBeAsync<StatusBody>(HttpStatusCode.OK)).IsInitial.ShouldBeTrue();
        var list = await admin.StatusesAsync("task", type);
        list.Single(s => s.IsInitial).Id.ShouldBe(second.Id);
        list.Single(s => s.IsFinal).Id.ShouldBe(first.Id);

        var current = list.Single(s => s.Id == second.Id);
        var unmark = await UpdateAsync(admin, current, new { description = "Triaged", isInitial = false });
        (await unmark.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!.ShouldContain("initial");
    }

    [Fact]
    public async Task Two_statuses_of_one_workflow_cannot_share_a_description_but_two_workflows_can()
    {
        var admin = await app.AdminAsync();
        var type = await NewTaskTypeAsync(admin);
        await admin.CreateStatusAsync("task", "Open", typeId: type);

        var again = await admin.PostAsJsonAsync("/api/v1/workflow/statuses", new { kind = "task", typeId = type, description = "open" });
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await admin.PostAsJsonAsync("/api/v1/workflow/statuses", new { kind = "task", typeId = type + 1000, description = "Open" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("client", "stage", "capture", null)]
    [InlineData("invoice", "changeOnSessionDate", true, null)]
    [InlineData("task", "durationBusinessDays", 366, null)]
    [InlineData("client", "description", "", null)]
    [InlineData("session", "labEvent", "accepted", null)]
    [InlineData("task", "labEvent", "shipped", null)]
    public async Task A_field_the_kind_does_not_have_or_a_value_out_of_range_is_a_field_error(string kind, string field, object value, object? _)
    {
        var admin = await app.AdminAsync();
        var body = new Dictionary<string, object?> { ["kind"] = kind, ["description"] = $"Field test {Guid.NewGuid():N}"[..30], [field] = value };

        var problem = await (await admin.PostAsJsonAsync("/api/v1/workflow/statuses", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.FieldErrors().ShouldContain(field);
    }

    [Fact]
    public async Task A_type_list_is_refused_for_clients_which_keep_one_list()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/workflow/statuses", new { kind = "client", typeId = 5, description = "Typed" });

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Reordering_a_workflow_changes_the_order_advance_follows()
    {
        var admin = await app.AdminAsync();
        var type = await NewTaskTypeAsync(admin);
        var a = await admin.CreateStatusAsync("task", "A", typeId: type);
        var b = await admin.CreateStatusAsync("task", "B", typeId: type);
        var c = await admin.CreateStatusAsync("task", "C", typeId: type);

        var response = await admin.PostAsJsonAsync("/api/v1/workflow/statuses/reorder", new { kind = "task", typeId = type, statusIds = new[] { c.Id, a.Id, b.Id } });

        var list = await response.ShouldBeAsync<StatusListBody>(HttpStatusCode.OK);
        list.Items.Select(s => s.Description).ShouldBe(["C", "A", "B"]);
        (await admin.StatusesAsync("task", type)).Select(s => s.Id).ShouldBe([c.Id, a.Id, b.Id]);
        var incomplete = await admin.PostAsJsonAsync("/api/v1/workflow/statuses/reorder", new { kind = "task", typeId = type, statusIds = new[] { c.Id, a.Id } });
        (await incomplete.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("missing").EnumerateArray()
            .Select(e => e.GetInt64()).ShouldBe([b.Id]);
    }

    [Fact]
    public async Task Reordering_without_the_statuses_is_a_field_error_and_keeps_the_order()
    {
        var admin = await app.AdminAsync();
        var type = await NewTaskTypeAsync(admin);
        var a = await admin.CreateStatusAsync("task", "A", typeId: type);
        var b = await admin.CreateStatusAsync("task", "B", typeId: type);

        var response = await admin.PostAsJsonAsync("/api/v1/workflow/statuses/reorder", new { kind = "task", typeId = type, statusIds = (long[]?)null });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["statusIds"]);
        (await admin.StatusesAsync("task", type)).Select(s => s.Id).ShouldBe([a.Id, b.Id]);
    }

    [Fact]
    public async Task An_inactive_status_is_listed_only_when_asked_for()
    {
        var admin = await app.AdminAsync();
        var type = await NewTaskTypeAsync(admin);
        await admin.CreateStatusAsync("task", "Open", typeId: type);
        await admin.CreateStatusAsync("task", "Escalated (retired)", typeId: type, inactive: true);

        (await admin.StatusesAsync("task", type, includeInactive: false)).Select(s => s.Description).ShouldBe(["Open"]);
        (await admin.StatusesAsync("task", type)).Select(s => s.Description).ShouldBe(["Open", "Escalated (retired)"]);
    }

    [Fact]
    public async Task Deleting_a_status_clients_are_at_is_refused_with_their_count_and_with_moveTo_they_move_and_it_is_logged()
    {
        var admin = await app.AdminAsync();
        var statuses = await admin.StatusesAsync("client");
        var temporary = await admin.CreateStatusAsync("client", "Temporary (delete test)", days: 2);
        var customer = statuses.Single(s => s.Description == "Customer");
        var clients = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var id = await admin.CreateClientAsync($"Delete{i}");
            (await admin.ChangeClientStatusAsync(id, temporary.Id)).StatusCode.ShouldBe(HttpStatusCode.Created);
            clients.Add(id);
        }

        var refused = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/workflow/statuses/{temporary.Id}").WithIfMatch($"\"{temporary.Version}\""));
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("count").GetInt32().ShouldBe(3);

        var moved = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/workflow/statuses/{temporary.Id}?moveTo={customer.Id}")
            .WithIfMatch($"\"{temporary.Version}\""));
        moved.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetAsync($"/api/v1/workflow/statuses/{temporary.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var id in clients)
        {
            var log = await (await admin.GetAsync($"/api/v1/clients/{id}/status-changes")).ShouldBeAsync<StatusChangePage>(HttpStatusCode.OK);
            var last = log.Items[0];
            (last.FromDescription, last.ToDescription).ShouldBe(("Temporary (delete test)", "Customer"));
            last.Note!.ShouldContain("deleted");
        }
        (await admin.StatusesAsync("client")).Select(s => s.Description).ShouldNotContain("Temporary (delete test)");
    }

    [Fact]
    public async Task Deleting_a_status_nobody_is_at_needs_no_moveTo_and_moveTo_must_be_in_the_same_workflow()
    {
        var admin = await app.AdminAsync();
        var unused = await admin.CreateStatusAsync("client", "Unused (delete test)");
        var busy = await admin.CreateStatusAsync("client", "Busy (delete test)");
        var client = await admin.CreateClientAsync("Busy");
        (await admin.ChangeClientStatusAsync(client, busy.Id)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var type = await NewTaskTypeAsync(admin);
        var elsewhere = await admin.CreateStatusAsync("task", "Elsewhere", typeId: type);

        var wrongWorkflow = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/workflow/statuses/{busy.Id}?moveTo={elsewhere.Id}")
            .WithIfMatch($"\"{busy.Version}\""));
        await wrongWorkflow.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/workflow/statuses/{unused.Id}").WithIfMatch($"\"{unused.Version}\"")))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_workflow_exports_as_csv_and_xlsx_with_its_statuses_in_order()
    {
        var admin = await app.AdminAsync();
        var type = await NewTaskTypeAsync(admin);
        await admin.CreateStatusAsync("task", "Open", days: 1, typeId: type);
        await admin.CreateStatusAsync("task", "Waiting", days: 5, typeId: type, inactive: true);
        await admin.CreateStatusAsync("task", "Done", typeId: type, final: true);

        var csv = await admin.GetAsync($"/api/v1/workflow/statuses/export?kind=task&typeId={type}&format=csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"task-type-{type}-statuses.csv");
        using (var reader = new CsvReader(new StringReader(await csv.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture))
        {
            var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
            rows.Select(r => r["Description"]).ShouldBe(["Open", "Waiting", "Done"]);
            rows.Select(r => r["DurationBusinessDays"]).ShouldBe(["1", "5", "0"]);
            rows.Select(r => r["Final"]).ShouldBe(["False", "False", "True"]);
            rows.Select(r => r["Inactive"]).ShouldBe(["False", "True", "False"]);
        }

        var xlsx = await admin.GetAsync($"/api/v1/workflow/statuses/export?kind=task&typeId={type}&format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        xlsx.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"task-type-{type}-statuses.xlsx");
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheet = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        sheet.Select(r => r["Description"]).ShouldBe(["Open", "Waiting", "Done"]);
        sheet.Select(r => Convert.ToInt32(r["DurationBusinessDays"], CultureInfo.InvariantCulture)).ShouldBe([1, 5, 0]);
    }

    [Fact]
    public async Task A_new_studio_moves_production_orders_to_At_the_Lab_and_Received_on_the_labs_callbacks()
    {
        var admin = await app.AdminAsync();

        var statuses = await admin.StatusesAsync("productionOrder");

        // No status of the starting list stands for a rejection: a rejected order keeps its status until the studio marks one.
        statuses.Take(4).Select(s => (s.Description, s.LabEvent))
            .ShouldBe([("New", null), ("At the Lab", "accepted"), ("Received", "shipped"), ("Delivered", null)]);
    }

    [Fact]
    public async Task A_production_order_status_is_marked_for_a_lab_event_once_per_workflow()
    {
        var admin = await app.AdminAsync();
        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, "/api/v1/workflow/kinds/productionOrder/by-type", new { enabled = true, typeIds = Array.Empty<long>() })))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var type = ++nextType;
        var atLab = await admin.CreateStatusAsync("productionOrder", "At the lab", days: 5, typeId: type, labEvent: "accepted");
        var shipped = await admin.CreateStatusAsync("productionOrder", "Shipped", days: 3, typeId: type, labEvent: "shipped");
        var problem = await admin.CreateStatusAsync("productionOrder", "Lab problem", days: 1, typeId: type);
        (atLab.LabEvent, shipped.LabEvent, problem.LabEvent).ShouldBe(("accepted", "shipped", null));

        // A second status for the lab's acceptance, new or edited: 409 naming the event and the status that has it; nothing changes.
        var second = await (await admin.PostAsJsonAsync("/api/v1/workflow/statuses",
            new { kind = "productionOrder", typeId = type, description = "Confirmed", labEvent = "accepted" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        second.GetProperty("labEvent").GetString().ShouldBe("accepted");
        second.GetProperty("detail").GetString()!.ShouldContain("'At the lab'");
        var edited = await (await UpdateAsync(admin, problem, new { description = "Lab problem", durationBusinessDays = 1, labEvent = "accepted" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        edited.GetProperty("labEvent").GetString().ShouldBe("accepted");
        var unchanged = await admin.StatusesAsync("productionOrder", type);
        unchanged.Select(s => (s.Description, s.LabEvent, s.Version))
            .ShouldBe([("At the lab", "accepted", atLab.Version), ("Shipped", "shipped", shipped.Version), ("Lab problem", null, problem.Version)]);

        // Another workflow has its own marks; within one, a status takes an event no other status has.
        (await admin.CreateStatusAsync("productionOrder", "At the lab", typeId: type + 1000, labEvent: "accepted")).LabEvent.ShouldBe("accepted");
        var marked = await (await UpdateAsync(admin, problem, new { description = "Lab problem", durationBusinessDays = 1, labEvent = "rejected" }))
            .ShouldBeAsync<StatusBody>(HttpStatusCode.OK);
        marked.LabEvent.ShouldBe("rejected");

        // Only production orders are made by labs: a session status marked is a field error, and stays as it was.
        var session = (await admin.StatusesAsync("session")).First();
        var refused = await (await UpdateAsync(admin, session, new { description = session.Description, durationBusinessDays = session.DurationBusinessDays,
            stage = session.Stage, isInitial = session.IsInitial, isFinal = session.IsFinal, labEvent = "shipped" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        refused.FieldErrors().ShouldBe(["labEvent"]);
        (await admin.StatusesAsync("session")).First().ShouldBe(session);

        // The export says which status each lab event moves an order to.
        var csv = await admin.GetStringAsync($"/api/v1/workflow/statuses/export?kind=productionOrder&typeId={type}&format=csv");
        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().Select(r => r["LabEvent"]).ShouldBe(["accepted", "shipped", "rejected"]);
    }

    static Task<HttpResponseMessage> UpdateAsync(HttpClient admin, StatusBody status, object body) =>
        admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/workflow/statuses/{status.Id}", body).WithIfMatch($"\"{status.Version}\""));
}
