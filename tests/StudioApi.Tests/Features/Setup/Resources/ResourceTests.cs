using System.Net;
using System.Net.Http.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Features.Scheduling.Sessions;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Setup.Resources;

public sealed record ResourceBody(long Id, int Version, string Name, string Kind, int SortOrder, bool IsActive);

public sealed record ResourcePage(List<ResourceBody> Items, string? NextCursor);

public sealed class ResourceTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task An_admin_adds_camera_rooms_and_equipment_and_staff_list_them_by_kind()
    {
        var admin = await app.AdminAsync();
        var room = await (await admin.PostAsJsonAsync("/api/v1/resources", new { name = "Main camera room", kind = "cameraRoom", sortOrder = 1 }))
            .ShouldBeAsync<ResourceBody>(HttpStatusCode.Created);
        await admin.PostAsJsonAsync("/api/v1/resources", new { name = "Portable backdrop", kind = "equipment", sortOrder = 2 });
        var sales = await app.AsRoleAsync(UserRole.Sales);

        var rooms = await (await sales.GetAsync("/api/v1/resources?kind=cameraRoom")).ShouldBeAsync<ResourcePage>(HttpStatusCode.OK);

        rooms.Items.ShouldContain(room);
        rooms.Items.ShouldAllBe(r => r.Kind == "cameraRoom");
        rooms.Items.Select(r => r.Name).ShouldNotContain("Portable backdrop");
        (room.Kind, room.IsActive).ShouldBe(("cameraRoom", true));
    }

    [Fact]
    public async Task Two_live_resources_cannot_share_a_name_and_only_admins_add_them()
    {
        var admin = await app.AdminAsync();
        (await admin.PostAsJsonAsync("/api/v1/resources", new { name = "Studio B", kind = "cameraRoom" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        await (await admin.PostAsJsonAsync("/api/v1/resources", new { name = "Studio B", kind = "other" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var staff = await app.AsRoleAsync(UserRole.Staff);
        (await staff.PostAsJsonAsync("/api/v1/resources", new { name = "Studio C" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_resource_booked_by_sessions_cannot_be_deleted_but_an_idle_one_goes_to_the_recycle_bin_and_back()
    {
        var booking = await Booking.InChicagoAsync(app);
        var busy = await booking.NewRoomAsync();
        var body = booking.Session("2026-10-01", "09:00", "10:00");
        body["resourceId"] = busy;
        await booking.CreateAsync(body);
        var idle = await booking.NewRoomAsync();

        var refused = await booking.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/resources/{busy}").WithIfMatch("\"1\""));
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("sessionCount").GetInt32().ShouldBe(1);

        var deleted = await booking.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/resources/{idle}").WithIfMatch("\"1\""));
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await booking.Admin.GetAsync($"/api/v1/resources/{idle}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await booking.Admin.PostAsync($"/api/v1/resources/{idle}/restore", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_inactive_resource_cannot_be_booked()
    {
        var booking = await Booking.InChicagoAsync(app);
        var room = await booking.NewRoomAsync();
        var current = await (await booking.Admin.GetAsync($"/api/v1/resources/{room}")).ShouldBeAsync<ResourceBody>(HttpStatusCode.OK);
        (await booking.Admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/resources/{room}",
            new { name = current.Name, kind = "cameraRoom", isActive = false }).WithIfMatch("\"1\""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = booking.Session("2026-10-02", "09:00", "10:00");
        body["resourceId"] = room;

        (await (await booking.PostAsync(body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["resourceId"]);
    }
}
