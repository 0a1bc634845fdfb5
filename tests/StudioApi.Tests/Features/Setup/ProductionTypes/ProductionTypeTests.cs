using System.Net;
using System.Net.Http.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Setup.ProductionTypes;

public sealed record ProductionTypeBody(long Id, int Version, string Name, int SortOrder, bool IsActive, DateTimeOffset? DeletedAt);

public sealed record ProductionTypePage(List<ProductionTypeBody> Items, string? NextCursor);

public sealed class ProductionTypeTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    const string Url = "/api/v1/production-types";

    [Fact]
    public async Task A_new_studio_has_the_common_production_types_in_pick_list_order()
    {
        var sales = await app.AsRoleAsync(UserRole.Sales);

        var page = await (await sales.GetAsync($"{Url}?active=true&limit=4")).ShouldBeAsync<ProductionTypePage>(HttpStatusCode.OK);

        page.Items.Select(t => t.Name).ShouldBe(["Prints", "Frames", "Albums", "Digital"]);
    }

    [Fact]
    public async Task An_admin_can_add_rename_retire_delete_and_restore_a_production_type()
    {
        var admin = await app.AdminAsync();
        var created = await admin.PostAsJsonAsync(Url, new { name = "Canvas", sortOrder = 250 });
        var canvas = await created.ShouldBeAsync<ProductionTypeBody>(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldEndWith($"{Url}/{canvas.Id}");
        var url = $"{Url}/{canvas.Id}";

        var renamed = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, new { name = "Canvas wraps", sortOrder = 250, isActive = false })
            .WithIfMatch("\"1\""));
        (await renamed.ShouldBeAsync<ProductionTypeBody>(HttpStatusCode.OK)).ShouldSatisfyAllConditions(
            b => b.Name.ShouldBe("Canvas wraps"), b => b.IsActive.ShouldBeFalse(), b => b.Version.ShouldBe(2));
        (await (await admin.GetAsync($"{Url}?active=false")).ShouldBeAsync<ProductionTypePage>(HttpStatusCode.OK))
            .Items.Select(t => t.Id).ShouldContain(canvas.Id);

        var stale = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"1\""));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"2\""))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await admin.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await admin.GetAsync($"{Url}?deleted=true")).ShouldBeAsync<ProductionTypePage>(HttpStatusCode.OK))
            .Items.Select(t => t.Id).ShouldBe([canvas.Id]);

        var restored = await (await admin.PostAsync($"{url}/restore", null)).ShouldBeAsync<ProductionTypeBody>(HttpStatusCode.OK);
        (restored.DeletedAt, restored.Name).ShouldBe((null, "Canvas wraps"));
    }

    [Fact]
    public async Task A_second_production_type_with_the_same_name_is_a_conflict()
    {
        var admin = await app.AdminAsync();

        var duplicate = await admin.PostAsJsonAsync(Url, new { name = "Prints", sortOrder = 1 });

        (await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("Prints");
    }

    [Fact]
    public async Task Invalid_fields_are_a_validation_problem_naming_each_field()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync(Url, new { name = " ", sortOrder = 1_000_001 });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["name", "sortOrder"], ignoreOrder: true);
    }

    [Fact]
    public async Task Front_desk_staff_can_read_production_types_but_only_an_admin_changes_the_list()
    {
        var staff = await app.AsRoleAsync(UserRole.Staff);
        var prints = (await (await staff.GetAsync($"{Url}?q=Prints")).ShouldBeAsync<ProductionTypePage>(HttpStatusCode.OK)).Items.Single();

        (await staff.GetAsync($"{Url}/{prints.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync(Url, new { name = "Mugs" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Url}/{prints.Id}").WithIfMatch("\"1\"")))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.PostAsync($"{Url}/{prints.Id}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
