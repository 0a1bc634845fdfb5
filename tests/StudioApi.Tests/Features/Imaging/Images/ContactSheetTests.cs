using System.Net;
using Microsoft.EntityFrameworkCore;
using NetVips;
using StudioApi.Tests.Infrastructure;
using StudioApi.Features.Imaging;

namespace StudioApi.Tests.Features.Imaging.Images;

public sealed class ContactSheetTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task Thirty_five_images_on_six_by_five_make_two_jpeg_pages_of_the_grids_size_and_a_third_page_is_not_found()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);
        var files = Enumerable.Range(1, 35).Select(i => ProofingKit.Jpeg($"IMG_{i:0000}.jpg", 1000 + i)).ToArray();
        (await admin.ImportAsync(session, files)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await admin.WhenRenderedAsync(session);

        var first = await admin.GetAsync($"/api/v1/sessions/{session}/contact-sheet?page=1&columns=6&rows=5");

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        first.Headers.GetValues("X-Total-Pages").Single().ShouldBe("2");
        first.Headers.GetValues("Link").Single().ShouldContain("page=2");
        using (var sheet = Image.NewFromBuffer(await first.Content.ReadAsByteArrayAsync()))
            (sheet.Width, sheet.Height).ShouldBe((6 * 340, 60 + 5 * 374));

        var second = await admin.GetAsync($"/api/v1/sessions/{session}/contact-sheet?page=2&columns=6&rows=5");
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.Headers.Contains("Link").ShouldBeFalse();
        (await (await admin.GetAsync($"/api/v1/sessions/{session}/contact-sheet?page=3&columns=6&rows=5")).ShouldBeProblemAsync(HttpStatusCode.NotFound))
            .GetProperty("detail").GetString()!.ShouldContain("2 pages");
    }

    [Fact]
    public async Task An_image_without_a_thumbnail_is_drawn_as_a_grey_numbered_tile_and_the_grid_size_is_bounded()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);
        (await admin.ImportAsync(session, ProofingKit.Jpeg("a.jpg", 2001), ProofingKit.Jpeg("b.jpg", 2002))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await admin.WhenRenderedAsync(session);
        // As if the worker could not make the second one's thumbnail.
        await app.WithDbAsync(db => db.SessionImages.Where(i => i.SessionId == session && i.Number == 2)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.RenditionState, StudioApi.Features.Imaging.Images.RenditionState.Failed)));

        var response = await admin.GetAsync($"/api/v1/sessions/{session}/contact-sheet?columns=2&rows=1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var sheet = Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
        (sheet.Width, sheet.Height).ShouldBe((2 * 340, 60 + 374));
        // Near the left edge of each cell, halfway down: white around the small first thumbnail, grey in the placeholder.
        sheet.Getpoint(20, 60 + 10 + 160)[0].ShouldBeGreaterThan(240);
        sheet.Getpoint(340 + 20, 60 + 10 + 160)[0].ShouldBeInRange(190, 210);

        var problem = await (await admin.GetAsync($"/api/v1/sessions/{session}/contact-sheet?columns=11&rows=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors().ShouldBe(["columns", "rows"], ignoreOrder: true);
    }
}
