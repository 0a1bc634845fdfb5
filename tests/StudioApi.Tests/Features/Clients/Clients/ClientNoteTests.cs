using System.Net;
using System.Net.Http.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Features.Clients.Notes;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Clients.Clients;

public sealed class ClientNoteTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task Notes_are_stamped_with_who_wrote_them_and_listed_newest_first()
    {
        var admin = await app.AdminAsync();
        var client = await admin.CreateAsync(ClientRequests.Consumer("Nell", "Noted"));
        await app.CreateUserAsync("desk-dora", UserRole.Staff);
        await app.CreateUserAsync("shooter-sam", UserRole.Photographer);
        var dora = await app.SignedInAsync("desk-dora", StudioApiFactory.UserPassword);
        var sam = await app.SignedInAsync("shooter-sam", StudioApiFactory.UserPassword);
        var url = $"/api/v1/clients/{client.Id}/notes";

        var first = await dora.PostAsJsonAsync(url, new { text = "Called about the family session." });
        var firstNote = await first.ShouldBeAsync<NoteBody>(HttpStatusCode.Created);
        await (await sam.PostAsJsonAsync(url, new { text = "Prefers outdoor shots." })).ShouldBeAsync<NoteBody>(HttpStatusCode.Created);

        firstNote.Author.ShouldBe("desk-dora");
        firstNote.CreatedAt.ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        var log = await (await admin.GetAsync(url)).ShouldBeAsync<NotePage>(HttpStatusCode.OK);
        log.Items.Select(n => (n.Author, n.Text)).ShouldBe([("shooter-sam", "Prefers outdoor shots."), ("desk-dora", "Called about the family session.")]);
    }

    [Fact]
    public async Task Adding_a_note_does_not_change_the_clients_version()
    {
        var admin = await app.AdminAsync();
        var client = await admin.CreateAsync(ClientRequests.Consumer("Vera", "Versioned"));

        (await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/notes", new { text = "Quick note." })).EnsureSuccessStatusCode();

        // An editor holding the version read before the note can still save.
        var read = await (await admin.GetAsync($"/api/v1/clients/{client.Id}")).ShouldBeAsync<ClientBody>(HttpStatusCode.OK);
        read.Version.ShouldBe(1);
    }

    [Fact]
    public async Task The_notes_log_pages_without_skipping_or_repeating_entries()
    {
        var admin = await app.AdminAsync();
        var client = await admin.CreateAsync(ClientRequests.Consumer("Pia", "Paged"));
        var url = $"/api/v1/clients/{client.Id}/notes";
        for (var i = 1; i <= 5; i++)
            (await admin.PostAsJsonAsync(url, new { text = $"note {i}" })).EnsureSuccessStatusCode();

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync($"{url}?limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")))
                .ShouldBeAsync<NotePage>(HttpStatusCode.OK);
            page.Items.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.Items.Select(n => n.Text));
            cursor = page.NextCursor;
        } while (cursor is not null);

        seen.ShouldBe(["note 5", "note 4", "note 3", "note 2", "note 1"]);
    }

    [Fact]
    public async Task An_empty_note_or_a_note_on_a_missing_client_is_refused()
    {
        var admin = await app.AdminAsync();
        var client = await admin.CreateAsync(ClientRequests.Consumer("Eli", "Empty"));

        var empty = await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/notes", new { text = " " });
        (await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["text"]);

        await (await admin.PostAsJsonAsync("/api/v1/clients/999999/notes", new { text = "Hello" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync("/api/v1/clients/999999/notes")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
