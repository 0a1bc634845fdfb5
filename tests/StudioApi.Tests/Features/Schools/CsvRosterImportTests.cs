using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Tests.Features.Imaging.Images;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Schools;

public sealed record CsvImportBody(long Id, long OrganizationId, string SpecVersion, string Format, string Mode, bool DryRun, string State,
    int TotalRows, int ProcessedRows, string? Error, int Created, int Updated, int Unchanged, int Removed, int Refused, List<CsvRowBody> Rows);

public sealed record CsvRowBody(string File, int Line, string SourcedId, string Outcome, string? Reason);

/// <summary>Plain CSV rosters as a school office exports them, and the calls that import them.</summary>
public static class CsvRosterKit
{
    /// <summary>Lincoln's roster: siblings sharing a guardian, accents and a name with an apostrophe, a student with no id.</summary>
    public const string Roster =
        "Student ID,First Name,Last Name,Grade,Homeroom,Teacher,Email,Phone,Parent Name,Parent Email,Parent Phone\n" +
        "S1001,Zoë,Brontë,5,5A,Hana Kim,zoe@school.example,,Ana Brontë,ana@example.org,+1 555 0100\n" +
        "S1002,Émile,Brontë,3,3B,Jun Lee,,,Ana Brontë,ana@example.org,+1 555 0100\n" +
        "S1003,Søren,Ødegaard,5,5A,Hana Kim,,(217) 555-0199,\"Ødegaard, Ingrid\",,\n" +
        "S1004,Siobhán,O'Brien,4,4C,Ms. Ōtsuka,,,,,\n" +
        ",Nameless,Student,4,4C,Ms. Ōtsuka,,,,,\n";

    public static MultipartFormDataContent Form(string csv, string name = "roster.csv")
    {
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { part, "file", name } };
    }

    public static Task<HttpResponseMessage> ImportCsvAsync(this HttpClient caller, long organization, string csv, string query = "") =>
        caller.PostAsync($"/api/v1/organizations/{organization}/roster-imports/csv{query}", Form(csv));
}

public sealed class CsvRosterImportTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    async Task<(HttpClient Admin, long Organization)> SchoolAsync()
    {
        var admin = await app.AdminAsync();
        return (admin, await PartnerKit.CreateOrganizationAsync(admin, "Lincoln Elementary"));
    }

    Task<List<StudioApi.Features.Clients.Clients.Client>> RosterAsync(long organization) => app.WithDbAsync(db =>
        db.Clients.AsNoTracking().Where(c => c.Student != null && c.Student.OrganizationId == organization).ToListAsync());

    [Fact]
    public async Task A_csv_roster_brings_students_with_homeroom_teacher_contacts_and_a_guardian_shared_by_siblings_and_twice_changes_nothing()
    {
        var (admin, school) = await SchoolAsync();

        var import = await (await admin.ImportCsvAsync(school, CsvRosterKit.Roster)).ShouldBeAsync<CsvImportBody>(HttpStatusCode.Created);

        (import.Format, import.State, import.TotalRows, import.Created, import.Refused).ShouldBe(("csv", "completed", 5, 4, 1));
        import.Rows.Select(r => (r.Line, r.SourcedId, r.Outcome)).ShouldBe(
            [(2, "S1001", "created"), (3, "S1002", "created"), (4, "S1003", "created"), (5, "S1004", "created"), (6, "line-6", "refused")]);
        import.Rows[4].Reason!.ShouldContain("student id");
        var students = await RosterAsync(school);
        var zoe = students.Single(s => s.Student!.StudentId == "S1001");
        (zoe.FirstName, zoe.LastName, zoe.Student!.Grade, zoe.Student.Homeroom, zoe.Student.Teacher).ShouldBe(("Zoë", "Brontë", "5", "5A", "Hana Kim"));
        zoe.Emails.Select(e => e.Address).ShouldBe(["zoe@school.example"]);
        (zoe.Student.GuardianName, zoe.Student.GuardianEmail, zoe.Student.GuardianPhone).ShouldBe(("Ana Brontë", "ana@example.org", "+1 555 0100"));
        var emile = students.Single(s => s.Student!.StudentId == "S1002");
        foreach (var sibling in new[] { zoe, emile })
            sibling.FamilyMembers.Select(f => (f.FirstName, f.LastName, f.Email)).ShouldBe([("Ana", "Brontë", "ana@example.org")]);
        var soren = students.Single(s => s.Student!.StudentId == "S1003");
        soren.Phones.Single().Digits.ShouldBe("2175550199");
        soren.FamilyMembers.Single().FirstName.ShouldBe("Ingrid");
        students.Single(s => s.Student!.StudentId == "S1004").LastName.ShouldBe("O'Brien");

        var again = await (await admin.ImportCsvAsync(school, CsvRosterKit.Roster)).ShouldBeAsync<CsvImportBody>(HttpStatusCode.Created);
        (again.Created, again.Updated, again.Unchanged, again.Removed).ShouldBe((0, 0, 4, 0));
        (await RosterAsync(school)).Count.ShouldBe(4);
        (await RosterAsync(school)).Single(s => s.Id == zoe.Id).FamilyMembers.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_student_moving_homeroom_is_updated_and_one_leaving_keeps_their_session_and_images()
    {
        var (admin, school) = await SchoolAsync();
        (await admin.ImportCsvAsync(school, CsvRosterKit.Roster)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var soren = (await RosterAsync(school)).Single(s => s.Student!.StudentId == "S1003");
        var photographed = await YearbookKit.CreateStudentAsync(app, admin, school, "Extra", "Photographed");
        _ = photographed;
        var session = await admin.PostAsJsonAsync("/api/v1/sessions",
            new { clientId = soren.Id, date = "2031-09-10", startTime = "09:00", endTime = "09:10", organizationId = school, studentId = "S1003" });
        var sessionId = (await session.ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        (await admin.ImportAsync(sessionId, ProofingKit.Jpeg("soren.jpg", 77))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A delta: Zoë moves to 3B with Mr. Lee's class, Søren leaves.
        var delta = "ID,Vorname,Nachname,Klasse,Raum,Lehrer,Status\n" +
                    "S1001,Zoë,Brontë,5,3B,Jun Lee,\n" +
                    "S1003,Søren,Ødegaard,5,5A,Hana Kim,withdrawn\n";
        var import = await (await admin.ImportCsvAsync(school, delta,
            "?mode=delta&studentId=ID&firstName=Vorname&lastName=Nachname&grade=Klasse&homeroom=Raum&teacher=Lehrer"))
            .ShouldBeAsync<CsvImportBody>(HttpStatusCode.Created);

        (import.Mode, import.Updated, import.Removed).ShouldBe(("delta", 1, 1));
        var roster = await RosterAsync(school);
        var zoe = roster.Single(s => s.Student!.StudentId == "S1001");
        (zoe.Student!.Homeroom, zoe.Student.Teacher).ShouldBe(("3B", "Jun Lee"));
        roster.ShouldNotContain(s => s.Id == soren.Id);
        roster.Count.ShouldBe(4, "The delta leaves the students it does not name alone.");
        (await admin.GetAsync($"/api/v1/clients/{soren.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync($"/api/v1/sessions/{sessionId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ProofingKit.ImagesAsync(admin, sessionId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_dry_run_writes_only_the_import_and_a_mapping_naming_no_column_is_refused_naming_the_field()
    {
        var (admin, school) = await SchoolAsync();
        var dry = await (await admin.ImportCsvAsync(school, CsvRosterKit.Roster, "?dryRun=true")).ShouldBeAsync<CsvImportBody>(HttpStatusCode.Created);
        (dry.DryRun, dry.Created).ShouldBe((true, 4));
        (await RosterAsync(school)).ShouldBeEmpty();
        (await admin.GetAsync($"/api/v1/roster-imports/{dry.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var wrongColumn = await admin.ImportCsvAsync(school, CsvRosterKit.Roster, "?firstName=Given");
        (await wrongColumn.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["firstName"]);
        var noId = await admin.ImportCsvAsync(school, "Name,Surname\nAda,Lovelace\n", "?firstName=Name&lastName=Surname");
        (await noId.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["studentId"]);
        (await RosterAsync(school)).ShouldBeEmpty();
    }
}

/// <summary>Big roster files go to the background engine: 202, then the import's state and progress until it is done.</summary>
public sealed class BackgroundRosterImportTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task A_file_over_the_row_limit_answers_202_and_the_worker_imports_it_with_progress_and_report()
    {
        var small = app.Variant("background rosters", b => b.UseSetting("Rosters:BackgroundRows", "3"));
        var admin = small.CreateClient();
        admin.DefaultRequestHeaders.Authorization = (await app.AdminAsync()).DefaultRequestHeaders.Authorization;
        var school = await PartnerKit.CreateOrganizationAsync(admin, "Big Roster High");

        var response = await admin.ImportCsvAsync(school, CsvRosterKit.Roster);
        var queued = await response.ShouldBeAsync<CsvImportBody>(HttpStatusCode.Accepted);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/roster-imports/{queued.Id}");
        queued.State.ShouldBeOneOf("queued", "running");
        (queued.TotalRows, queued.Rows.Count).ShouldBe((5, 0));

        var done = await Eventually.ValueAsync<CsvImportBody>(async () =>
        {
            var import = await (await admin.GetAsync($"/api/v1/roster-imports/{queued.Id}")).ShouldBeAsync<CsvImportBody>(HttpStatusCode.OK);
            return import.State is "completed" or "failed" ? import : null;
        }, TimeSpan.FromSeconds(60), () => "the background import to finish");
        (done.State, done.ProcessedRows, done.TotalRows, done.Created, done.Refused).ShouldBe(("completed", 5, 5, 4, 1), done.Error);
        done.Rows.Count.ShouldBe(5);
        (await app.WithDbAsync(db => db.Clients.AsNoTracking().CountAsync(c => c.Student != null && c.Student.OrganizationId == school))).ShouldBe(4);
        (await app.WithDbAsync(db => db.Set<StudioApi.Features.Schools.Rosters.RosterImportUpload>().CountAsync(u => u.ImportId == queued.Id)))
            .ShouldBe(0, "The file goes once imported.");

        // A OneRoster package too, as a dry run: only the import's record is written.
        var code = $"LIN-{Guid.NewGuid():N}"[..12];
        var lincoln = (await (await admin.PostAsJsonAsync("/api/v1/organizations", new { name = "Lincoln", code }))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var dry = await (await admin.PostAsync($"/api/v1/organizations/{lincoln}/roster-imports?dryRun=true", OneRosterKit.Form(OneRosterKit.DistrictBulk11(code))))
            .ShouldBeAsync<CsvImportBody>(HttpStatusCode.Accepted);
        var dryDone = await Eventually.ValueAsync<CsvImportBody>(async () =>
        {
            var import = await (await admin.GetAsync($"/api/v1/roster-imports/{dry.Id}")).ShouldBeAsync<CsvImportBody>(HttpStatusCode.OK);
            return import.State is "completed" or "failed" ? import : null;
        }, TimeSpan.FromSeconds(60), () => "the background dry run to finish");
        (dryDone.State, dryDone.DryRun, dryDone.Created, dryDone.Format).ShouldBe(("completed", true, 3, "oneRoster"), dryDone.Error);
        (await app.WithDbAsync(db => db.Clients.AsNoTracking().CountAsync(c => c.Student != null && c.Student.OrganizationId == lincoln))).ShouldBe(0);
    }
}
