using System.Net;
using System.Net.Http.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Features.Clients.Clients;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Setup.Relationships;

public sealed class RelationshipTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task A_new_studio_has_the_common_relationships_in_pick_list_order()
    {
        var staff = await app.AsRoleAsync(UserRole.Sales);

        var page = await (await staff.GetAsync("/api/v1/relationships?active=true&limit=8")).ShouldBeAsync<RelationshipPage>(HttpStatusCode.OK);

        page.Items.Select(r => r.Name).ShouldBe(["Mother", "Father", "Guardian", "Spouse", "Child", "Sibling", "Grandparent", "Other"]);
    }

    [Fact]
    public async Task An_admin_can_add_rename_and_retire_a_relationship()
    {
        var admin = await app.AdminAsync();

        var created = await admin.PostAsJsonAsync("/api/v1/relationships", new { name = "Aunt", sortOrder = 75 });
        var aunt = await created.ShouldBeAsync<RelationshipBody>(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldEndWith($"/api/v1/relationships/{aunt.Id}");
        aunt.IsActive.ShouldBeTrue();

        var url = $"/api/v1/relationships/{aunt.Id}";
        var renamed = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, new { name = "Aunt or uncle", sortOrder = 75, isActive = false })
            .WithIfMatch("\"1\""));
        var body = await renamed.ShouldBeAsync<RelationshipBody>(HttpStatusCode.OK);
        (body.Name, body.IsActive, body.Version).ShouldBe(("Aunt or uncle", false, 2));

        var active = await (await admin.GetAsync("/api/v1/relationships?active=true&q=uncle")).ShouldBeAsync<RelationshipPage>(HttpStatusCode.OK);
        active.Items.ShouldBeEmpty();
        var inactive = await (await admin.GetAsync("/api/v1/relationships?active=false&q=uncle")).ShouldBeAsync<RelationshipPage>(HttpStatusCode.OK);
        inactive.Items.Single().Id.ShouldBe(aunt.Id);
    }

    [Fact]
    public async Task A_second_relationship_with_the_same_name_is_a_conflict()
    {
        var admin = await app.AdminAsync();

        var duplicate = await admin.PostAsJsonAsync("/api/v1/relationships", new { name = "Mother", sortOrder = 1 });

        (await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("Mother");
    }

    [Fact]
    public async Task A_stale_version_overwrites_nothing()
    {
        var admin = await app.AdminAsync();
        var cousin = await (await admin.PostAsJsonAsync("/api/v1/relationships", new { name = "Cousin", sortOrder = 80 }))
            .ShouldBeAsync<RelationshipBody>(HttpStatusCode.Created);
        var url = $"/api/v1/relationships/{cousin.Id}";
        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, new { name = "Cousin", sortOrder = 81 }).WithIfMatch("\"1\"")))
            .EnsureSuccessStatusCode();

        var stale = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, new { name = "Cousin!", sortOrder = 82 }).WithIfMatch("\"1\""));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var staleDelete = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"1\""));
        await staleDelete.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var current = await (await admin.GetAsync(url)).ShouldBeAsync<RelationshipBody>(HttpStatusCode.OK);
        (current.Name, current.SortOrder).ShouldBe(("Cousin", 81));
    }

    [Fact]
    public async Task A_relationship_used_by_a_clients_family_member_cannot_be_deleted_until_that_client_is_gone()
    {
        var admin = await app.AdminAsync();
        var stepparent = await (await admin.PostAsJsonAsync("/api/v1/relationships", new { name = "Stepparent", sortOrder = 90 }))
            .ShouldBeAsync<RelationshipBody>(HttpStatusCode.Created);
        var client = await admin.CreateAsync(new
        {
            firstName = "Rory",
            lastName = "Blended",
            familyMembers = new[] { new { firstName = "Sue", lastName = "Blended", relationshipId = stepparent.Id } },
        });
        var url = $"/api/v1/relationships/{stepparent.Id}";

        var refused = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"1\""));
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("clientCount").GetInt32().ShouldBe(1);
        (await admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/clients/{client.Id}").WithIfMatch("\"1\"")))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var deleted = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"1\""));
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var restored = await (await admin.PostAsync($"{url}/restore", null)).ShouldBeAsync<RelationshipBody>(HttpStatusCode.OK);
        restored.DeletedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Front_desk_staff_can_read_relationships_but_only_an_admin_changes_the_list()
    {
        var staff = await app.AsRoleAsync(UserRole.Staff);
        var mother = await staff.RelationshipIdAsync("Mother");

        (await staff.GetAsync($"/api/v1/relationships/{mother}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync("/api/v1/relationships", new { name = "Neighbour", sortOrder = 5 })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var rename = await staff.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/relationships/{mother}", new { name = "Mom", sortOrder = 10 })
            .WithIfMatch("\"1\""));
        await rename.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Invalid_fields_are_a_validation_problem_naming_each_field()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/relationships", new { name = new string('x', 101), sortOrder = -1 });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["name", "sortOrder"], ignoreOrder: true);
    }
}
