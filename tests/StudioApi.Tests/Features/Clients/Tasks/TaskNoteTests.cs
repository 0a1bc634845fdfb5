using System.Net;
using System.Net.Http.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Features.Clients.Notes;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Clients.Tasks;

public sealed class TaskNoteTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task Notes_are_stamped_with_who_wrote_them_and_listed_newest_first()
    {
        var admin = await app.AdminAsync();
        var task = await admin.CreateTaskAsync(new { taskTypeId = await admin.TaskTypeIdAsync("Reprint"), title = "Reprint the canvas" });
        await app.CreateUserAsync("ticket-tess", UserRole.Staff);
        await app.CreateUserAsync("kiosk-kim", UserRole.Sales);
        var tess = await app.SignedInAsync("ticket-tess", StudioApiFactory.UserPassword);
        var kim = await app.SignedInAsync("kiosk-kim", StudioApiFactory.UserPassword);
        var url = $"{TaskRequests.Url}/{task.Id}/notes";

        var first = await tess.PostAsJsonAsync(url, new { text = " Ordered the reprint from the lab. " });
        var firstNote = await first.ShouldBeAsync<NoteBody>(HttpStatusCode.Created);
        await (await kim.PostAsJsonAsync(url, new { text = "Client picked it up." })).ShouldBeAsync<NoteBody>(HttpStatusCode.Created);

        (firstNote.Author, firstNote.RecordId, firstNote.Text).ShouldBe(("ticket-tess", task.Id, "Ordered the reprint from the lab."));
        firstNote.CreatedAt.ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        var log = await (await admin.GetAsync(url)).ShouldBeAsync<NotePage>(HttpStatusCode.OK);
        log.Items.Select(n => (n.Author, n.Text)).ShouldBe([("kiosk-kim", "Client picked it up."), ("ticket-tess", "Ordered the reprint from the lab.")]);
    }

    [Fact]
    public async Task Adding_a_note_does_not_change_the_tasks_version()
    {
        var admin = await app.AdminAsync();
        var task = await admin.CreateTaskAsync(new { taskTypeId = await admin.TaskTypeIdAsync("Complaint"), title = "Wrong name on album" });

        (await admin.PostAsJsonAsync($"{TaskRequests.Url}/{task.Id}/notes", new { text = "Apologised by phone." })).EnsureSuccessStatusCode();

        // Someone editing the ticket with the version read before the note can still save.
        var read = await (await admin.GetAsync($"{TaskRequests.Url}/{task.Id}")).ShouldBeAsync<TaskBody>(HttpStatusCode.OK);
        read.Version.ShouldBe(1);
    }

    [Fact]
    public async Task An_empty_note_or_a_note_on_a_missing_or_deleted_task_is_refused()
    {
        var admin = await app.AdminAsync();
        var task = await admin.CreateTaskAsync(new { taskTypeId = await admin.TaskTypeIdAsync("Complaint"), title = "Binned" });
        var url = $"{TaskRequests.Url}/{task.Id}/notes";

        var empty = await admin.PostAsJsonAsync(url, new { text = " " });
        (await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["text"]);
        await (await admin.PostAsJsonAsync($"{TaskRequests.Url}/999999/notes", new { text = "Hello" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"{TaskRequests.Url}/999999/notes")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{TaskRequests.Url}/{task.Id}").WithIfMatch("\"1\""))).EnsureSuccessStatusCode();
        await (await admin.PostAsJsonAsync(url, new { text = "Too late" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
