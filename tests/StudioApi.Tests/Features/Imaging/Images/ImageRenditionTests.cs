using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using StudioApi.Features.Imaging.Images;
using StudioApi.Tests.Infrastructure;
using StudioApi.Features.Imaging;
using StudioApi.Platform.Background;

namespace StudioApi.Tests.Features.Imaging.Images;

public sealed class ImageRenditionTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    static readonly string[] Orientations = ["0", "1", "2", "3", "4", "5", "6", "7", "8"];

    [Fact]
    public async Task Every_exif_orientation_comes_out_upright_in_the_preview_and_thumbnail()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);
        var names = Orientations.Select(o => $"Landscape_{o}.jpg").Concat(Orientations.Select(o => $"Portrait_{o}.jpg")).ToArray();

        var imported = await (await admin.ImportAsync(session, names.Select(ImageKit.File).ToArray())).ShouldBeAsync<ImportBody>(HttpStatusCode.OK);
        imported.Files.ShouldAllBe(f => f.Outcome == "imported");
        var images = await admin.WhenRenderedAsync(session);

        var previews = new Dictionary<string, byte[]>();
        foreach (var image in images)
        {
            var preview = await (await admin.GetAsync($"/api/v1/images/{image.Id}/preview")).Content.ReadAsByteArrayAsync();
            var thumbnail = await (await admin.GetAsync($"/api/v1/images/{image.Id}/thumbnail")).Content.ReadAsByteArrayAsync();
            using var p = Image.NewFromBuffer(preview);
            using var t = Image.NewFromBuffer(thumbnail);
            var landscape = image.OriginalFileName.StartsWith("Landscape");
            (p.Width > p.Height).ShouldBe(landscape, image.OriginalFileName);
            (t.Width > t.Height).ShouldBe(landscape, image.OriginalFileName);
            Math.Max(p.Width, p.Height).ShouldBe(1600, image.OriginalFileName);
            Math.Max(t.Width, t.Height).ShouldBe(320, image.OriginalFileName);
            p.Interpretation.ShouldBe(Enums.Interpretation.Srgb);
            // Metadata is stripped: a rendition carries no orientation to apply a second time.
            ((long)p.GetTypeOf("orientation")).ShouldBe(0L, image.OriginalFileName);
            previews[image.OriginalFileName] = preview;
        }

        // Mirrored or rotated the wrong way, a picture differs from the upright one far more than JPEG noise does.
        foreach (var kind in new[] { "Landscape", "Portrait" })
            foreach (var o in Orientations)
                MeanDifference(previews[$"{kind}_1.jpg"], previews[$"{kind}_{o}.jpg"]).ShouldBeLessThan(8, $"{kind}_{o}");
        MeanDifference(previews["Landscape_1.jpg"], Flop(previews["Landscape_1.jpg"])).ShouldBeGreaterThan(8);
    }

    [Fact]
    public async Task A_pending_image_left_by_a_stopped_server_is_rendered_after_a_restart()
    {
        var session = await ImageKit.NewSessionAsync(app);
        // As a crash leaves it: the file in place, the row pending, the lease of the dead worker run out.
        var key = $"sessions/{session}/left-behind/original.jpg";
        var path = Path.Combine(app.DataDirectory, "files", key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(ImageKit.TestImage("Portrait_8.jpg"), path);
        await app.WithDbAsync(async db =>
        {
            db.SessionImages.Add(new SessionImage
            {
                SessionId = session, Number = 1, OriginalFileName = "Portrait_8.jpg", Format = ImageFormat.Jpeg, ContentType = "image/jpeg",
                ByteSize = new FileInfo(path).Length, Sha256 = new string('a', 64), Width = 1200, Height = 1800, Orientation = 8,
                StorageKey = key, Rendition = new WorkLease { Attempts = 1, LeaseUntil = DateTime.UtcNow.AddMinutes(-1) },
            });
            await db.SaveChangesAsync();
        });

        await using var restarted = app.WithWebHostBuilder(_ => { });
        var admin = await ImageKit.AdminOfAsync(restarted);
        var image = (await admin.WhenRenderedAsync(session)).Single();

        var preview = await admin.GetAsync($"/api/v1/images/{image.Id}/preview");
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var upright = Image.NewFromBuffer(await preview.Content.ReadAsByteArrayAsync());
        (upright.Width, upright.Height).ShouldBe((1067, 1600));
        // The worker's bookkeeping is not an edit: the record's version is unchanged.
        image.Version.ShouldBe(1);
    }

    [Fact]
    public async Task An_image_this_server_held_when_it_died_is_rendered_at_once_after_a_restart_not_when_its_lease_runs_out()
    {
        var session = await ImageKit.NewSessionAsync(app);
        var key = $"sessions/{session}/held/original.jpg";
        var path = Path.Combine(app.DataDirectory, "files", key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(ImageKit.TestImage("Landscape_6.jpg"), path);
        // As a crash leaves it: claimed by this server (same machine, same data directory) under a lease of an hour.
        var server = app.Services.GetRequiredService<BackgroundInstance>().Id;
        await app.WithDbAsync(async db =>
        {
            db.SessionImages.Add(new SessionImage
            {
                SessionId = session, Number = 1, OriginalFileName = "Landscape_6.jpg", Format = ImageFormat.Jpeg, ContentType = "image/jpeg",
                ByteSize = new FileInfo(path).Length, Sha256 = new string('b', 64), Width = 1800, Height = 1200, Orientation = 6,
                StorageKey = key, Rendition = new WorkLease { LeaseOwner = server, LeaseUntil = DateTime.UtcNow.AddHours(1), Attempts = 1 },
            });
            await db.SaveChangesAsync();
        });

        await using var restarted = app.WithWebHostBuilder(_ => { });
        var admin = await ImageKit.AdminOfAsync(restarted);
        (await admin.WhenRenderedAsync(session)).ShouldHaveSingleItem();
        var image = await app.WithDbAsync(db => db.SessionImages.AsNoTracking().SingleAsync(i => i.SessionId == session));
        (image.Rendition.Attempts, image.Rendition.LeaseOwner, image.Rendition.LeaseUntil).ShouldBe((2, null, null));
    }

    [Fact]
    public async Task An_image_whose_original_cannot_be_rendered_ends_failed_with_the_reason()
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);
        var image = (await (await admin.ImportAsync(session, ImageKit.File("Landscape_5.jpg"))).ShouldBeAsync<ImportBody>(HttpStatusCode.OK)).Files[0].Image!;
        await admin.WhenRenderedAsync(session);
        // Queued again (as after a restore from a backup) with its original lost from the store.
        await app.WithDbAsync(db => db.SessionImages.Where(i => i.Id == image.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.StorageKey, $"sessions/{session}/gone/original.jpg")
                .SetProperty(i => i.RenditionState, RenditionState.Pending).SetProperty(i => i.Rendition.Attempts, 2)
                .SetProperty(i => i.Rendition.LeaseUntil, (DateTime?)null)));

        var current = await Eventually.ValueAsync(async () =>
        {
            var now = await (await admin.GetAsync($"/api/v1/images/{image.Id}")).ShouldBeAsync<ImageBody>(HttpStatusCode.OK);
            return now.RenditionState == "pending" ? null : now;
        }, TimeSpan.FromSeconds(30), () => "the worker to take the image up again");

        current.RenditionState.ShouldBe("failed");
        current.RenditionError!.ShouldContain("missing");
        (await admin.GetAsync($"/api/v1/images/{image.Id}/preview")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    static double MeanDifference(byte[] a, byte[] b)
    {
        using var small1 = Image.ThumbnailBuffer(a, 64, height: 64, size: Enums.Size.Force);
        using var small2 = Image.ThumbnailBuffer(b, 64, height: 64, size: Enums.Size.Force);
        using var difference = (small1 - small2).Abs();
        return difference.Avg();
    }

    static byte[] Flop(byte[] jpeg)
    {
        using var image = Image.NewFromBuffer(jpeg);
        using var flopped = image.FlipHor();
        return flopped.JpegsaveBuffer();
    }
}
