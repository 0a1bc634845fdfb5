using System.Net;
using System.Net.Http.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Setup.SessionTypes;

public sealed record SessionTypeBody(long Id, int Version, string Name, string Style, int DefaultLengthMinutes, int SortOrder, bool IsActive, DateTimeOffset? DeletedAt);

public sealed record SessionTypePage(List<SessionTypeBody> Items, string? NextCursor);

public sealed class SessionTypeTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    const string Url = "/api/v1/session-types";

    [Fact]
    public async Task A_new_studio_has_the_common_session_types_with_their_styles_and_lengths()
    {
        var photographer = await app.AsRoleAsync(UserRole.Photographer);

        var page = await (await photographer.GetAsync($"{Url}?active=true&limit=5")).ShouldBeAsync<SessionTypePage>(HttpStatusCode.OK);

        page.Items.Select(t => (t.Name, t.Style)).ShouldBe([
            ("Portrait", "portrait"), ("Family", "portrait"), ("Senior", "portrait"),
            ("School Picture Day", "organization"), ("Event", "socialEvent"),
        ]);
        page.Items.ShouldAllBe(t => t.DefaultLengthMinutes >= 5 && t.DefaultLengthMinutes <= 1440);
    }

    [Fact]
    public async Task An_admin_can_add_change_and_retire_a_session_type()
    {
        var admin = await app.AdminAsync();

        var created = await admin.PostAsJsonAsync(Url, new { name = "Wedding", style = "socialEvent", defaultLengthMinutes = 600, sortOrder = 600 });
        var wedding = await created.ShouldBeAsync<SessionTypeBody>(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldEndWith($"{Url}/{wedding.Id}");
        created.Headers.ETag!.Tag.ShouldBe("\"1\"");
        (wedding.Style, wedding.DefaultLengthMinutes, wedding.IsActive).ShouldBe(("socialEvent", 600, true));

        var changed = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"{Url}/{wedding.Id}",
            new { name = "Wedding (full day)", style = "socialEvent", defaultLengthMinutes = 720, sortOrder = 600, isActive = false }).WithIfMatch("\"1\""));
        var body = await changed.ShouldBeAsync<SessionTypeBody>(HttpStatusCode.OK);
        (body.Name, body.DefaultLengthMinutes, body.IsActive, body.Version).ShouldBe(("Wedding (full day)", 720, false, 2));

        var active = await (await admin.GetAsync($"{Url}?active=true&q=wedding")).ShouldBeAsync<SessionTypePage>(HttpStatusCode.OK);
        active.Items.ShouldBeEmpty();
        var inactive = await (await admin.GetAsync($"{Url}?active=false&q=wedding")).ShouldBeAsync<SessionTypePage>(HttpStatusCode.OK);
        inactive.Items.Single().Id.ShouldBe(wedding.Id);
    }

    [Fact]
    public async Task The_list_sorts_by_name_when_asked()
    {
        var staff = await app.AsRoleAsync(UserRole.Staff);

        var page = await (await staff.GetAsync($"{Url}?sort=name&limit=200")).ShouldBeAsync<SessionTypePage>(HttpStatusCode.OK);

        page.Items.Select(t => t.Name).ShouldBe(page.Items.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_name_taken_by_a_live_session_type_is_a_conflict_but_one_in_the_recycle_bin_is_not()
    {
        var admin = await app.AdminAsync();
        var duplicate = await admin.PostAsJsonAsync(Url, new { name = "Portrait", style = "portrait", defaultLengthMinutes = 30 });
        (await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("Portrait");

        var pets = await (await admin.PostAsJsonAsync(Url, new { name = "Pets", style = "portrait", defaultLengthMinutes = 45, sortOrder = 100 }))
            .ShouldBeAsync<SessionTypeBody>(HttpStatusCode.Created);
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Url}/{pets.Id}").WithIfMatch("\"1\""))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await admin.PostAsJsonAsync(Url, new { name = "Pets", style = "portrait", defaultLengthMinutes = 30, sortOrder = 100 })).ShouldBeAsync<SessionTypeBody>(HttpStatusCode.Created);

        // Restoring the old one would make two live types of one name.
        await (await admin.PostAsync($"{Url}/{pets.Id}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_deleted_session_type_leaves_the_list_and_comes_back_when_restored()
    {
        var admin = await app.AdminAsync();
        var boudoir = await (await admin.PostAsJsonAsync(Url, new { name = "Boudoir", style = "portrait", defaultLengthMinutes = 120, sortOrder = 100 }))
            .ShouldBeAsync<SessionTypeBody>(HttpStatusCode.Created);
        var url = $"{Url}/{boudoir.Id}";

        await (await admin.DeleteAsync(url)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"1\""))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await admin.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var bin = await (await admin.GetAsync($"{Url}?deleted=true")).ShouldBeAsync<SessionTypePage>(HttpStatusCode.OK);
        bin.Items.Single(t => t.Id == boudoir.Id).DeletedAt.ShouldNotBeNull();

        var restored = await (await admin.PostAsync($"{url}/restore", null)).ShouldBeAsync<SessionTypeBody>(HttpStatusCode.OK);
        restored.DeletedAt.ShouldBeNull();
        (await admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_stale_version_overwrites_nothing()
    {
        var admin = await app.AdminAsync();
        var headshot = await (await admin.PostAsJsonAsync(Url, new { name = "Headshot", style = "portrait", defaultLengthMinutes = 20, sortOrder = 100 }))
            .ShouldBeAsync<SessionTypeBody>(HttpStatusCode.Created);
        var url = $"{Url}/{headshot.Id}";
        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, new { name = "Headshot", style = "portrait", defaultLengthMinutes = 25, sortOrder = 100 })
            .WithIfMatch("\"1\""))).EnsureSuccessStatusCode();

        var stale = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, new { name = "Headshot", style = "portrait", defaultLengthMinutes = 90, sortOrder = 100 })
            .WithIfMatch("\"1\""));

        (await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed)).GetProperty("currentVersion").GetInt32().ShouldBe(2);
        (await (await admin.GetAsync(url)).ShouldBeAsync<SessionTypeBody>(HttpStatusCode.OK)).DefaultLengthMinutes.ShouldBe(25);
    }

    [Fact]
    public async Task Invalid_fields_are_a_validation_problem_naming_each_field()
    {
        var admin = await app.AdminAsync();

        var tooShort = await admin.PostAsJsonAsync(Url, new { name = "", defaultLengthMinutes = 4, sortOrder = -1 });
        (await tooShort.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors()
            .ShouldBe(["name", "defaultLengthMinutes", "sortOrder"], ignoreOrder: true);

        var tooLong = await admin.PostAsJsonAsync(Url, new { name = new string('x', 101), defaultLengthMinutes = 1441 });
        (await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["name", "defaultLengthMinutes"], ignoreOrder: true);

        var unknownStyle = await admin.PostAsJsonAsync(Url, new { name = "Studio", style = "studio", defaultLengthMinutes = 60, sortOrder = 100 });
        (await unknownStyle.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["style"]);
    }

    [Fact]
    public async Task Every_staff_member_reads_session_types_but_only_an_admin_changes_them()
    {
        var sales = await app.AsRoleAsync(UserRole.Sales);
        var staff = await app.AsRoleAsync(UserRole.Staff);
        var portrait = (await (await sales.GetAsync($"{Url}?q=Portrait")).ShouldBeAsync<SessionTypePage>(HttpStatusCode.OK)).Items.Single();

        (await sales.GetAsync($"{Url}/{portrait.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync(Url, new { name = "Newborn", style = "portrait", defaultLengthMinutes = 180, sortOrder = 100 }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var rename = await staff.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"{Url}/{portrait.Id}",
            new { name = "Portraits", style = "portrait", defaultLengthMinutes = 60 }).WithIfMatch("\"1\""));
        await rename.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Url}/{portrait.Id}").WithIfMatch("\"1\"")))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Creating_twice_with_one_idempotency_key_makes_one_session_type()
    {
        var admin = await app.AdminAsync();

        async Task<HttpResponseMessage> CreateAsync()
        {
            var request = HttpAssertions.Json(HttpMethod.Post, Url, new { name = "Maternity", style = "portrait", defaultLengthMinutes = 90, sortOrder = 100 });
            request.Headers.TryAddWithoutValidation("Idempotency-Key", "session-type-maternity-1");
            return await admin.SendAsync(request);
        }

        var first = await (await CreateAsync()).ShouldBeAsync<SessionTypeBody>(HttpStatusCode.Created);
        var second = await (await CreateAsync()).ShouldBeAsync<SessionTypeBody>(HttpStatusCode.Created);

        second.Id.ShouldBe(first.Id);
        (await (await admin.GetAsync($"{Url}?q=Maternity")).ShouldBeAsync<SessionTypePage>(HttpStatusCode.OK)).Items.Count.ShouldBe(1);
    }
}
