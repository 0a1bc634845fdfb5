using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetVips;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Tests.Features.Imaging.Images;
using StudioApi.Platform.Background;
using StudioApi.Tests.Infrastructure;
using StudioApi.Features.Imaging;

namespace StudioApi.Tests.Features.Imaging.RenderRuns;

/// <summary>Render runs through the API with the real background worker, on the orientation test photos.</summary>
public sealed class RenderRunTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task A_run_renders_every_image_into_a_zip_whose_files_match_the_manifest()
    {
        var admin = await app.AdminAsync();
        var profile = await RenderRunKit.NewProfileAsync(admin);
        var session = await RenderRunKit.SessionWithImagesAsync(app, admin, "Landscape_1.jpg", "Portrait_6.jpg", "Landscape_3.jpg");

        var response = await admin.PostAsJsonAsync("/api/v1/render-runs", new { profileId = profile, sessionIds = new[] { session.Id } });
        var accepted = await response.ShouldBeAsync<RunBody>(HttpStatusCode.Accepted);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/render-runs/{accepted.Id}");
        accepted.State.ShouldBe("queued");
        accepted.Total.ShouldBe(3);
        accepted.Output.ShouldBeNull();

        var run = await admin.WhenFinishedAsync(accepted.Id);
        run.State.ShouldBe("completed");
        (run.Total, run.Done, run.Failed).ShouldBe((3, 3, 0));
        run.Sessions.ShouldBe([new RunSessionBody(session.Id, session.Number)]);
        run.StartedAt.ShouldNotBeNull();
        run.FinishedAt.ShouldNotBeNull();
        run.CreatedBy.ShouldBe("admin");

        var zipResponse = await admin.GetAsync(run.Output!.Zip);
        zipResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        zipResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        var zipBytes = await zipResponse.Content.ReadAsByteArrayAsync();
        zipBytes.Length.ShouldBe((int)run.Output.ZipBytes);
        var manifest = await (await admin.GetAsync(run.Output.Manifest)).ShouldBeAsync<ManifestBody>(HttpStatusCode.OK);

        using var zip = new ZipArchive(new MemoryStream(zipBytes));
        var expected = new[] { 1, 2, 3 }.Select(n => $"{session.Number}-{n}.jpg").ToArray();
        zip.Entries.Select(e => e.FullName).Order().ShouldBe(expected.Append("manifest.json").Order());
        manifest.State.ShouldBe("completed");
        manifest.Errors.ShouldBeEmpty();
        manifest.Profile.GetProperty("size").GetProperty("longEdgePx").GetInt32().ShouldBe(300);
        manifest.Files.Select(f => f.Name).ShouldBe(expected);
        foreach (var file in manifest.Files)
        {
            var entry = Read(zip, file.Name);
            Convert.ToHexStringLower(SHA256.HashData(entry)).ShouldBe(file.Sha256, file.Name);
            entry.Length.ShouldBe((int)file.Bytes);
            file.SessionNumber.ShouldBe(session.Number);
            using var image = Image.NewFromBuffer(entry);
            Math.Max(image.Width, image.Height).ShouldBe(300, file.Name);
        }
        // Upright from EXIF: the portrait photo comes out taller than wide.
        using (var portrait = Image.NewFromBuffer(Read(zip, $"{session.Number}-2.jpg")))
            portrait.Height.ShouldBeGreaterThan(portrait.Width);
        // The zip's manifest is the manifest the API serves.
        System.Text.Json.JsonSerializer.Deserialize<ManifestBody>(Read(zip, "manifest.json"), HttpAssertions.JsonOptions)!
            .Files.ShouldBe(manifest.Files);
    }

    [Fact]
    public async Task The_zip_is_served_with_an_etag_ranges_and_not_modified()
    {
        var admin = await app.AdminAsync();
        var profile = await RenderRunKit.NewProfileAsync(admin);
        var session = await RenderRunKit.SessionWithImagesAsync(app, admin, "Landscape_2.jpg");
        var run = await admin.WhenFinishedAsync((await admin.StartAsync(profile, session.Id)).Id);

        var whole = await admin.GetAsync(run.Output!.Zip);
        var etag = whole.Headers.ETag!;
        whole.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"render-run-{run.Id}.zip");

        var range = new HttpRequestMessage(HttpMethod.Get, run.Output.Zip);
        range.Headers.Range = new RangeHeaderValue(0, 3);
        var part = await admin.SendAsync(range);
        part.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await part.Content.ReadAsByteArrayAsync()).ShouldBe("PK\u0003\u0004"u8.ToArray());

        var again = new HttpRequestMessage(HttpMethod.Get, run.Output.Zip);
        again.Headers.IfNoneMatch.Add(etag);
        (await admin.SendAsync(again)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task A_corrupt_original_is_an_error_of_that_image_and_the_run_completes_with_errors()
    {
        var admin = await app.AdminAsync();
        var profile = await RenderRunKit.NewProfileAsync(admin);
        var session = await RenderRunKit.SessionWithImagesAsync(app, admin, "Landscape_4.jpg", "Portrait_4.jpg");
        await RenderRunKit.CorruptOriginalAsync(app, session.Id, imageNumber: 2);

        var run = await admin.WhenFinishedAsync((await admin.StartAsync(profile, session.Id)).Id);

        run.State.ShouldBe("completedWithErrors");
        (run.Total, run.Done, run.Failed).ShouldBe((2, 1, 1));
        var error = run.Errors.ShouldHaveSingleItem();
        (error.SessionNumber, error.ImageNumber).ShouldBe((session.Number, 2));
        error.Message.ShouldNotBeNullOrWhiteSpace();

        var manifest = await (await admin.GetAsync(run.Output!.Manifest)).ShouldBeAsync<ManifestBody>(HttpStatusCode.OK);
        manifest.Files.Select(f => f.ImageNumber).ShouldBe([1]);
        manifest.Errors.ShouldHaveSingleItem().ImageNumber.ShouldBe(2);
        using var zip = new ZipArchive(new MemoryStream(await admin.GetByteArrayAsync(run.Output.Zip)));
        zip.Entries.Select(e => e.FullName).Order().ShouldBe(new[] { $"{session.Number}-1.jpg", "manifest.json" });
    }

    [Fact]
    public async Task A_run_over_sessions_without_images_fails_saying_there_was_nothing_to_render()
    {
        var admin = await app.AdminAsync();
        var profile = await RenderRunKit.NewProfileAsync(admin);
        var session = await RenderRunKit.SessionWithImagesAsync(app, admin);

        var run = await admin.WhenFinishedAsync((await admin.StartAsync(profile, session.Id)).Id);

        run.State.ShouldBe("failed");
        run.Total.ShouldBe(0);
        run.Error.ShouldBe("There were no images to render.");
    }

    [Fact]
    public async Task Files_of_several_sessions_are_named_by_the_pattern_and_a_clash_gets_a_suffix()
    {
        var admin = await app.AdminAsync();
        // {imageNumber} alone repeats across sessions: the second of each name gets -2.
        var profile = await RenderRunKit.NewProfileAsync(admin, pattern: "photo-{imageNumber}");
        var first = await RenderRunKit.SessionWithImagesAsync(app, admin, "Landscape_1.jpg");
        var second = await RenderRunKit.SessionWithImagesAsync(app, admin, "Portrait_1.jpg");

        var run = await admin.WhenFinishedAsync((await admin.StartAsync(profile, first.Id, second.Id)).Id);

        run.State.ShouldBe("completed");
        var manifest = await (await admin.GetAsync(run.Output!.Manifest)).ShouldBeAsync<ManifestBody>(HttpStatusCode.OK);
        manifest.Files.Select(f => (f.Name, f.SessionNumber)).ShouldBe([("photo-1.jpg", first.Number), ("photo-1-2.jpg", second.Number)]);
    }

    [Fact]
    public async Task A_run_is_refused_for_an_unknown_profile_or_session_and_for_images_that_arrive_with_proofing()
    {
        var admin = await app.AdminAsync();
        var profile = await RenderRunKit.NewProfileAsync(admin);
        var session = await RenderRunKit.SessionWithImagesAsync(app, admin, "Landscape_1.jpg");

        var empty = await admin.PostAsJsonAsync("/api/v1/render-runs", new { profileId = profile, sessionIds = Array.Empty<long>() });
        (await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["sessionIds"]);
        var tooMany = await admin.PostAsJsonAsync("/api/v1/render-runs", new { profileId = profile, sessionIds = Enumerable.Range(1, 501).ToArray() });
        (await tooMany.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["sessionIds"]);
        (await (await admin.PostAsJsonAsync("/api/v1/render-runs", new { profileId = 999_999, sessionIds = new[] { session.Id } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["profileId"]);
        (await (await admin.PostAsJsonAsync("/api/v1/render-runs", new { profileId = profile, sessionIds = new[] { session.Id, 999_999 } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["sessionIds[1]"]);
    }

    [Fact]
    public async Task A_favorites_profile_renders_only_the_favorite_images_cut_to_their_proofing_crop()
    {
        var admin = await app.AdminAsync();
        var favorites = await RenderRunKit.NewProfileAsync(admin, images: "favorites");
        var session = await RenderRunKit.SessionWithImagesAsync(app, admin, "Landscape_1.jpg", "Landscape_3.jpg");
        var images = await (await admin.GetAsync($"/api/v1/sessions/{session.Id}/images")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        var second = images.GetProperty("items")[1];
        // Upright 1800 × 1200: a 960 × 1200 cut is a 4:5 portrait.
        var proofing = HttpAssertions.Json(HttpMethod.Put, $"/api/v1/images/{second.GetProperty("id").GetInt64()}/proofing", new
        {
            proofState = "selected", favorite = true, hiddenOnline = false, rotation = 0, yearbookRole = "none",
            crop = new { x = 0.2, y = 0.0, width = 960.0 / 1800, height = 1.0, aspectRatio = "4:5" },
        }).WithIfMatch($"\"{second.GetProperty("version").GetInt32()}\"");
        (await admin.SendAsync(proofing)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var run = await admin.WhenFinishedAsync((await admin.StartAsync(favorites, session.Id)).Id);

        (run.State, run.Total).ShouldBe(("completed", 1));
        using var zip = new ZipArchive(new MemoryStream(await admin.GetByteArrayAsync(run.Output!.Zip)));
        using var rendered = Image.NewFromBuffer(Read(zip, $"{session.Number}-2.jpg"));
        (rendered.Width, rendered.Height).ShouldBe((240, 300));
    }

    [Fact]
    public async Task The_same_idempotency_key_replays_the_run_instead_of_starting_a_second()
    {
        var admin = await app.AdminAsync();
        var profile = await RenderRunKit.NewProfileAsync(admin);
        var session = await RenderRunKit.SessionWithImagesAsync(app, admin, "Landscape_1.jpg");
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> PostAsync()
        {
            var request = HttpAssertions.Json(HttpMethod.Post, "/api/v1/render-runs", new { profileId = profile, sessionIds = new[] { session.Id } });
            request.Headers.Add("Idempotency-Key", key);
            return await admin.SendAsync(request);
        }

        var first = await (await PostAsync()).ShouldBeAsync<RunBody>(HttpStatusCode.Accepted);
        var replay = await PostAsync();
        (await replay.ShouldBeAsync<RunBody>(HttpStatusCode.Accepted)).Id.ShouldBe(first.Id);
        replay.Headers.Location!.ToString().ShouldBe($"/api/v1/render-runs/{first.Id}");
        var runs = await (await admin.GetAsync($"/api/v1/render-runs?sessionId={session.Id}")).ShouldBeAsync<RunPage>(HttpStatusCode.OK);
        runs.Items.ShouldHaveSingleItem().Id.ShouldBe(first.Id);
    }

    [Fact]
    public async Task A_run_in_progress_can_be_cancelled_once_and_then_has_no_output()
    {
        var admin = await app.AdminAsync();
        var session = await RenderRunKit.SessionWithImagesAsync(app, admin, "Landscape_1.jpg");
        var profile = await RenderRunKit.NewProfileAsync(admin);
        // A run another server is working on (its lease current), so the cancel meets it mid-run.
        var runId = await InsertRunAsync(session, profile, RenderRunState.Running, DateTime.UtcNow.AddHours(1));

        var cancelled = await (await admin.PostAsync($"/api/v1/render-runs/{runId}/cancel", null)).ShouldBeAsync<RunBody>(HttpStatusCode.OK);
        cancelled.State.ShouldBe("cancelled");
        cancelled.FinishedAt.ShouldNotBeNull();

        (await (await admin.PostAsync($"/api/v1/render-runs/{runId}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetRawText().ShouldContain("cancelled");
        (await admin.GetAsync($"/api/v1/render-runs/{runId}/zip")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.GetAsync($"/api/v1/render-runs/{runId}/manifest")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var listed = await (await admin.GetAsync($"/api/v1/render-runs?state=cancelled&sessionId={session.Id}")).ShouldBeAsync<RunPage>(HttpStatusCode.OK);
        listed.Items.ShouldHaveSingleItem().Id.ShouldBe(runId);
        // A cancelled run is not picked up again once its lease runs out. The worker takes the oldest claimable run
        // first, so once a run started after it has finished, the worker has passed the cancelled one by.
        await app.WithDbAsync(db => db.RenderRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Work.LeaseUntil, DateTime.UtcNow.AddMinutes(-1))));
        await admin.WhenFinishedAsync((await admin.StartAsync(profile, session.Id)).Id);
        (await admin.GetRunAsync(runId)).State.ShouldBe("cancelled");
    }

    [Fact]
    public async Task A_finished_run_cannot_be_cancelled()
    {
        var admin = await app.AdminAsync();
        var profile = await RenderRunKit.NewProfileAsync(admin);
        var session = await RenderRunKit.SessionWithImagesAsync(app, admin, "Landscape_1.jpg");
        var run = await admin.WhenFinishedAsync((await admin.StartAsync(profile, session.Id)).Id);

        (await (await admin.PostAsync($"/api/v1/render-runs/{run.Id}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetRawText().ShouldContain("already finished");
        (await admin.GetRunAsync(run.Id)).State.ShouldBe("completed");
    }

    [Fact]
    public async Task A_run_left_running_by_a_stopped_server_resumes_after_a_restart_without_rendering_its_done_images_again()
    {
        var admin = await app.AdminAsync();
        var session = await RenderRunKit.SessionWithImagesAsync(app, admin, "Landscape_1.jpg", "Portrait_1.jpg");
        var profile = await RenderRunKit.NewProfileAsync(admin);
        // As a crash leaves it: image 1 rendered and recorded, image 2 pending, the dead worker's lease run out.
        var done = "rendered before the restart"u8.ToArray();
        var runId = await InsertRunAsync(session, profile, RenderRunState.Running, DateTime.UtcNow.AddMinutes(-1), firstDone: done);

        await using var restarted = app.WithWebHostBuilder(_ => { });
        var client = await ImageKit.AdminOfAsync(restarted);
        var run = await client.WhenFinishedAsync(runId);

        run.State.ShouldBe("completed");
        (run.Total, run.Done, run.Failed).ShouldBe((2, 2, 0));
        using var zip = new ZipArchive(new MemoryStream(await client.GetByteArrayAsync(run.Output!.Zip)));
        Read(zip, $"{session.Number}-1.jpg").ShouldBe(done);
        using var second = Image.NewFromBuffer(Read(zip, $"{session.Number}-2.jpg"));
        Math.Max(second.Width, second.Height).ShouldBe(300);
    }

    /// <summary>A run as the planner makes it, over the session's images, in the given state; optionally image 1 already rendered.</summary>
    async Task<long> InsertRunAsync((long Id, int Number) session, long profileId, RenderRunState state, DateTime leaseUntil, byte[]? firstDone = null)
    {
        var images = await app.WithDbAsync(db => db.SessionImages.Where(i => i.SessionId == session.Id).OrderBy(i => i.Number).ToListAsync());
        var run = new RenderRun
        {
            ProfileId = profileId, ProfileName = "Inserted", State = state, Total = images.Count, Done = firstDone is null ? 0 : 1,
            CreatedBy = "admin", CreatedAt = DateTime.UtcNow, StartedAt = DateTime.UtcNow, Work = new WorkLease { LeaseUntil = leaseUntil },
            Sessions = [new RenderRunSession { SessionId = session.Id, SessionNumber = session.Number }],
        };
        await app.WithDbAsync(async db =>
        {
            await db.Database.BeginTransactionAsync();
            db.RenderRuns.Add(run);
            await db.SaveChangesAsync();
            var items = images.Select(i => new RenderRunItem
            {
                RunId = run.Id, ImageId = i.Id, SessionId = session.Id, SessionNumber = session.Number, ImageNumber = i.Number,
                OutputName = $"{session.Number}-{i.Number}.jpg",
            }).ToList();
            db.RenderRunItems.AddRange(items);
            await db.SaveChangesAsync();
            if (firstDone is not null)
            {
                var path = Path.Combine(app.DataDirectory, "files", RenderRunItem.OutputKeyOf(run.Id, items[0].Id, items[0].OutputName));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, firstDone);
                items[0].State = RenderRunItemState.Done;
                items[0].Bytes = firstDone.Length;
                items[0].Sha256 = Convert.ToHexStringLower(SHA256.HashData(firstDone));
                await db.SaveChangesAsync();
            }
            await db.Database.CommitTransactionAsync();
        });
        return run.Id;
    }

    static byte[] Read(ZipArchive zip, string name)
    {
        using var entry = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        entry.CopyTo(copy);
        return copy.ToArray();
    }
}
