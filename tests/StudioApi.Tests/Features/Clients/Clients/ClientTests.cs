using System.Net;
using System.Net.Http.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;
using StudioApi.Features.Clients;

namespace StudioApi.Tests.Features.Clients.Clients;

public sealed class ClientTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task Created_client_can_be_read_back_with_everything_it_was_given()
    {
        var admin = await app.AdminAsync();
        var spouse = await admin.RelationshipIdAsync("Spouse");

        var created = await admin.PostAsJsonAsync("/api/v1/clients", new
        {
            kind = "consumer",
            firstName = "Jane",
            lastName = "Carter",
            referralSource = "Friend",
            birthDate = "1984-05-12",
            smsOptOut = true,
            addresses = new[]
            {
                new { label = "home", isPrimary = true, address = new { line1 = "45 Maple St", city = "Springfield", region = "IL", postalCode = "62701", country = "US" } },
            },
            phones = new[]
            {
                new { label = "mobile", number = "(217) 555-0142", smsCapable = true, isPrimary = true },
                new { label = "home", number = "217.555.0188", smsCapable = false, isPrimary = false },
            },
            emails = new[] { new { label = "home", address = "jane.carter@example.com", isPrimary = true } },
            familyMembers = new[] { new { firstName = "Tom", lastName = "Carter", relationshipId = spouse, phone = "217 555 0143", birthDate = "1982-02-01" } },
        });

        var body = await created.ShouldBeAsync<ClientBody>(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldEndWith($"/api/v1/clients/{body.Id}");
        created.Headers.ETag!.Tag.ShouldBe("\"1\"");
        body.CreatedBy.ShouldBe("admin");
        body.Number.ShouldBeGreaterThan(0);

        var read = await admin.GetAsync(created.Headers.Location);
        var client = await read.ShouldBeAsync<ClientBody>(HttpStatusCode.OK);
        read.Headers.ETag!.Tag.ShouldBe("\"1\"");
        client.Kind.ShouldBe("consumer");
        client.DisplayName.ShouldBe("Jane Carter");
        client.BirthDate.ShouldBe(new DateOnly(1984, 5, 12));
        client.SmsOptOut.ShouldBeTrue();
        client.EmailOptOut.ShouldBeFalse();
        client.Addresses.Single().Address.City.ShouldBe("Springfield");
        client.Addresses.Single().Label.ShouldBe("home");
        client.Phones.Select(p => p.Number).ShouldBe(["(217) 555-0142", "217.555.0188"]);
        client.Phones[0].SmsCapable.ShouldBeTrue();
        client.Emails.Single().Address.ShouldBe("jane.carter@example.com");
        var member = client.FamilyMembers.Single();
        (member.FirstName, member.RelationshipId, member.BirthDate).ShouldBe(("Tom", spouse, new DateOnly(1982, 2, 1)));
        client.Student.ShouldBeNull();
        client.Flags.ShouldBe(new ClientFlagsBody(false));
    }

    [Fact]
    public async Task Invalid_fields_are_a_validation_problem_naming_each_field_and_store_nothing()
    {
        var admin = await app.AdminAsync();
        var before = await CountAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/clients", new
        {
            kind = "consumer",
            firstName = "",
            lastName = (string?)null,
            emails = new[] { new { address = "not-an-email", isPrimary = true } },
            phones = Enumerable.Range(0, 11).Select(i => new { number = $"555-01{i:00}", isPrimary = false }).ToArray(),
            student = new { organizationId = 1, studentId = "1", graduationYear = 1800 },
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors().ShouldBe(["lastName", "emails[0].address", "phones", "student.graduationYear"], ignoreOrder: true);
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_business_client_needs_a_company_and_a_consumer_needs_a_name()
    {
        var admin = await app.AdminAsync();

        var business = await admin.PostAsJsonAsync("/api/v1/clients", new { kind = "business", firstName = "Maria" });
        (await business.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["company"]);

        var created = await admin.CreateAsync(new { kind = "business", company = "Prairie Dental Group" });
        created.Kind.ShouldBe("business");
        created.DisplayName.ShouldBe("Prairie Dental Group");
    }

    [Fact]
    public async Task A_family_member_must_name_a_live_relationship_and_a_student_a_real_organization()
    {
        var admin = await app.AdminAsync();
        var retired = await (await admin.PostAsJsonAsync("/api/v1/relationships", new { name = "Godparent", sortOrder = 500 }))
            .ShouldBeAsync<RelationshipBody>(HttpStatusCode.Created);
        var deleted = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/relationships/{retired.Id}").WithIfMatch("\"1\""));
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var mother = await admin.RelationshipIdAsync("Mother");

        var response = await admin.PostAsJsonAsync("/api/v1/clients", new
        {
            firstName = "Sam",
            lastName = "Reed",
            familyMembers = new[]
            {
                new { firstName = "Ann", relationshipId = mother },
                new { firstName = "Bea", relationshipId = retired.Id },
                new { firstName = "Cal", relationshipId = 999_999L },
            },
            student = new { organizationId = 999_999, studentId = "A1" },
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors().ShouldBe(["familyMembers[1].relationshipId", "familyMembers[2].relationshipId", "student.organizationId"], ignoreOrder: true);
    }

    [Fact]
    public async Task Update_replaces_the_whole_client_and_a_stale_version_overwrites_nothing()
    {
        var admin = await app.AdminAsync();
        var created = await admin.CreateAsync(ClientRequests.Consumer("Olive", "Grant", phone: "217-555-1000", email: "olive@example.com"));
        var url = $"/api/v1/clients/{created.Id}";

        var withoutIfMatch = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, ClientRequests.Consumer("Olive", "Grant")));
        await withoutIfMatch.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);

        var first = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url,
            ClientRequests.Consumer("Olivia", "Grant", phone: "217-555-2000")).WithIfMatch("\"1\""));
        var updated = await first.ShouldBeAsync<ClientBody>(HttpStatusCode.OK);
        updated.Version.ShouldBe(2);
        first.Headers.ETag!.Tag.ShouldBe("\"2\"");
        updated.Number.ShouldBe(created.Number); // omitted number: kept
        updated.Phones.Single().Number.ShouldBe("217-555-2000");
        updated.Emails.ShouldBeEmpty(); // a full replace: the list sent (none) is the list kept

        // A second editor still holding version 1 must not overwrite the first editor's change.
        var stale = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, ClientRequests.Consumer("Liv", "Grant")).WithIfMatch("\"1\""));
        (await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed)).GetProperty("currentVersion").GetInt32().ShouldBe(2);

        var current = await (await admin.GetAsync(url)).ShouldBeAsync<ClientBody>(HttpStatusCode.OK);
        current.FirstName.ShouldBe("Olivia");
        current.Phones.Single().Number.ShouldBe("217-555-2000");
    }

    [Fact]
    public async Task A_stale_version_cannot_delete_a_client()
    {
        var admin = await app.AdminAsync();
        var created = await admin.CreateAsync(ClientRequests.Consumer("Hugo", "Stale"));
        var url = $"/api/v1/clients/{created.Id}";
        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, ClientRequests.Consumer("Hugo", "Fresh")).WithIfMatch("\"1\"")))
            .EnsureSuccessStatusCode();

        var delete = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"1\""));

        await delete.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Deleted_client_goes_to_the_recycle_bin_and_can_be_restored()
    {
        var admin = await app.AdminAsync();
        var created = await admin.CreateAsync(ClientRequests.Consumer("Petra", "Binwell"));
        var url = $"/api/v1/clients/{created.Id}";

        await (await admin.DeleteAsync(url)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var deleted = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"1\""));
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await admin.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await admin.SearchAsync("q=Binwell")).Items.ShouldBeEmpty();
        (await admin.SearchAsync("deleted=true&q=Binwell")).Items.Single().DeletedAt.ShouldNotBeNull();

        var restore = await admin.PostAsync($"{url}/restore", null);
        var restored = await restore.ShouldBeAsync<ClientBody>(HttpStatusCode.OK);
        restored.DeletedAt.ShouldBeNull();
        restored.Number.ShouldBe(created.Number);
        restore.Headers.ETag.ShouldNotBeNull();
        (await admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(UserRole.Sales)]
    [InlineData(UserRole.Photographer)]
    public async Task Sales_and_photographers_can_read_clients_but_not_change_them(UserRole role)
    {
        var admin = await app.AdminAsync();
        var existing = await admin.CreateAsync(ClientRequests.Consumer("Rita", $"Readable{role}"));
        var user = await app.AsRoleAsync(role);

        (await user.GetAsync($"/api/v1/clients/{existing.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await user.SearchAsync($"q=Readable{role}")).Items.ShouldHaveSingleItem();
        await (await user.PostAsJsonAsync("/api/v1/clients", ClientRequests.Consumer("Not", "Allowed"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var update = await user.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/clients/{existing.Id}",
            ClientRequests.Consumer("Rita", "Changed")).WithIfMatch("\"1\""));
        await update.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var delete = await user.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/clients/{existing.Id}").WithIfMatch("\"1\""));
        await delete.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Front_desk_staff_can_create_and_change_clients()
    {
        var staff = await app.AsRoleAsync(UserRole.Staff);

        var created = await staff.CreateAsync(ClientRequests.Consumer("Fran", "Desk"));
        var update = await staff.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/clients/{created.Id}",
            ClientRequests.Consumer("Frances", "Desk")).WithIfMatch("\"1\""));

        (await update.ShouldBeAsync<ClientBody>(HttpStatusCode.OK)).FirstName.ShouldBe("Frances");
    }

    [Fact]
    public async Task Only_a_signed_in_caller_sees_clients()
    {
        var anonymous = app.CreateClient();

        await (await anonymous.GetAsync("/api/v1/clients")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    Task<int> CountAsync() => app.WithDbAsync(db => Task.FromResult(db.Clients.Count()));
}
