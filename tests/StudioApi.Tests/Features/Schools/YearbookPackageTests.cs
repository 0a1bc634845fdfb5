using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetVips;
using StudioApi.Tests.Features.Imaging.Images;
using StudioApi.Tests.Features.Imaging.RenderRuns;
using StudioApi.Tests.Infrastructure;
using static StudioApi.Tests.Features.Schools.YearbookKit;

namespace StudioApi.Tests.Features.Schools;

public sealed class YearbookPackageTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task A_partner_with_yearbook_read_downloads_its_schools_package_and_finds_no_other_schools()
    {
        var admin = await app.AdminAsync();
        var mine = await PartnerKit.CreateSchoolAsync(app, admin, "Maple Grove Elementary", "Ashby");
        var theirs = await PartnerKit.CreateSchoolAsync(app, admin, "Oak Ridge Elementary", "Birch");
        async Task<long> PackageAsync(PartnerKit.School school)
        {
            (await admin.SelectAsync(school.SessionId, school.ImageId)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var started = await admin.PostAsJsonAsync($"/api/v1/organizations/{school.OrganizationId}/yearbook-packages", new { });
            var id = (await started.ShouldBeAsync<JsonElement>(HttpStatusCode.Accepted)).GetProperty("id").GetInt64();
            (await admin.WhenFinishedAsync(id)).State.ShouldBe("completed");
            return id;
        }
        var minePackage = await PackageAsync(mine);
        var theirPackage = await PackageAsync(theirs);
        var partner = await PartnerKit.SignInAsync(app, await PartnerKit.CreateClientAsync(admin, [mine.OrganizationId], "yearbook:read"));
        var rosterOnly = await PartnerKit.SignInAsync(app, await PartnerKit.CreateClientAsync(admin, [mine.OrganizationId], "roster:read"));

        var listed = await (await partner.GetAsync($"/api/v1/partner/organizations/{mine.OrganizationId}/yearbook-packages"))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        var package = listed.GetProperty("items").EnumerateArray().Single();
        (package.GetProperty("id").GetInt64(), package.GetProperty("state").GetString(), package.GetProperty("images").GetInt32())
            .ShouldBe((minePackage, "completed", 1));
        var zip = await partner.GetAsync(package.GetProperty("zipUrl").GetString());
        zip.StatusCode.ShouldBe(HttpStatusCode.OK);
        zip.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        var records = PspaPackageValidator.Validate(await zip.Content.ReadAsByteArrayAsync(), 640, 800);
        records.Single().LastName.ShouldBe("Ashby");

        (await partner.GetAsync($"/api/v1/partner/yearbook-packages/{theirPackage}/zip")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await partner.GetAsync($"/api/v1/partner/organizations/{theirs.OrganizationId}/yearbook-packages")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await rosterOnly.GetAsync($"/api/v1/partner/yearbook-packages/{minePackage}/zip")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_package_meets_the_PSPA_rules_with_each_students_crop_and_reports_who_has_no_image()
    {
        var admin = await app.AdminAsync();
        var code = $"Lincoln-HS.{Random.Shared.Next(1000, 9999)}";
        var school = await (await admin.PostAsJsonAsync("/api/v1/organizations", new
        {
            name = "Lincoln High", code,
            yearbookImageSpec = new { widthPx = 320, heightPx = 400, dpi = 300, fileNamePattern = "{lastName}" },
        })).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var schoolId = school.GetProperty("id").GetInt64();

        // Søren's photo is red on the left, blue on the right; his crop keeps the top of the red half.
        var soren = await CreateStudentAsync(app, admin, schoolId, "Søren", "Ødegaard", grade: "11", files: [("soren.jpg", RedLeftBlueRight())]);
        var image = await admin.ImageAsync(soren.ImageIds[0]);
        (await admin.SetProofingAsync(image, new { crop = new { x = 0.0, y = 0.0, width = 0.5, height = 0.5, aspectRatio = "4:5" } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var ana = await CreateStudentAsync(app, admin, schoolId, "Ana", "Ødegaard", grade: "11");
        var lucja = await CreateStudentAsync(app, admin, schoolId, "Łucja", "Wiśniewska", grade: "9", homeroom: "9-C", teacher: "Mrs. Kowalczyk");
        var kai = await CreateStudentAsync(app, admin, schoolId, "Kai", "Nakamura", grade: "KG");
        var aoife = await CreateStudentAsync(app, admin, schoolId, "Aoife", "Ní Bhriain", photos: 0);
        foreach (var student in new[] { soren, ana, lucja })
            (await admin.SelectAsync(student.SessionId, student.ImageIds[0])).StatusCode.ShouldBe(HttpStatusCode.OK);

        var started = await admin.PostAsJsonAsync($"/api/v1/organizations/{schoolId}/yearbook-packages", new { });
        var body = await started.ShouldBeAsync<JsonElement>(HttpStatusCode.Accepted);
        started.Headers.Location!.ToString().ShouldBe($"/api/v1/render-runs/{body.GetProperty("id").GetInt64()}");
        body.GetProperty("total").GetInt32().ShouldBe(3);
        body.GetProperty("package").GetProperty("studentsWithoutImage").GetInt32().ShouldBe(2);
        var run = await admin.WhenFinishedAsync(body.GetProperty("id").GetInt64());
        run.State.ShouldBe("completed", run.Error);

        var zip = await (await admin.GetAsync(run.Output!.Zip)).Content.ReadAsByteArrayAsync();
        var records = PspaPackageValidator.Validate(zip, 320, 400);
        var volume = records[0].Volume;
        volume.ShouldBe(("LINCOLNHS" + code[^4..])[..11]);
        // Grade 9 before grade 11, then by last and first name; names as Windows-1252 can hold them.
        records.Select(r => (r.Grade, r.LastName, r.FirstName)).ShouldBe([("9", "Wisniewska", "Lucja"), ("11", "Ødegaard", "Ana"), ("11", "Ødegaard", "Søren")]);
        records.Select(r => r.File).ShouldBe(["WISNIEWS.JPG", "ODEGAARD.JPG", records[2].File]);
        records[2].File.ShouldNotBe("ODEGAARD.JPG");
        (records[0].HomeRoom, records[0].Teacher, records[1].Teacher).ShouldBe(("9-C", "Mrs. Kowalczyk", "Mr. Ngu"));
        PspaPackageValidator.Text(zip, $"{volume}/README.TXT").ShouldContain("2 student(s)");

        using (var cut = Image.NewFromBuffer(Entry(zip, $"{volume}/{records[2].Folder}/{records[2].File}")))
        {
            var (red, blue) = (cut.ExtractBand(0).Avg(), cut.ExtractBand(2).Avg());
            red.ShouldBeGreaterThan(180, "The package image is cut from the crop: the red half.");
            blue.ShouldBeLessThan(80);
        }

        var manifest = await (await admin.GetAsync(run.Output.Manifest)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        var missing = manifest.GetProperty("studentsWithoutImage").EnumerateArray()
            .Select(m => (m.GetProperty("clientId").GetInt64(), m.GetProperty("reason").GetString())).ToList();
        missing.ShouldBe([(kai.ClientId, "No main yearbook image chosen."), (aoife.ClientId, "No session of the organization.")], ignoreOrder: true);
    }

    [Fact]
    public async Task A_spec_that_is_not_a_4_by_5_portrait_or_a_bad_volume_name_is_refused_and_no_run_starts()
    {
        var admin = await app.AdminAsync();
        var square = await CreateSchoolAsync(admin, "Square School", spec: new { widthPx = 600, heightPx = 600, dpi = 300, fileNamePattern = "{studentId}" });
        var before = await (await admin.GetAsync("/api/v1/render-runs?limit=1")).ShouldBeAsync<RunPage>(HttpStatusCode.OK);

        (await (await admin.PostAsJsonAsync($"/api/v1/organizations/{square}/yearbook-packages", new { }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!.ShouldContain("600×600");
        var good = await CreateSchoolAsync(admin, "Volume School");
        (await (await admin.PostAsJsonAsync($"/api/v1/organizations/{good}/yearbook-packages", new { volumeName = "bad name" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["volumeName"]);
        (await admin.PostAsJsonAsync("/api/v1/organizations/999999999/yearbook-packages", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var after = await (await admin.GetAsync("/api/v1/render-runs?limit=1")).ShouldBeAsync<RunPage>(HttpStatusCode.OK);
        after.Items.Select(r => r.Id).ShouldBe(before.Items.Select(r => r.Id));
    }

    static byte[] RedLeftBlueRight()
    {
        using var black = Image.Black(200, 500, bands: 3);
        using var red = black.NewFromImage(230, 20, 20);
        using var blue = black.NewFromImage(20, 20, 230);
        using var joined = red.Join(blue, Enums.Direction.Horizontal);
        using var image = joined.Cast(Enums.BandFormat.Uchar);
        return image.JpegsaveBuffer(q: 95);
    }

    static byte[] Entry(byte[] zipBytes, string name)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(zipBytes));
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
