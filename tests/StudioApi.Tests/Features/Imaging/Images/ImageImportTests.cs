using System.Net;
using NetVips;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Imaging.Images;

public sealed class ImageImportTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task Imported_images_are_numbered_in_upload_order_with_their_exif_and_listed_at_once()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);

        var response = await admin.ImportAsync(session, ImageKit.File("Landscape_6.jpg"), ImageKit.File("Portrait_1.jpg"));

        var body = await response.ShouldBeAsync<ImportBody>(HttpStatusCode.OK);
        body.Files.Select(f => (f.Index, f.Outcome, f.Image!.Number)).ShouldBe([(0, "imported", 1), (1, "imported", 2)]);
        var landscape = body.Files[0].Image!;
        (landscape.OriginalFileName, landscape.Format, landscape.ContentType).ShouldBe(("Landscape_6.jpg", "jpeg", "image/jpeg"));
        // As stored: rotated on its side, with the tag that says how to turn it upright.
        (landscape.Width, landscape.Height, landscape.Orientation).ShouldBe((1200, 1800, 6));
        landscape.ByteSize.ShouldBe(new FileInfo(ImageKit.TestImage("Landscape_6.jpg")).Length);
        landscape.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ImageKit.File("Landscape_6.jpg").Bytes)));

        var listed = await admin.ListAsync(session);
        listed.Select(i => i.Number).ShouldBe([1, 2]);
        listed.ShouldAllBe(i => i.RenditionState == "pending" || i.RenditionState == "ready");
    }

    [Fact]
    public async Task A_text_file_named_jpg_is_refused_with_415_and_leaves_no_file_and_no_row()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);

        var response = await admin.ImportAsync(session, ("holiday.jpg", "just some text, not a photo at all"u8.ToArray()));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        problem.GetProperty("detail").GetString()!.ShouldContain("not a JPEG");
        (await admin.ListAsync(session)).ShouldBeEmpty();
        ImageKit.StoredOriginals(app, session).ShouldBeEmpty();
        ImageKit.TempFiles(app).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_truncated_jpeg_is_refused_with_422_though_its_header_is_intact()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);
        var whole = ImageKit.File("Landscape_1.jpg").Bytes;

        var response = await admin.ImportAsync(session, ("cut.jpg", whole[..(whole.Length / 2)]));

        (await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!.ShouldContain("damaged");
        ImageKit.StoredOriginals(app, session).ShouldBeEmpty();
        ImageKit.TempFiles(app).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_jpeg_whose_header_promises_more_rows_than_its_scan_holds_is_refused_as_damaged()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);
        var whole = ImageKit.File("Landscape_1.jpg").Bytes;
        JpegSurgery.Height(whole).ShouldBe(1200);

        // Decoded leniently, libjpeg warns "premature end of data segment" and fills rows 1200 to 9000 with grey.
        var response = await admin.ImportAsync(session, ("tall.jpg", JpegSurgery.WithHeight(whole, 9000)));

        var detail = (await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!;
        detail.ShouldContain("damaged");
        detail.ShouldContain("premature end of data segment");
        (await admin.ListAsync(session)).ShouldBeEmpty();
        ImageKit.StoredOriginals(app, session).ShouldBeEmpty();
        ImageKit.TempFiles(app).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_jpeg_with_a_harmless_decoder_warning_imports_whole()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);
        // Padding before a marker: libjpeg warns "3 extraneous bytes before marker 0xc0" and decodes every pixel.
        var padded = JpegSurgery.WithPaddingBeforeFrame(ImageKit.File("Landscape_1.jpg").Bytes);

        var response = await admin.ImportAsync(session, ("padded.jpg", padded));

        var file = (await response.ShouldBeAsync<ImportBody>(HttpStatusCode.OK)).Files.Single();
        file.Outcome.ShouldBe("imported");
        (file.Image!.Width, file.Image.Height).ShouldBe((1800, 1200));
        var rendered = (await admin.WhenRenderedAsync(session)).Single();
        rendered.RenditionState.ShouldBe("ready");
    }

    [Fact]
    public async Task A_duplicate_within_the_session_is_reported_with_the_image_it_repeats_and_not_stored_twice()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);
        (await admin.ImportAsync(session, ImageKit.File("Landscape_1.jpg"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await admin.ImportAsync(session, ("copy-of-landscape.jpg", ImageKit.File("Landscape_1.jpg").Bytes), ImageKit.File("Portrait_1.jpg"));

        var files = (await response.ShouldBeAsync<ImportBody>(HttpStatusCode.OK)).Files;
        (files[0].Outcome, files[0].DuplicateOfNumber).ShouldBe(("duplicate", 1));
        (files[1].Outcome, files[1].Image!.Number).ShouldBe(("imported", 2));
        (await admin.ListAsync(session)).Count.ShouldBe(2);
        ImageKit.StoredOriginals(app, session).Length.ShouldBe(2);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_413_while_the_others_of_the_upload_are_imported()
    {
        await using var small = app.WithWebHostBuilder(b => b.UseSetting("Images:MaxFileBytes", "300000"));
        var admin = await ImageKit.AdminOfAsync(small);
        var session = await ImageKit.NewSessionAsync(app);
        var big = ImageKit.File("Landscape_1.jpg"); // 347 kB
        var fits = ("tiny.png", TinyPng());

        var alone = await admin.ImportAsync(session, big);
        await alone.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        var mixed = await (await admin.ImportAsync(session, big, fits)).ShouldBeAsync<ImportBody>(HttpStatusCode.OK);
        (mixed.Files[0].Outcome, mixed.Files[0].Problem!.Status).ShouldBe(("rejected", 413));
        (mixed.Files[1].Outcome, mixed.Files[1].Image!.Format).ShouldBe(("imported", "png"));
        ImageKit.StoredOriginals(app, session).Length.ShouldBe(1);
        ImageKit.TempFiles(app).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_pixel_bomb_small_on_disk_is_refused_with_422_from_its_header_and_never_rendered()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);
        // 20000 × 20000 pixels (400 MP, 1.2 GB decoded) in a few hundred kilobytes.
        byte[] bomb;
        using (var black = Image.Black(20000, 20000))
            bomb = black.PngsaveBuffer(compression: 9);
        bomb.Length.ShouldBeLessThan(2_000_000);

        var response = await admin.ImportAsync(session, ("bomb.png", bomb));

        (await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!.ShouldContain("20000 × 20000");
        (await admin.ListAsync(session)).ShouldBeEmpty();
        ImageKit.TempFiles(app).ShouldBeEmpty();
    }

    [Fact]
    public async Task Concurrent_imports_into_one_session_get_distinct_consecutive_numbers()
    {
        var session = await ImageKit.NewSessionAsync(app);
        var names = new[] { "Landscape_2.jpg", "Landscape_3.jpg", "Landscape_4.jpg", "Portrait_2.jpg", "Portrait_3.jpg", "Portrait_4.jpg" };
        var clients = await Task.WhenAll(names.Select(_ => app.AdminAsync()));

        var responses = await Task.WhenAll(names.Select((name, i) => clients[i].ImportAsync(session, ImageKit.File(name))));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var numbers = (await clients[0].ListAsync(session)).Select(i => i.Number).Order().ToList();
        numbers.ShouldBe([1, 2, 3, 4, 5, 6]);
    }

    [Fact]
    public async Task A_retried_upload_with_the_same_idempotency_key_replays_the_first_result_and_imports_once()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);
        HttpRequestMessage Upload()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{session}/images")
            {
                Content = ImageKit.Form(ImageKit.File("Portrait_5.jpg")),
            };
            request.Headers.Add("Idempotency-Key", "kiosk-upload-1");
            return request;
        }

        var first = await (await admin.SendAsync(Upload())).ShouldBeAsync<ImportBody>(HttpStatusCode.OK);
        var retry = await admin.SendAsync(Upload());

        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await retry.ShouldBeAsync<ImportBody>(HttpStatusCode.OK)).Files.Single().Image!.Id.ShouldBe(first.Files.Single().Image!.Id);
        (await admin.ListAsync(session)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_request_that_is_not_multipart_is_refused_with_415_and_one_without_files_with_400()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);

        var json = await admin.PostAsync($"/api/v1/sessions/{session}/images", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var empty = await admin.PostAsync($"/api/v1/sessions/{session}/images", new MultipartFormDataContent { { new StringContent("x"), "note" } });

        await json.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Photographers_import_and_sales_kiosks_only_read()
    {
        var session = await ImageKit.NewSessionAsync(app);
        var photographer = await app.AsRoleAsync(StudioApi.Platform.Auth.UserRole.Photographer);
        var sales = await app.AsRoleAsync(StudioApi.Platform.Auth.UserRole.Sales);

        (await photographer.ImportAsync(session, ImageKit.File("Portrait_6.jpg"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sales.ImportAsync(session, ImageKit.File("Portrait_7.jpg"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await sales.ListAsync(session)).Count.ShouldBe(1);
    }

    static byte[] TinyPng()
    {
        using var image = Image.Black(8, 8);
        return image.PngsaveBuffer();
    }
}
