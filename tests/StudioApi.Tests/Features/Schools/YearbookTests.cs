using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StudioApi.Tests.Features.Imaging.Images;
using StudioApi.Tests.Infrastructure;
using static StudioApi.Tests.Features.Schools.YearbookKit;

namespace StudioApi.Tests.Features.Schools;

public sealed class YearbookTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task The_studio_chooses_main_and_secondary_images_and_the_session_gets_the_schools_status_on_selection()
    {
        var admin = await app.AdminAsync();
        var status = await admin.PostAsJsonAsync("/api/v1/yearbook-statuses", new { name = $"Chosen {Guid.NewGuid():N}"[..20] });
        var statusName = (await status.ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("name").GetString();
        var school = await CreateSchoolAsync(admin, "Lincoln High", yearbook: new { statusOnSelection = statusName });
        var student = await CreateStudentAsync(app, admin, school, "Søren", "Kierkegaard", photos: 3);

        var chosen = await (await admin.SelectAsync(student.SessionId, student.ImageIds[1], student.ImageIds[2])).ShouldBeAsync<YearbookSelectionBody>(HttpStatusCode.OK);
        chosen.Main!.ImageId.ShouldBe(student.ImageIds[1]);
        chosen.Main.ChosenBy.ShouldBe("studio");
        chosen.Secondary!.ImageId.ShouldBe(student.ImageIds[2]);
        chosen.YearbookStatus.ShouldBe(statusName);
        (await admin.SelectionAsync(student.SessionId)).ShouldBe(chosen);
        var session = await (await admin.GetAsync($"/api/v1/sessions/{student.SessionId}")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        session.GetProperty("yearbookStatus").GetString().ShouldBe(statusName);
        var image = await (await admin.GetAsync($"/api/v1/images/{student.ImageIds[1]}")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        image.GetProperty("yearbookRole").GetString().ShouldBe("main");
        image.GetProperty("yearbookChosenBy").GetString().ShouldBe("studio");

        // The parent asks for the secondary to become the main one: a swap, recorded as the parent's choice.
        var swapped = await (await admin.SelectAsync(student.SessionId, student.ImageIds[2], student.ImageIds[1], "parent")).ShouldBeAsync<YearbookSelectionBody>(HttpStatusCode.OK);
        swapped.Main!.ImageId.ShouldBe(student.ImageIds[2]);
        swapped.Main.ChosenBy.ShouldBe("parent");
        swapped.Secondary!.ImageId.ShouldBe(student.ImageIds[1]);

        // Keeping the main image keeps who chose it and when; dropping the secondary leaves none.
        var kept = await (await admin.SelectAsync(student.SessionId, student.ImageIds[2], null, "student")).ShouldBeAsync<YearbookSelectionBody>(HttpStatusCode.OK);
        kept.Main.ShouldBe(swapped.Main);
        kept.Secondary.ShouldBeNull();
        (await admin.ImagesAsync(student.SessionId, "&yearbookRole=secondary")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_image_of_another_session_or_a_session_without_an_organization_is_refused_and_nothing_changes()
    {
        var admin = await app.AdminAsync();
        var school = await CreateSchoolAsync(admin, "Refusal Prep");
        var ana = await CreateStudentAsync(app, admin, school, "Ana", "Núñez");
        var ben = await CreateStudentAsync(app, admin, school, "Ben", "Okafor");
        (await admin.SelectAsync(ana.SessionId, ana.ImageIds[0])).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await admin.SelectAsync(ana.SessionId, ben.ImageIds[0]);
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["mainImageId"]);
        var same = await admin.SelectAsync(ana.SessionId, ana.ImageIds[0], ana.ImageIds[0]);
        (await same.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["secondaryImageId"]);
        (await admin.SelectionAsync(ana.SessionId)).Main!.ImageId.ShouldBe(ana.ImageIds[0]);

        (await admin.GetAsync("/api/v1/sessions/999999999/yearbook")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var family = await (await admin.PostAsJsonAsync("/api/v1/sessions", new { clientId = ana.ClientId, date = "2031-03-04", startTime = "10:00", endTime = "11:00" }))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        (await admin.SelectAsync(family.GetProperty("id").GetInt64(), null)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task After_the_deadline_only_the_studio_may_choose()
    {
        var admin = await app.AdminAsync();
        var school = await CreateSchoolAsync(admin, "Late Academy", yearbook: new { selectionDeadline = "2020-06-01" });
        var student = await CreateStudentAsync(app, admin, school, "Łucja", "Wiśniewska");
        var partner = await PartnerKit.SignInAsync(app, await PartnerKit.CreateClientAsync(admin, [school], "yearbook:read", "yearbook:write"));

        var late = await partner.SelectAsync(student.SessionId, student.ImageIds[0]);
        (await late.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!.ShouldContain("2020-06-01");
        (await admin.SelectAsync(student.SessionId, student.ImageIds[0], chosenBy: "parent")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await admin.SelectionAsync(student.SessionId)).Main.ShouldBeNull();

        var studio = await (await admin.SelectAsync(student.SessionId, student.ImageIds[0])).ShouldBeAsync<YearbookSelectionBody>(HttpStatusCode.OK);
        studio.Main!.ChosenBy.ShouldBe("studio");
        studio.SelectionDeadline.ShouldBe(new DateOnly(2020, 6, 1));
    }

    [Fact]
    public async Task A_partner_reads_and_chooses_for_its_own_schools_students_only_and_as_the_school()
    {
        var admin = await app.AdminAsync();
        var mine = await CreateSchoolAsync(admin, "Partner Own School");
        var theirs = await CreateSchoolAsync(admin, "Partner Other School");
        var own = await CreateStudentAsync(app, admin, mine, "Amélie", "Dubois");
        var other = await CreateStudentAsync(app, admin, theirs, "Otto", "Becker");
        var writer = await PartnerKit.SignInAsync(app, await PartnerKit.CreateClientAsync(admin, [mine], "yearbook:read", "yearbook:write"));
        var reader = await PartnerKit.SignInAsync(app, await PartnerKit.CreateClientAsync(admin, [mine], "yearbook:read"));

        var chosen = await (await writer.SelectAsync(own.SessionId, own.ImageIds[1])).ShouldBeAsync<YearbookSelectionBody>(HttpStatusCode.OK);
        chosen.Main!.ChosenBy.ShouldBe("school");
        (await writer.SelectAsync(own.SessionId, own.ImageIds[1], chosenBy: "studio")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await reader.SelectAsync(own.SessionId, own.ImageIds[0])).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await reader.SelectionAsync(own.SessionId)).Main!.ImageId.ShouldBe(own.ImageIds[1]);

        (await writer.SelectAsync(other.SessionId, other.ImageIds[0])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await writer.GetAsync($"/api/v1/sessions/{other.SessionId}/yearbook")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await writer.GetAsync($"/api/v1/organizations/{theirs}/yearbook-report")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.SelectionAsync(other.SessionId)).Main.ShouldBeNull();
        (await reader.ReportAsync(mine)).Rows.Single().Main!.ChosenBy.ShouldBe("school");
    }

    [Fact]
    public async Task The_approval_report_lists_who_has_an_image_and_who_has_not()
    {
        var admin = await app.AdminAsync();
        var school = await CreateSchoolAsync(admin, "Report Elementary", yearbook: new { selectionDeadline = "2099-05-01" });
        var chosen = await CreateStudentAsync(app, admin, school, "Chloé", "Zoltán");
        var unchosen = await CreateStudentAsync(app, admin, school, "Björn", "Ødegaard");
        var absent = await CreateStudentAsync(app, admin, school, "Aoife", "Ní Bhriain", photos: 0);
        (await admin.SelectAsync(chosen.SessionId, chosen.ImageIds[0], chosen.ImageIds[1], "student")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var report = await admin.ReportAsync(school);
        (report.Students, report.WithImage, report.WithoutImage).ShouldBe((3, 1, 2));
        report.SelectionDeadline.ShouldBe(new DateOnly(2099, 5, 1));
        report.Rows.Select(r => r.LastName).ShouldBe(["Ní Bhriain", "Ødegaard", "Zoltán"]);
        var row = report.Rows.Single(r => r.ClientId == chosen.ClientId);
        (row.HasImage, row.Main!.ImageId, row.Main.ChosenBy, row.Secondary!.ImageId, row.SessionId).ShouldBe((true, chosen.ImageIds[0], "student", chosen.ImageIds[1], chosen.SessionId));
        report.Rows.Single(r => r.ClientId == unchosen.ClientId).SessionId.ShouldBe(unchosen.SessionId);
        report.Rows.Single(r => r.ClientId == absent.ClientId).SessionId.ShouldBeNull();

        (await admin.ReportAsync(school, "?hasImage=false")).Rows.Select(r => r.ClientId).ShouldBe([absent.ClientId, unchosen.ClientId]);
        (await admin.ReportAsync(school, "?hasImage=true")).Rows.Select(r => r.ClientId).ShouldBe([chosen.ClientId]);
    }

    [Fact]
    public async Task Racing_selections_of_one_session_end_with_one_main_image_and_no_server_error()
    {
        var admin = await app.AdminAsync();
        var school = await CreateSchoolAsync(admin, "Race Academy");
        var student = await CreateStudentAsync(app, admin, school, "Nguyễn", "Thị Minh", photos: 3);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(n =>
            admin.SelectAsync(student.SessionId, student.ImageIds[n % 3], student.ImageIds[(n + 1) % 3], n % 2 == 0 ? "student" : "parent")));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK || a.StatusCode == HttpStatusCode.Conflict);
        answers.ShouldContain(a => a.StatusCode == HttpStatusCode.OK);
        (await admin.ImagesAsync(student.SessionId, "&yearbookRole=main")).Count.ShouldBe(1);
        (await admin.ImagesAsync(student.SessionId, "&yearbookRole=secondary")).Count.ShouldBe(1);
        var selection = await admin.SelectionAsync(student.SessionId);
        selection.Main!.ImageId.ShouldNotBe(selection.Secondary!.ImageId);
    }

    [Fact]
    public async Task A_yearbook_status_name_is_one_live_status()
    {
        var admin = await app.AdminAsync();
        var name = $"Approved {Guid.NewGuid():N}"[..20];
        (await admin.PostAsJsonAsync("/api/v1/yearbook-statuses", new { name })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/api/v1/yearbook-statuses", new { name })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var list = await (await admin.GetAsync("/api/v1/yearbook-statuses?limit=200")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        list.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("name").GetString() == name).ShouldBe(1);
    }
}
