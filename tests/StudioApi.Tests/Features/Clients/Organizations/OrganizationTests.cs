using System.Net;
using System.Net.Http.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;
using StudioApi.Features.Clients;

namespace StudioApi.Tests.Features.Clients.Organizations;

public sealed class OrganizationTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task Created_organization_can_be_read_back_with_its_location_and_etag()
    {
        var admin = await app.AdminAsync();

        var created = await admin.PostAsJsonAsync("/api/v1/organizations", OrganizationRequests.New("Lincoln High", "LHS-1"));
        var body = await created.ShouldBeAsync<OrganizationBody>(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldEndWith($"/api/v1/organizations/{body.Id}");
        created.Headers.ETag!.Tag.ShouldBe("\"1\"");
        body.CreatedBy.ShouldBe("admin");

        var read = await admin.GetAsync(created.Headers.Location);
        var again = await read.ShouldBeAsync<OrganizationBody>(HttpStatusCode.OK);
        again.Name.ShouldBe("Lincoln High");
        again.Code.ShouldBe("LHS-1");
        read.Headers.ETag!.Tag.ShouldBe("\"1\"");
    }

    [Fact]
    public async Task Invalid_fields_are_a_validation_problem_naming_each_field_and_store_nothing()
    {
        var admin = await app.AdminAsync();
        var before = await CountAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/organizations", new
        {
            name = "",
            code = "has spaces",
            email = "not-an-email",
            yearbookImageSpec = new { widthPx = 1, heightPx = 800, dpi = 300, fileNamePattern = "{studentId}" },
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors().ShouldBe(["name", "code", "email", "yearbookImageSpec.widthPx"], ignoreOrder: true);
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_second_organization_with_the_same_code_is_a_conflict()
    {
        var admin = await app.AdminAsync();
        (await admin.PostAsJsonAsync("/api/v1/organizations", OrganizationRequests.New("Oak School", "OAK"))).EnsureSuccessStatusCode();

        var duplicate = await admin.PostAsJsonAsync("/api/v1/organizations", OrganizationRequests.New("Other Oak", "OAK"));

        var problem = await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("OAK");
    }

    [Fact]
    public async Task Update_needs_the_current_version_and_a_stale_one_overwrites_nothing()
    {
        var admin = await app.AdminAsync();
        var created = await (await admin.PostAsJsonAsync("/api/v1/organizations", OrganizationRequests.New("Elm School", "ELM")))
            .ShouldBeAsync<OrganizationBody>(HttpStatusCode.Created);
        var url = $"/api/v1/organizations/{created.Id}";

        var withoutIfMatch = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, OrganizationRequests.New("Elm A", "ELM")));
        await withoutIfMatch.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);

        var first = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, OrganizationRequests.New("Elm B", "ELM")).WithIfMatch("\"1\""));
        var updated = await first.ShouldBeAsync<OrganizationBody>(HttpStatusCode.OK);
        updated.Version.ShouldBe(2);
        first.Headers.ETag!.Tag.ShouldBe("\"2\"");

        // A second editor still holding version 1 must not overwrite the first editor's change.
        var stale = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, OrganizationRequests.New("Elm C", "ELM")).WithIfMatch("\"1\""));
        var problem = await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        problem.GetProperty("currentVersion").GetInt32().ShouldBe(2);

        var current = await (await admin.GetAsync(url)).ShouldBeAsync<OrganizationBody>(HttpStatusCode.OK);
        current.Name.ShouldBe("Elm B");
    }

    [Fact]
    public async Task Deleted_organization_goes_to_the_recycle_bin_and_can_be_restored()
    {
        var admin = await app.AdminAsync();
        var created = await (await admin.PostAsJsonAsync("/api/v1/organizations", OrganizationRequests.New("Pine School", "PINE")))
            .ShouldBeAsync<OrganizationBody>(HttpStatusCode.Created);
        var url = $"/api/v1/organizations/{created.Id}";

        await (await admin.DeleteAsync(url)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var deleted = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"1\""));
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await admin.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var live = await (await admin.GetAsync("/api/v1/organizations?q=PINE")).ShouldBeAsync<OrganizationPage>(HttpStatusCode.OK);
        live.Items.ShouldBeEmpty();
        var bin = await (await admin.GetAsync("/api/v1/organizations?deleted=true&q=PINE")).ShouldBeAsync<OrganizationPage>(HttpStatusCode.OK);
        bin.Items.Single().DeletedAt.ShouldNotBeNull();

        var restored = await (await admin.PostAsync($"{url}/restore", null)).ShouldBeAsync<OrganizationBody>(HttpStatusCode.OK);
        restored.DeletedAt.ShouldBeNull();
        (await admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Photographers_can_read_organizations_but_not_change_them()
    {
        var photographer = await app.AsRoleAsync(UserRole.Photographer);

        (await photographer.GetAsync("/api/v1/organizations")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var create = await photographer.PostAsJsonAsync("/api/v1/organizations", OrganizationRequests.New("Birch", "BIRCH"));
        await create.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    Task<int> CountAsync() => app.WithDbAsync(db => Task.FromResult(db.Organizations.Count()));
}
