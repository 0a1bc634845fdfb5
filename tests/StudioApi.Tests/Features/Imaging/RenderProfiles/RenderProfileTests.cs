using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Imaging.RenderProfiles;

public sealed class RenderProfileTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    static object Profile(string name, object? watermark = null, string pattern = "{sessionNumber}-{imageNumber}") => new
    {
        name,
        size = new { mode = "box", widthPx = 2400, heightPx = 3000, fit = "fill" },
        format = "jpeg",
        quality = 92,
        dpi = 300,
        colourSpace = "displayP3",
        sharpening = "light",
        watermark = watermark ?? new { kind = "text", text = "PROOF", opacity = 0.4, position = "center", size = 0.2 },
        fileNamePattern = pattern,
        images = "selected",
        honourCrops = true,
    };

    static byte[] Png(int width = 40, int height = 20)
    {
        using var image = NetVips.Image.Black(width, height, bands: 3).NewFromImage(10, 200, 10);
        using var srgb = image.Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
        return srgb.PngsaveBuffer();
    }

    static HttpRequestMessage Upload(long id, byte[] body, string etag, string contentType = "image/png")
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/render-profiles/{id}/watermark") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return request.WithIfMatch(etag);
    }

    async Task<JsonElement> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/render-profiles", body);
        return await response.ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_created_profile_reads_back_with_every_setting_its_location_and_etag()
    {
        var admin = await app.AdminAsync();

        var created = await admin.PostAsJsonAsync("/api/v1/render-profiles", Profile("Lab 8x10"));
        var body = await created.ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        created.Headers.ETag!.Tag.ShouldBe("\"1\"");

        var read = await (await admin.GetAsync(created.Headers.Location)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        read.GetProperty("id").GetInt64().ShouldBe(body.GetProperty("id").GetInt64());
        read.GetProperty("size").GetProperty("mode").GetString().ShouldBe("box");
        read.GetProperty("size").GetProperty("fit").GetString().ShouldBe("fill");
        read.GetProperty("size").GetProperty("heightPx").GetInt32().ShouldBe(3000);
        read.GetProperty("colourSpace").GetString().ShouldBe("displayP3");
        read.GetProperty("sharpening").GetString().ShouldBe("light");
        read.GetProperty("watermark").GetProperty("text").GetString().ShouldBe("PROOF");
        read.GetProperty("watermark").GetProperty("image").ValueKind.ShouldBe(JsonValueKind.Null);
        read.GetProperty("images").GetString().ShouldBe("selected");
        read.GetProperty("fileNamePattern").GetString().ShouldBe("{sessionNumber}-{imageNumber}");
    }

    [Fact]
    public async Task An_unknown_file_name_field_is_refused_naming_the_field()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/render-profiles", Profile("Typo", pattern: "{sessionNumber}-{imageNo}"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors().ShouldBe(["fileNamePattern"]);
        problem.GetRawText().ShouldContain("{imageNo}");
    }

    [Fact]
    public async Task Each_broken_setting_is_named_with_a_clear_reason_and_nothing_is_stored()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/render-profiles", new
        {
            name = "Broken",
            size = new { mode = "box", widthPx = 2400 },
            quality = 0,
            dpi = 50,
            watermark = new { kind = "text", opacity = 2 },
            fileNamePattern = "{sessionNumber}/{imageNumber}",
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors().ShouldBe(["size.heightPx", "quality", "dpi", "watermark.text", "watermark.opacity", "fileNamePattern"], ignoreOrder: true);
        var list = await (await admin.GetAsync("/api/v1/render-profiles?q=Broken")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        list.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Names_are_unique_among_live_profiles_but_a_deleted_ones_name_can_be_reused()
    {
        var admin = await app.AdminAsync();
        var first = await CreateAsync(admin, Profile("Web proofs"));

        var duplicate = await admin.PostAsJsonAsync("/api/v1/render-profiles", Profile("Web proofs"));
        (await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("Web proofs");

        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/render-profiles/{first.GetProperty("id")}").WithIfMatch("\"1\"");
        (await admin.SendAsync(delete)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await CreateAsync(admin, Profile("Web proofs"));

        var restore = await admin.PostAsync($"/api/v1/render-profiles/{first.GetProperty("id")}/restore", null);
        await restore.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_update_needs_the_current_version_and_switching_to_long_edge_drops_the_box()
    {
        var admin = await app.AdminAsync();
        var created = await CreateAsync(admin, Profile("Yearbook"));
        var id = created.GetProperty("id").GetInt64();
        var change = new
        {
            name = "Yearbook", size = new { mode = "longEdge", longEdgePx = 1200, widthPx = 5 }, fileNamePattern = "{studentId}", images = "yearbook",
        };

        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/render-profiles/{id}", change)))
            .StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/render-profiles/{id}", change).WithIfMatch("\"7\"")))
            .StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var updated = await (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/render-profiles/{id}", change).WithIfMatch("\"1\"")))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        updated.GetProperty("version").GetInt32().ShouldBe(2);
        updated.GetProperty("size").GetProperty("longEdgePx").GetInt32().ShouldBe(1200);
        updated.GetProperty("size").GetProperty("widthPx").ValueKind.ShouldBe(JsonValueKind.Null);
        updated.GetProperty("watermark").GetProperty("kind").GetString().ShouldBe("none");
        updated.GetProperty("format").GetString().ShouldBe("jpeg");
    }

    [Fact]
    public async Task A_watermark_png_uploads_reads_back_byte_for_byte_and_moves_the_version_on()
    {
        var admin = await app.AdminAsync();
        var created = await CreateAsync(admin, Profile("Branded", new { kind = "image", opacity = 0.6, position = "bottomRight", size = 0.2 }));
        var id = created.GetProperty("id").GetInt64();
        var png = Png(40, 20);

        var uploaded = await admin.SendAsync(Upload(id, png, "\"1\""));

        var body = await uploaded.ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        uploaded.Headers.ETag!.Tag.ShouldBe("\"2\"");
        var image = body.GetProperty("watermark").GetProperty("image");
        (image.GetProperty("widthPx").GetInt32(), image.GetProperty("heightPx").GetInt32()).ShouldBe((40, 20));
        image.GetProperty("sizeBytes").GetInt32().ShouldBe(png.Length);
        var download = await admin.GetAsync($"/api/v1/render-profiles/{id}/watermark");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(png);
    }

    [Fact]
    public async Task A_watermark_that_is_not_a_png_or_too_big_is_refused_and_nothing_is_stored()
    {
        var admin = await app.AdminAsync();
        var id = (await CreateAsync(admin, Profile("Refuses junk"))).GetProperty("id").GetInt64();

        await (await admin.SendAsync(Upload(id, "GIF89a not really"u8.ToArray(), "\"1\""))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await admin.SendAsync(Upload(id, Png(), "\"1\"", "image/jpeg"))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var tooBig = new byte[1024 * 1024 + 1];
        Png().CopyTo(tooBig, 0);
        await (await admin.SendAsync(Upload(id, tooBig, "\"1\""))).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        var truncated = Png(400, 400)[..60];
        await (await admin.SendAsync(Upload(id, truncated, "\"1\""))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        (await admin.GetAsync($"/api/v1/render-profiles/{id}/watermark")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var profile = await (await admin.GetAsync($"/api/v1/render-profiles/{id}")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        profile.GetProperty("version").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task The_watermark_image_in_use_cannot_be_removed_until_the_profile_stops_using_it()
    {
        var admin = await app.AdminAsync();
        var id = (await CreateAsync(admin, Profile("Logo", new { kind = "image" }))).GetProperty("id").GetInt64();
        (await admin.SendAsync(Upload(id, Png(), "\"1\""))).EnsureSuccessStatusCode();

        var refused = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/render-profiles/{id}/watermark").WithIfMatch("\"2\""));
        await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        var toText = HttpAssertions.Json(HttpMethod.Put, $"/api/v1/render-profiles/{id}", Profile("Logo")).WithIfMatch("\"2\"");
        var switched = await (await admin.SendAsync(toText)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        switched.GetProperty("watermark").GetProperty("image").ValueKind.ShouldBe(JsonValueKind.Object, "the uploaded image stays while unused");
        var removed = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/render-profiles/{id}/watermark").WithIfMatch("\"3\""));
        var body = await removed.ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        body.GetProperty("watermark").GetProperty("image").ValueKind.ShouldBe(JsonValueKind.Null);
        (await admin.GetAsync($"/api/v1/render-profiles/{id}/watermark")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_photographer_reads_profiles_but_cannot_change_them()
    {
        var admin = await app.AdminAsync();
        var id = (await CreateAsync(admin, Profile("Read only"))).GetProperty("id").GetInt64();
        var photographer = await app.AsRoleAsync(UserRole.Photographer);

        (await photographer.GetAsync($"/api/v1/render-profiles/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await photographer.PostAsJsonAsync("/api/v1/render-profiles", Profile("Mine"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
