using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;
using StudioApi.Features.Imaging;

namespace StudioApi.Tests.Features.Imaging.Images;

public sealed class ProofingTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    static object Proofing(string proofState = "unmarked", bool favorite = false, bool hiddenOnline = false, int rotation = 0,
        object? crop = null, string yearbookRole = "none") =>
        new { proofState, favorite, hiddenOnline, rotation, crop, yearbookRole };

    [Fact]
    public async Task Setting_proofing_replaces_the_fields_and_gives_a_new_etag_and_the_list_filters_by_them()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);
        var images = await admin.ImportedAsync(session, ProofingKit.Jpeg("a.jpg", 1), ProofingKit.Jpeg("b.jpg", 2), ProofingKit.Jpeg("c.jpg", 3));

        var response = await admin.SetProofingAsync(images[1], Proofing("selected", favorite: true, hiddenOnline: true, rotation: 180));

        var proofed = await response.ShouldBeAsync<ProofedImageBody>(HttpStatusCode.OK);
        (proofed.ProofState, proofed.Favorite, proofed.HiddenOnline, proofed.Rotation, proofed.Crop, proofed.YearbookRole)
            .ShouldBe(("selected", true, true, 180, (CropBody?)null, "none"));
        proofed.Version.ShouldBe(images[1].Version + 1);
        response.Headers.ETag!.Tag.ShouldBe($"\"{proofed.Version}\"");
        (await admin.SetProofingAsync(images[2], Proofing("notSelected"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.ImagesAsync(session, "&proofState=selected")).Select(i => i.Number).ShouldBe([2]);
        (await admin.ImagesAsync(session, "&proofState=unmarked")).Select(i => i.Number).ShouldBe([1]);
        (await admin.ImagesAsync(session, "&favorite=true")).Select(i => i.Number).ShouldBe([2]);
        (await admin.ImagesAsync(session, "&favorite=false")).Select(i => i.Number).ShouldBe([1, 3]);
    }

    [Fact]
    public async Task Proofing_needs_the_current_etag_and_a_stale_one_changes_nothing()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);
        var image = (await admin.ImportedAsync(session, ProofingKit.Jpeg("a.jpg", 10)))[0];

        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/images/{image.Id}/proofing", Proofing("selected"))))
            .StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await admin.SetProofingAsync(image, Proofing(favorite: true))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await admin.SetProofingAsync(image, Proofing("selected"))).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed)).ShouldNotBe(default);

        var now = await admin.ImageAsync(image.Id);
        (now.ProofState, now.Favorite).ShouldBe(("unmarked", true));
    }

    [Fact]
    public async Task A_json_null_body_is_refused_and_leaves_the_proofing_as_it_was()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);
        var image = (await admin.ImportedAsync(session, ProofingKit.Jpeg("a.jpg", 11)))[0];
        var proofed = await (await admin.SetProofingAsync(image, Proofing("selected", favorite: true, rotation: 90))).ShouldBeAsync<ProofedImageBody>(HttpStatusCode.OK);

        var response = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/images/{image.Id}/proofing")
        {
            Content = new StringContent("null", System.Text.Encoding.UTF8, "application/json"),
        }.WithIfMatch($"\"{proofed.Version}\""));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["serializerErrors"]);
        var now = await admin.ImageAsync(image.Id);
        (now.Version, now.ProofState, now.Favorite, now.Rotation).ShouldBe((proofed.Version, "selected", true, 90));
    }

    [Fact]
    public async Task A_crop_must_have_its_aspect_ratio_in_the_upright_rotated_frame_in_either_orientation()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);
        // Stored 1200 × 1800 with EXIF orientation 6: upright it is 1800 × 1200, a landscape.
        var image = (await admin.ImportedAsync(session, ImageKit.File("Landscape_6.jpg")))[0];
        var portrait45 = new { x = 0.2, y = 0.0, width = 960.0 / 1800, height = 1.0, aspectRatio = "4:5" };

        var cropped = await (await admin.SetProofingAsync(image, Proofing("selected", crop: portrait45))).ShouldBeAsync<ProofedImageBody>(HttpStatusCode.OK);
        cropped.Crop.ShouldBe(new CropBody(0.2, 0.0, 960.0 / 1800, 1.0, "4:5"));

        // The same numbers give a landscape 5:4 crop, which a 4:5 print takes turned on its side.
        var landscape54 = new { x = 0.0, y = 0.0, width = 1500.0 / 1800, height = 1.0, aspectRatio = "4:5" };
        cropped = await (await admin.SetProofingAsync(cropped, Proofing(crop: landscape54))).ShouldBeAsync<ProofedImageBody>(HttpStatusCode.OK);

        // Turned by 90° the frame is 1200 × 1800, and the first crop is no longer 4:5.
        var problem = await (await admin.SetProofingAsync(cropped, Proofing(rotation: 90, crop: portrait45))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString()!.ShouldContain("4:5");
        (await admin.ImageAsync(image.Id)).Crop!.Width.ShouldBe(landscape54.width, 1e-9);

        var outside = await (await admin.SetProofingAsync(cropped, Proofing(crop: new { x = 0.5, y = 0, width = 0.6, height = 1.0, aspectRatio = (string?)null })))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        outside.FieldErrors().ShouldContain("crop.width");
        (await (await admin.SetProofingAsync(cropped, Proofing(rotation: 45))).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldContain("rotation");

        var full = await (await admin.SetProofingAsync(cropped, Proofing())).ShouldBeAsync<ProofedImageBody>(HttpStatusCode.OK);
        full.Crop.ShouldBeNull();
    }

    [Fact]
    public async Task Yearbook_images_are_only_for_organization_sessions_and_a_new_main_image_takes_the_role_from_the_old_one()
    {
        var admin = await app.AdminAsync();
        var plain = await ImageKit.NewSessionAsync(app);
        var lone = (await admin.ImportedAsync(plain, ProofingKit.Jpeg("a.jpg", 20)))[0];
        (await (await admin.SetProofingAsync(lone, Proofing(yearbookRole: "main"))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("detail").GetString()!.ShouldContain("organization");

        var school = await ProofingKit.NewOrganizationAsync(app);
        var session = (await ProofingKit.NewOrganizationSessionAsync(app, school, "S-100")).Id;
        var images = await admin.ImportedAsync(session, ProofingKit.Jpeg("a.jpg", 21), ProofingKit.Jpeg("b.jpg", 22), ProofingKit.Jpeg("c.jpg", 23));
        (await admin.SetProofingAsync(images[0], Proofing(yearbookRole: "main"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.SetProofingAsync(images[2], Proofing(yearbookRole: "secondary"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.SetProofingAsync(images[1], Proofing(yearbookRole: "main"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var now = await admin.ImagesAsync(session);
        now.Select(i => i.YearbookRole).ShouldBe(["none", "main", "secondary"]);
        now[0].Version.ShouldBe(images[0].Version + 2); // took the role, then lost it
        (await admin.ImagesAsync(session, "&yearbookRole=main")).Single().Number.ShouldBe(2);
    }

    [Fact]
    public async Task An_image_restored_after_its_yearbook_role_went_to_another_comes_back_without_it()
    {
        var admin = await app.AdminAsync();
        var school = await ProofingKit.NewOrganizationAsync(app);
        var session = (await ProofingKit.NewOrganizationSessionAsync(app, school, "S-200")).Id;
        var images = await admin.ImportedAsync(session, ProofingKit.Jpeg("a.jpg", 24), ProofingKit.Jpeg("b.jpg", 25));
        var main = await (await admin.SetProofingAsync(images[0], Proofing(yearbookRole: "main"))).ShouldBeAsync<ProofedImageBody>(HttpStatusCode.OK);
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/images/{main.Id}").WithIfMatch($"\"{main.Version}\"")))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.SetProofingAsync(images[1], Proofing(yearbookRole: "main"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var restored = await (await admin.PostAsync($"/api/v1/images/{main.Id}/restore", null)).ShouldBeAsync<ProofedImageBody>(HttpStatusCode.OK);

        restored.YearbookRole.ShouldBe("none");
        (await admin.ImagesAsync(session, "&yearbookRole=main")).Single().Id.ShouldBe(images[1].Id);
    }

    [Fact]
    public async Task Bulk_proofing_changes_only_the_given_fields_and_reports_unknown_and_refused_images_without_stopping()
    {
        var sales = await app.AsRoleAsync(UserRole.Sales);
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);
        var other = await ImageKit.NewSessionAsync(app);
        var images = await admin.ImportedAsync(session, ProofingKit.Jpeg("a.jpg", 30), ProofingKit.Jpeg("b.jpg", 31, 64, 64), ProofingKit.Jpeg("c.jpg", 32));
        var foreign = (await admin.ImportedAsync(other, ProofingKit.Jpeg("x.jpg", 33)))[0];
        (await admin.SetProofingAsync(images[0], Proofing(favorite: true, rotation: 90))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await sales.BulkProofingAsync(session,
            new { imageId = images[0].Id, proofState = "selected" },
            new { imageId = foreign.Id, proofState = "selected" },
            new { imageId = images[1].Id, crop = new { x = 0, y = 0, width = 1, height = 1, aspectRatio = "4:5" } },
            new { imageId = images[2].Id, hiddenOnline = true, yearbookRole = "main" },
            new { imageId = images[1].Id, favorite = true });

        var results = (await response.ShouldBeAsync<BulkProofingBody>(HttpStatusCode.OK)).Results;
        results.Select(r => r.Outcome).ShouldBe(["updated", "notFound", "rejected", "rejected", "updated"]);
        results[2].Reason!.ShouldContain("4:5");
        results[3].Reason!.ShouldContain("organization");
        var first = results[0].Image!;
        (first.ProofState, first.Favorite, first.Rotation).ShouldBe(("selected", true, 90)); // the rest kept
        var now = await admin.ImagesAsync(session);
        (now[1].Favorite, now[1].Crop).ShouldBe((true, (CropBody?)null));
        (now[2].HiddenOnline, now[2].Version).ShouldBe((false, images[2].Version)); // refused as a whole
        (await admin.ImageAsync(foreign.Id)).ProofState.ShouldBe("unmarked");
    }

    [Fact]
    public async Task Bulk_proofing_refuses_more_than_a_thousand_images_and_an_unknown_session()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);
        var many = Enumerable.Range(1, 1001).Select(i => (object)new { imageId = i, favorite = true }).ToArray();

        (await (await admin.BulkProofingAsync(session, many)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldContain("images");
        (await admin.BulkProofingAsync(999_999, new { imageId = 1, favorite = true })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_first_image_imported_into_a_session_becomes_the_clients_picture_and_the_client_can_choose_another_of_their_own()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);
        var clientId = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/sessions/{session}")).GetProperty("clientId").GetInt64();
        var before = await ClientAsync(admin, clientId);
        before.GetProperty("imageId").ValueKind.ShouldBe(JsonValueKind.Null);

        var images = await admin.ImportedAsync(session, ProofingKit.Jpeg("a.jpg", 40), ProofingKit.Jpeg("b.jpg", 41));
        await admin.ImportedAsync(session, ProofingKit.Jpeg("c.jpg", 42));

        var after = await ClientAsync(admin, clientId);
        after.GetProperty("imageId").GetInt64().ShouldBe(images[0].Id);
        after.GetProperty("version").GetInt32().ShouldBe(before.GetProperty("version").GetInt32() + 1);

        var stranger = (await admin.ImportedAsync(await ImageKit.NewSessionAsync(app), ProofingKit.Jpeg("z.jpg", 43)))[0];
        var refused = await PutClientImageAsync(admin, after, stranger.Id);
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["imageId"]);

        var chosen = await (await PutClientImageAsync(admin, after, images[1].Id)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        chosen.GetProperty("imageId").GetInt64().ShouldBe(images[1].Id);
    }

    static async Task<JsonElement> ClientAsync(HttpClient admin, long id) =>
        await (await admin.GetAsync($"/api/v1/clients/{id}")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

    static Task<HttpResponseMessage> PutClientImageAsync(HttpClient admin, JsonElement client, long imageId) =>
        admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/clients/{client.GetProperty("id").GetInt64()}", new
        {
            firstName = client.GetProperty("firstName").GetString(),
            lastName = client.GetProperty("lastName").GetString(),
            imageId,
        }).WithIfMatch($"\"{client.GetProperty("version").GetInt32()}\""));

    [Fact]
    public async Task Purging_a_session_erases_its_images_and_their_files_and_frees_the_clients_picture()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);
        var sessionBody = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/sessions/{session}");
        var images = await admin.ImportedAsync(session, ProofingKit.Jpeg("a.jpg", 50), ProofingKit.Jpeg("b.jpg", 51));
        await admin.WhenRenderedAsync(session);
        var folder = Path.Combine(app.DataDirectory, "files", "sessions", session.ToString());
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length.ShouldBe(6); // originals, previews, thumbnails

        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/sessions/{session}")
            .WithIfMatch($"\"{sessionBody.GetProperty("version").GetInt32()}\""))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.PostAsync($"/api/v1/sessions/{session}/purge", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ShouldBeEmpty();
        (await admin.GetAsync($"/api/v1/images/{images[0].Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => Task.FromResult(db.SessionImages.IgnoreQueryFilters().Count(i => i.SessionId == session)))).ShouldBe(0);
        var client = await ClientAsync(admin, sessionBody.GetProperty("clientId").GetInt64());
        client.GetProperty("imageId").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
