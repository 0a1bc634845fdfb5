using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Tests.Infrastructure;
using static StudioApi.Tests.Features.Schools.OneRosterKit;
using static StudioApi.Tests.Features.Schools.PartnerKit;

namespace StudioApi.Tests.Features.Schools;

public sealed class OneRosterImportTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    sealed record ImportBody(long Id, long OrganizationId, string SpecVersion, string Mode, bool DryRun, int Created, int Updated,
        int Unchanged, int Removed, int Refused, List<RowBody> Rows);

    sealed record RowBody(string File, int Line, string SourcedId, string Outcome, string? Reason);

    /// <summary>An organization whose code is the identifier the district's package gives Lincoln (unique per test).</summary>
    async Task<(HttpClient Admin, long Organization, string Code)> LincolnAsync()
    {
        var admin = await app.AdminAsync();
        var code = $"LIN-{Guid.NewGuid():N}"[..12];
        var created = await admin.PostAsJsonAsync("/api/v1/organizations", new { name = "Lincoln Elementary", code });
        var organization = (await created.ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        return (admin, organization, code);
    }

    static async Task<ImportBody> ImportAsync(HttpClient caller, long organization, byte[] zip, bool dryRun = false)
    {
        var response = await caller.PostAsync($"/api/v1/organizations/{organization}/roster-imports{(dryRun ? "?dryRun=true" : "")}", Form(zip));
        return await response.ShouldBeAsync<ImportBody>(HttpStatusCode.Created);
    }

    async Task<List<JsonElement>> RosterAsync(long organization) => await app.WithDbAsync(async db =>
    {
        var clients = await db.Clients.AsNoTracking().Where(c => c.Student != null && c.Student.OrganizationId == organization).ToListAsync();
        return clients.Select(c => JsonSerializer.SerializeToElement(c, HttpAssertions.JsonOptions)).ToList();
    });

    [Fact]
    public async Task A_district_bulk_package_brings_one_schools_students_with_homeroom_teacher_graduation_year_and_shared_guardian()
    {
        // Of the district's two schools, the one whose identifier is the organization's code is imported.
        var (admin, organization, code) = await LincolnAsync();

        var import = await ImportAsync(admin, organization, DistrictBulk11(code));

        import.SpecVersion.ShouldBe("1.1");
        import.Mode.ShouldBe("bulk");
        import.Created.ShouldBe(3);
        import.Rows.Single(r => r.SourcedId == "stu-9").ShouldBe(new RowBody("users.csv", 5, "stu-9", "skipped", "A student of another organization."));
        import.Rows.Single(r => r.SourcedId == "stu-1").Line.ShouldBe(2);
        var students = await app.WithDbAsync(db => db.Clients.AsNoTracking().Where(c => c.Student != null && c.Student.OrganizationId == organization).ToListAsync());
        students.Select(s => $"{s.FirstName} {s.LastName}").Order().ShouldBe(["Émile Brontë", "Søren Ødegaard", "Zoë Brontë"]);
        var zoe = students.Single(s => s.FirstName == "Zoë");
        zoe.Student!.StudentId.ShouldBe("S1001");
        zoe.Student.Grade.ShouldBe("05");
        zoe.Student.Homeroom.ShouldBe("Homeroom 5A");
        zoe.Student.Teacher.ShouldBe("Hana Kim");
        zoe.Student.GraduationYear.ShouldBe(2033);
        zoe.Student.GuardianName.ShouldBe("Ana Brontë");
        var emile = students.Single(s => s.FirstName == "Émile");
        emile.Student!.Homeroom.ShouldBe("Homeroom 3B");
        emile.Student.Teacher.ShouldBe("Jun Lee");
        // One guardian shared by the siblings: a family member of each.
        foreach (var sibling in new[] { zoe, emile })
            sibling.FamilyMembers.ShouldHaveSingleItem().Email.ShouldBe("ana@example.org");
    }

    [Fact]
    public async Task Imported_students_are_numbered_stamped_searchable_and_in_the_client_workflow_like_clients_made_by_hand()
    {
        // New students are written in bulk, without EF's change tracker: what a save gives a client must still be there.
        var (admin, organization, code) = await LincolnAsync();
        var highest = await app.WithDbAsync(db => db.Clients.IgnoreQueryFilters().MaxAsync(c => (int?)c.Number)) ?? 0;

        var import = await ImportAsync(admin, organization, DistrictBulk11(code));

        var students = await app.WithDbAsync(db => db.Clients.AsNoTracking()
            .Where(c => c.Student != null && c.Student.OrganizationId == organization).OrderBy(c => c.Number).ToListAsync());
        students.Select(s => s.Number).ShouldBe([highest + 1, highest + 2, highest + 3]);
        students.ShouldAllBe(s => s.Version == 1 && s.CreatedBy != "" && s.UpdatedBy == s.CreatedBy && s.CreatedAt > DateTime.UtcNow.AddMinutes(-5)
                                  && s.StatusId != null && s.StatusDate != null && s.NameSortKey != "");
        var ids = students.Select(s => s.Id).ToList();
        var logged = await app.WithDbAsync(db => db.StatusLogEntries.Where(e => e.Kind == StudioApi.Platform.Workflow.RecordKind.Client && ids.Contains(e.RecordId))
            .Select(e => e.RecordId).ToListAsync());
        logged.ShouldBe(ids, ignoreOrder: true);
        // Found by name (folded) and student id, like any client.
        foreach (var (query, name) in new[] { ("odegaard", "Søren"), ("S1002", "Émile"), ("zoe bronte", "Zoë") })
        {
            var found = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/clients?q={Uri.EscapeDataString(query)}");
            found.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64())
                .ShouldContain(students.Single(s => s.FirstName == name).Id);
        }
        var zoe = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{students.Single(s => s.FirstName == "Zoë").Id}");
        zoe.GetProperty("familyMembers").EnumerateArray().Single().GetProperty("email").GetString().ShouldBe("ana@example.org");
        // The report is kept with the import.
        var kept = await admin.GetFromJsonAsync<ImportBody>($"/api/v1/roster-imports/{import.Id}", HttpAssertions.JsonOptions);
        kept!.Rows.ShouldBe(import.Rows, ignoreOrder: true);
    }

    [Fact]
    public async Task A_student_entered_by_hand_is_adopted_by_student_id_not_doubled()
    {
        var (admin, organization, code) = await LincolnAsync();
        var byHand = await admin.PostAsJsonAsync("/api/v1/clients", new { firstName = "Zoe", lastName = "Bronte", student = new { organizationId = organization, studentId = "S1001" } });
        var zoeId = (await byHand.ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var import = await ImportAsync(admin, organization, DistrictBulk11(code));

        import.Rows.Single(r => r.SourcedId == "stu-1").Outcome.ShouldBe("updated");
        import.Created.ShouldBe(2);
        var roster = await RosterAsync(organization);
        roster.Count.ShouldBe(3);
        var zoe = roster.Single(c => c.GetProperty("id").GetInt64() == zoeId);
        zoe.GetProperty("firstName").GetString().ShouldBe("Zoë");
        zoe.GetProperty("student").GetProperty("homeroom").GetString().ShouldBe("Homeroom 5A");
        // Linked now: the next import finds her by sourcedId and changes nothing.
        var again = await ImportAsync(admin, organization, DistrictBulk11(code));
        (again.Unchanged, again.Created, again.Updated).ShouldBe((3, 0, 0));
    }

    [Fact]
    public async Task The_same_package_twice_changes_nothing_and_a_dry_run_writes_no_client()
    {
        var (admin, organization, code) = await LincolnAsync();

        var dry = await ImportAsync(admin, organization, DistrictBulk11(code), dryRun: true);
        dry.DryRun.ShouldBeTrue();
        dry.Created.ShouldBe(3);
        (await RosterAsync(organization)).ShouldBeEmpty();

        await ImportAsync(admin, organization, DistrictBulk11(code));
        var versions = await app.WithDbAsync(db => db.Clients.AsNoTracking().Where(c => c.Student != null && c.Student.OrganizationId == organization)
            .Select(c => new { c.Id, c.Version }).ToListAsync());
        var again = await ImportAsync(admin, organization, DistrictBulk11(code));

        again.Unchanged.ShouldBe(3);
        (again.Created + again.Updated + again.Removed).ShouldBe(0);
        var after = await app.WithDbAsync(db => db.Clients.AsNoTracking().Where(c => c.Student != null && c.Student.OrganizationId == organization)
            .Select(c => new { c.Id, c.Version }).ToListAsync());
        after.ShouldBe(versions, ignoreOrder: true);

        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{organization}/roster-imports");
        history.GetProperty("items").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task A_delta_takes_a_student_with_a_session_off_the_roster_and_moves_another_to_a_new_homeroom()
    {
        var (admin, organization, code) = await LincolnAsync();
        await ImportAsync(admin, organization, DistrictBulk11(code));
        var soren = await app.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Student != null && c.Student.OrganizationId == organization && c.FirstName == "Søren"));
        var photographer = await app.CreateUserAsync($"ph-{Guid.NewGuid():N}"[..20], StudioApi.Platform.Auth.UserRole.Photographer);
        var session = await admin.PostAsJsonAsync("/api/v1/sessions", new { clientId = soren.Id, date = DateTime.UtcNow.Date.AddDays(40).ToString("yyyy-MM-dd"), startTime = "09:00", endTime = "09:15", photographerId = photographer.Id });
        var sessionId = (await session.ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var delta = await ImportAsync(admin, organization, DistrictDelta11(code));

        delta.Mode.ShouldBe("delta");
        delta.Rows.Single(r => r.SourcedId == "stu-3").Outcome.ShouldBe("removed");
        delta.Rows.Single(r => r.SourcedId == "stu-1").Outcome.ShouldBe("updated");
        var roster = await app.WithDbAsync(db => db.Clients.AsNoTracking().Where(c => c.Student != null && c.Student.OrganizationId == organization).ToListAsync());
        roster.Select(c => c.FirstName).Order().ShouldBe(["Émile", "Zoë"]);
        roster.Single(c => c.FirstName == "Zoë").Student!.Homeroom.ShouldBe("Homeroom 3B");
        roster.Single(c => c.FirstName == "Zoë").Student!.Teacher.ShouldBe("Jun Lee");
        // Off the roster, not gone: the client and the session stay.
        (await admin.GetAsync($"/api/v1/clients/{soren.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync($"/api/v1/sessions/{sessionId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_one_roster_1_2_package_reads_roles_from_roles_csv()
    {
        var (admin, organization, _) = await LincolnAsync();
        var zip = Zip(
            ("manifest.csv", Manifest("1.2", "bulk", "orgs", "users", "roles")),
            ("orgs.csv", $"{OrgsHeader}\nschool-x,,,Only School,school,X-1,\n"),
            ("users.csv", $"{Users12Header}\n" +
                          "u-1,,,true,mchen,,Mei,Chen,,M-77,,,,g-1,KG,,,,,,,school-x,\n" +
                          "g-1,,,true,lchen,,Li,Chen,,,li@example.org,,,,,,,,,,,school-x,\n"),
            ("roles.csv", $"{RolesHeader}\n" +
                          "r-1,,,u-1,primary,student,,,school-x,\n" +
                          "r-2,,,g-1,primary,guardian,,,school-x,\n"));

        var import = await ImportAsync(admin, organization, zip);

        import.SpecVersion.ShouldBe("1.2");
        import.Created.ShouldBe(1);
        import.Rows.Single(r => r.SourcedId == "g-1").Outcome.ShouldBe("skipped");
        var mei = await app.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Student != null && c.Student.OrganizationId == organization));
        mei.Student!.StudentId.ShouldBe("M-77");
        mei.Student.Grade.ShouldBe("KG");
        mei.FamilyMembers.ShouldHaveSingleItem().FirstName.ShouldBe("Li");
    }

    [Fact]
    public async Task A_partner_with_roster_write_imports_for_its_school_only()
    {
        var (admin, organization, code) = await LincolnAsync();
        var (_, other, _) = await LincolnAsync();
        var partner = await SignInAsync(app, await CreateClientAsync(admin, [organization], "roster:write", "roster:read"));

        var import = await ImportAsync(partner, organization, DistrictBulk11(code));
        import.Created.ShouldBe(3);
        import.Rows.Count(r => r.Outcome == "created").ShouldBe(3);
        (await partner.GetAsync($"/api/v1/roster-imports/{import.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var elsewhere = await partner.PostAsync($"/api/v1/organizations/{other}/roster-imports", Form(DistrictBulk11(code)));
        await elsewhere.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await RosterAsync(other)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_file_that_is_no_package_is_refused_naming_the_file_and_nothing_is_written()
    {
        var (admin, organization, _) = await LincolnAsync();

        var notZip = await admin.PostAsync($"/api/v1/organizations/{organization}/roster-imports", Form("name,grade\nZoë,5\n"u8.ToArray()));
        (await notZip.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["file"]);
        var noManifest = await admin.PostAsync($"/api/v1/organizations/{organization}/roster-imports", Form(Zip(("users.csv", Users11Header))));
        (await noManifest.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["file"]);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{organization}/roster-imports")).GetProperty("items").GetArrayLength().ShouldBe(0);
    }
}
