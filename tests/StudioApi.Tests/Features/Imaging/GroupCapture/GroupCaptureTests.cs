using System.Net;
using System.Net.Http.Json;
using StudioApi.Tests.Features.Imaging.Images;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Imaging.GroupCapture;

public sealed record CapturedFileBody(int Index, string FileName, string Outcome, long? SessionId, long? ImageId, int? ImageNumber, long? UnmatchedCaptureId, string? Reason);

public sealed record GroupCaptureBody(List<CapturedFileBody> Files);

public sealed record UnmatchedCaptureBody(long Id, long OrganizationId, string OriginalFileName, DateOnly? PictureDate, string Reason, string Format, long ByteSize, string Sha256, int Width, int Height);

public sealed record UnmatchedCapturePage(List<UnmatchedCaptureBody> Items, string? NextCursor);

public sealed class GroupCaptureTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    static readonly DateOnly PictureDay = new(2031, 9, 17);

    static Task<HttpResponseMessage> CaptureAsync(HttpClient client, long organizationId, string query, params (string Name, byte[] Bytes)[] files) =>
        client.PostAsync($"/api/v1/organizations/{organizationId}/group-capture{query}", ImageKit.Form(files));

    static async Task<List<UnmatchedCaptureBody>> UnmatchedAsync(HttpClient client, long organizationId) =>
        (await (await client.GetAsync($"/api/v1/organizations/{organizationId}/unmatched-captures")).ShouldBeAsync<UnmatchedCapturePage>(HttpStatusCode.OK)).Items;

    string HeldFolder(long organizationId) => Path.Combine(app.DataDirectory, "files", "organizations", organizationId.ToString(), "unmatched");

    [Fact]
    public async Task Picture_day_files_go_to_the_sessions_their_names_give_and_the_others_are_held_not_lost()
    {
        var admin = await app.AdminAsync();
        var school = await ProofingKit.NewOrganizationAsync(app);
        var ana = await ProofingKit.NewOrganizationSessionAsync(app, school, "1001", PictureDay);
        var ben = await ProofingKit.NewOrganizationSessionAsync(app, school, "1002", PictureDay);
        var cleo = await ProofingKit.NewOrganizationSessionAsync(app, school, null, PictureDay);
        var pose1 = ProofingKit.Jpeg("1001.jpg", 3001);

        var response = await CaptureAsync(admin, school, "?date=2031-09-17",
            pose1,
            ProofingKit.Jpeg("1001_2.jpg", 3002),
            ProofingKit.Jpeg("1002-1.JPG", 3003),
            ProofingKit.Jpeg($"{cleo.Number}.jpg", 3004),
            ("1001-copy.jpg", pose1.Bytes),
            ProofingKit.Jpeg("9999.jpg", 3005),
            ("1002.jpg", "not a photo"u8.ToArray()));

        var files = (await response.ShouldBeAsync<GroupCaptureBody>(HttpStatusCode.OK)).Files;
        files.Select(f => (f.Outcome, f.SessionId)).ShouldBe([
            ("imported", ana.Id), ("imported", ana.Id), ("imported", ben.Id), ("imported", cleo.Id),
            ("unmatched", null), ("unmatched", null), ("rejected", ben.Id)]);
        files.Take(2).Select(f => f.ImageNumber).ShouldBe([1, 2]);
        files[4].Reason!.ShouldContain("1001-copy"); // "copy" is no pose number, so the whole name is looked up
        files[5].Reason!.ShouldContain("9999");
        files[6].Reason!.ShouldContain("not a JPEG");
        (await admin.ListAsync(ana.Id)).Count.ShouldBe(2);

        var held = await UnmatchedAsync(admin, school);
        held.Select(h => (h.OriginalFileName, h.PictureDate)).ShouldBe([("1001-copy.jpg", PictureDay), ("9999.jpg", PictureDay)], ignoreOrder: true);
        var file = await admin.GetAsync($"/api/v1/unmatched-captures/{files[5].UnmatchedCaptureId}/original");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await file.Content.ReadAsByteArrayAsync()).Length.ShouldBe((int)held.Single(h => h.OriginalFileName == "9999.jpg").ByteSize);
    }

    [Fact]
    public async Task A_name_two_sessions_share_is_held_as_ambiguous_unless_the_picture_day_tells_them_apart()
    {
        var admin = await app.AdminAsync();
        var school = await ProofingKit.NewOrganizationAsync(app);
        var fall = await ProofingKit.NewOrganizationSessionAsync(app, school, "2001", PictureDay);
        await ProofingKit.NewOrganizationSessionAsync(app, school, "2001", PictureDay.AddMonths(6));

        var undated = (await (await CaptureAsync(admin, school, "", ProofingKit.Jpeg("2001.jpg", 3101))).ShouldBeAsync<GroupCaptureBody>(HttpStatusCode.OK)).Files.Single();
        undated.Outcome.ShouldBe("unmatched");
        undated.Reason!.ShouldContain("fits 2 sessions");

        var dated = (await (await CaptureAsync(admin, school, "?date=2031-09-17", ProofingKit.Jpeg("2001.jpg", 3102))).ShouldBeAsync<GroupCaptureBody>(HttpStatusCode.OK)).Files.Single();
        (dated.Outcome, dated.SessionId).ShouldBe(("imported", fall.Id));
    }

    [Fact]
    public async Task A_held_file_is_assigned_by_moving_it_into_the_session_and_the_same_file_uploaded_again_is_held_once()
    {
        var admin = await app.AdminAsync();
        var school = await ProofingKit.NewOrganizationAsync(app);
        var session = await ProofingKit.NewOrganizationSessionAsync(app, school, "3001", PictureDay);
        var stray = ProofingKit.Jpeg("IMG_0042.jpg", 3201);
        var first = (await (await CaptureAsync(admin, school, "", stray)).ShouldBeAsync<GroupCaptureBody>(HttpStatusCode.OK)).Files.Single();
        var again = (await (await CaptureAsync(admin, school, "", stray)).ShouldBeAsync<GroupCaptureBody>(HttpStatusCode.OK)).Files.Single();
        again.UnmatchedCaptureId.ShouldBe(first.UnmatchedCaptureId);
        (await UnmatchedAsync(admin, school)).Count.ShouldBe(1);
        Directory.GetFiles(HeldFolder(school), "*", SearchOption.AllDirectories).Length.ShouldBe(1);

        var assigned = await admin.PostAsJsonAsync($"/api/v1/unmatched-captures/{first.UnmatchedCaptureId}/assign", new { sessionId = session.Id });

        var result = await assigned.ShouldBeAsync<ImportedFileBody>(HttpStatusCode.OK);
        (result.Outcome, result.Image!.Number, result.Image.OriginalFileName, result.Image.SessionId).ShouldBe(("imported", 1, "IMG_0042.jpg", session.Id));
        (await UnmatchedAsync(admin, school)).ShouldBeEmpty();
        Directory.GetFiles(HeldFolder(school), "*", SearchOption.AllDirectories).ShouldBeEmpty();
        ImageKit.StoredOriginals(app, session.Id).Length.ShouldBe(1);
        (await admin.WhenRenderedAsync(session.Id)).Single().Sha256.ShouldBe(result.Image.Sha256);
        (await admin.PostAsJsonAsync($"/api/v1/unmatched-captures/{first.UnmatchedCaptureId}/assign", new { sessionId = session.Id }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_held_file_goes_only_to_a_session_of_its_organization_and_a_discarded_one_is_gone_with_its_file()
    {
        var admin = await app.AdminAsync();
        var school = await ProofingKit.NewOrganizationAsync(app);
        var elsewhere = await ImageKit.NewSessionAsync(app);
        var held = (await (await CaptureAsync(admin, school, "", ProofingKit.Jpeg("nobody.jpg", 3301))).ShouldBeAsync<GroupCaptureBody>(HttpStatusCode.OK)).Files.Single();

        (await admin.PostAsJsonAsync($"/api/v1/unmatched-captures/{held.UnmatchedCaptureId}/assign", new { sessionId = elsewhere }))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await (await admin.PostAsJsonAsync($"/api/v1/unmatched-captures/{held.UnmatchedCaptureId}/assign", new { sessionId = 987654321 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["sessionId"]);

        (await admin.DeleteAsync($"/api/v1/unmatched-captures/{held.UnmatchedCaptureId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await UnmatchedAsync(admin, school)).ShouldBeEmpty();
        Directory.GetFiles(HeldFolder(school), "*", SearchOption.AllDirectories).ShouldBeEmpty();
        (await admin.DeleteAsync($"/api/v1/unmatched-captures/{held.UnmatchedCaptureId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostAsync("/api/v1/organizations/987654321/group-capture", ImageKit.Form(ProofingKit.Jpeg("x.jpg", 1)))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Eight_racing_assigns_of_one_held_file_give_one_import_and_seven_not_found_and_leave_one_file()
    {
        var admin = await app.AdminAsync();
        var school = await ProofingKit.NewOrganizationAsync(app);
        var session = await ProofingKit.NewOrganizationSessionAsync(app, school, "4001", PictureDay);
        var held = (await (await CaptureAsync(admin, school, "", ProofingKit.Jpeg("crowd.jpg", 3401))).ShouldBeAsync<GroupCaptureBody>(HttpStatusCode.OK)).Files.Single();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            admin.PostAsJsonAsync($"/api/v1/unmatched-captures/{held.UnmatchedCaptureId}/assign", new { sessionId = session.Id })));

        answers.Select(a => a.StatusCode).OrderBy(s => s).ShouldBe([HttpStatusCode.OK, .. Enumerable.Repeat(HttpStatusCode.NotFound, 7)]);
        foreach (var loser in answers.Where(a => a.StatusCode == HttpStatusCode.NotFound))
            await loser.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await admin.ListAsync(session.Id)).Count.ShouldBe(1);
        ImageKit.StoredOriginals(app, session.Id).Length.ShouldBe(1);
        Directory.GetFiles(HeldFolder(school), "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task Assigns_and_discards_racing_for_one_held_file_leave_one_winner_and_never_a_file_without_its_record()
    {
        var admin = await app.AdminAsync();
        var school = await ProofingKit.NewOrganizationAsync(app);
        var session = await ProofingKit.NewOrganizationSessionAsync(app, school, "4101", PictureDay);
        for (var round = 0; round < 10; round++)
        {
            var held = (await (await CaptureAsync(admin, school, "", ProofingKit.Jpeg($"round{round}.jpg", 3500 + round)))
                .ShouldBeAsync<GroupCaptureBody>(HttpStatusCode.OK)).Files.Single();

            // A crowd: three assigns and three discards of the one capture at once.
            var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => i % 2 == 0
                ? admin.PostAsJsonAsync($"/api/v1/unmatched-captures/{held.UnmatchedCaptureId}/assign", new { sessionId = session.Id })
                : admin.DeleteAsync($"/api/v1/unmatched-captures/{held.UnmatchedCaptureId}")));

            answers.Count(a => a.IsSuccessStatusCode).ShouldBe(1, $"round {round}: one wins");
            answers.Where(a => !a.IsSuccessStatusCode).Select(a => a.StatusCode).Distinct().ShouldBe([HttpStatusCode.NotFound], $"round {round}: the others find it gone");
            Directory.GetFiles(HeldFolder(school), "*", SearchOption.AllDirectories).ShouldBeEmpty($"round {round}: the held file is gone either way");
            ImageKit.StoredOriginals(app, session.Id).Length.ShouldBe((await admin.ListAsync(session.Id)).Count, $"round {round}: every stored original has its image");
        }
    }
}
