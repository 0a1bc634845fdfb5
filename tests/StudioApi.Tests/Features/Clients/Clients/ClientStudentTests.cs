using System.Net;
using System.Net.Http.Json;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Clients.Clients;

public sealed class ClientStudentTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task A_student_is_linked_to_an_organization_with_the_schools_details()
    {
        var admin = await app.AdminAsync();
        var school = await admin.OrganizationIdAsync("STU-1");

        var created = await admin.CreateAsync(new
        {
            firstName = "Ava",
            lastName = "Nguyen",
            student = new
            {
                organizationId = school, studentId = "100231", grade = "12", homeroom = "212", teacher = "Mr. Hall", graduationYear = 2026,
                guardian = new { name = "Linh Nguyen", phone = "(217) 555-0211", email = "linh@example.com" },
            },
        });

        var student = (await (await admin.GetAsync($"/api/v1/clients/{created.Id}")).ShouldBeAsync<ClientBody>(HttpStatusCode.OK)).Student!;
        student.ShouldBe(new StudentBody(school, "100231", "12", "212", "Mr. Hall", 2026,
            new GuardianBody("Linh Nguyen", "(217) 555-0211", "linh@example.com")));
    }

    [Fact]
    public async Task A_student_id_is_unique_within_an_organization_but_another_organization_may_use_it()
    {
        var admin = await app.AdminAsync();
        var north = await admin.OrganizationIdAsync("NORTH");
        var south = await admin.OrganizationIdAsync("SOUTH");
        await admin.CreateAsync(ClientRequests.Student("Noah", "Brooks", north, "S-777"));

        var sameSchool = await admin.PostAsJsonAsync("/api/v1/clients", ClientRequests.Student("Nora", "Other", north, "S-777"));
        (await sameSchool.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("S-777");

        var otherSchool = await admin.CreateAsync(ClientRequests.Student("Nils", "Else", south, "S-777"));
        otherSchool.Student!.OrganizationId.ShouldBe(south);
    }

    [Fact]
    public async Task Students_without_a_student_id_yet_do_not_collide()
    {
        var admin = await app.AdminAsync();
        var school = await admin.OrganizationIdAsync("NOID");

        await admin.CreateAsync(ClientRequests.Student("Una", "Pending", school, studentId: null));
        var second = await admin.CreateAsync(ClientRequests.Student("Vic", "Pending", school, studentId: null));

        second.Student!.StudentId.ShouldBeNull();
    }

    [Fact]
    public async Task A_deleted_students_id_can_be_reused_and_the_deleted_student_then_cannot_be_restored()
    {
        var admin = await app.AdminAsync();
        var school = await admin.OrganizationIdAsync("REUSE");
        var left = await admin.CreateAsync(ClientRequests.Student("Wes", "Left", school, "R-1"));
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/clients/{left.Id}").WithIfMatch("\"1\"")))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await admin.CreateAsync(ClientRequests.Student("Xan", "Joined", school, "R-1"));

        var restore = await admin.PostAsync($"/api/v1/clients/{left.Id}/restore", null);
        (await restore.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("R-1");
    }

    [Fact]
    public async Task A_client_can_stop_being_a_student_and_the_list_filters_by_organization_and_graduation_year()
    {
        var admin = await app.AdminAsync();
        var school = await admin.OrganizationIdAsync("FILTER");
        var senior = await admin.CreateAsync(ClientRequests.Student("Yara", "Senior", school, "F-1", graduationYear: 2026));
        await admin.CreateAsync(ClientRequests.Student("Zed", "Junior", school, "F-2", graduationYear: 2027));
        var leaver = await admin.CreateAsync(ClientRequests.Student("Abe", "Leaver", school, "F-3", graduationYear: 2027));

        var update = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/clients/{leaver.Id}",
            ClientRequests.Consumer("Abe", "Leaver")).WithIfMatch("\"1\""));
        (await update.ShouldBeAsync<ClientBody>(HttpStatusCode.OK)).Student.ShouldBeNull();

        (await admin.SearchAsync($"organizationId={school}")).Items.Select(c => c.LastName).ShouldBe(["Junior", "Senior"]);
        (await admin.SearchAsync($"organizationId={school}&graduationYear=2026")).Items.Single().Id.ShouldBe(senior.Id);
    }
}
