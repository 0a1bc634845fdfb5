using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Features.Imaging;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Storage.Reconciliation;
using StudioApi.Tests.Features.Imaging.GroupCapture;
using StudioApi.Tests.Features.Imaging.Images;
using StudioApi.Tests.Features.Imaging.RenderRuns;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Storage;

/// <summary>The storage reconciler: the file store compared with the database, orphans quarantined, missing files reported.</summary>
public sealed class StorageReconciliationTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    static readonly DateTime LongAgo = DateTime.UtcNow.AddHours(-3);

    string Stored(string key) => Path.Combine(app.DataDirectory, "files", key);

    /// <summary>A file in the store that no record accounts for, last written <paramref name="writtenAt"/>.</summary>
    string Inject(string key, DateTime writtenAt, int bytes = 1234)
    {
        var path = Stored(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Enumerable.Range(0, bytes).Select(i => (byte)i).ToArray());
        File.SetLastWriteTimeUtc(path, writtenAt);
        return key;
    }

    [Fact]
    public async Task Orphan_files_are_moved_to_quarantine_and_records_without_their_file_are_reported_with_nothing_deleted()
    {
        var admin = await app.AdminAsync();
        var (session, _) = await RenderRunKit.SessionWithImagesAsync(app, admin, "Landscape_1.jpg", "Portrait_2.jpg", "Landscape_3.jpg");
        var images = await admin.WhenRenderedAsync(session);
        var school = await ProofingKit.NewOrganizationAsync(app);
        var held = (await (await admin.PostAsync($"/api/v1/organizations/{school}/group-capture", ImageKit.Form(ProofingKit.Jpeg("nobody.jpg", 7001))))
            .ShouldBeAsync<GroupCaptureBody>(HttpStatusCode.OK)).Files.Single();
        var run = await admin.WhenFinishedAsync((await admin.StartAsync(await RenderRunKit.NewProfileAsync(admin), session)).Id);
        run.State.ShouldBe("completed");
        (await app.CompareStoreAsync()).Missing.ShouldBeEmpty("a fresh store is whole");

        // Files nobody recorded: a stray original in a session's folder, a run folder without a run, something unknown.
        var orphans = new[]
        {
            Inject($"sessions/{session}/{Guid.NewGuid():N}/original.jpg", LongAgo, 5000),
            Inject("render-runs/987654/manifest.json", LongAgo, 300),
            Inject("stray/notes.bin", LongAgo, 70),
        };
        var young = Inject($"sessions/{session}/{Guid.NewGuid():N}/original.jpg", DateTime.UtcNow); // could be an import about to commit
        var abandonedTemp = Path.Combine(app.DataDirectory, "files", ".tmp", $"upload-{Guid.NewGuid():N}.part");
        Directory.CreateDirectory(Path.GetDirectoryName(abandonedTemp)!);
        File.WriteAllBytes(abandonedTemp, new byte[2048]);
        File.SetLastWriteTimeUtc(abandonedTemp, DateTime.UtcNow.AddDays(-2));
        // Records whose file went: an original, a ready image's thumbnail, the held capture, the run's zip.
        var keys = await app.WithDbAsync(db => db.SessionImages.Where(i => i.SessionId == session).OrderBy(i => i.Number).Select(i => i.StorageKey).ToListAsync());
        var captureKey = await app.WithDbAsync(db => db.UnmatchedCaptures.Where(c => c.Id == held.UnmatchedCaptureId).Select(c => c.StorageKey).SingleAsync());
        File.Delete(Stored(keys[0]));
        File.Delete(Stored(keys[1].Replace("original.jpg", "thumbnail.jpg")));
        File.Delete(Stored(captureKey));
        File.Delete(Stored($"render-runs/{run.Id}/render-run-{run.Id}.zip"));

        var report = await admin.ReconcileAsync();

        report.State.ShouldBe("completed");
        report.RequestedBy.ShouldBe("admin");
        report.OrphanFiles.ShouldBe(3);
        report.OrphanBytes.ShouldBe(5370);
        report.UnsettledFiles.ShouldBe(1);
        report.AbandonedTemporaryFiles.ShouldBe(1);
        report.Findings.Where(f => f.Kind == "orphanFile").Select(f => f.Key).ShouldBe(orphans, ignoreOrder: true);
        foreach (var orphan in report.Findings.Where(f => f.Kind is "orphanFile" or "abandonedTemporaryFile"))
        {
            orphan.QuarantinedAs!.ShouldStartWith($"files/.quarantine/reconciliation-{report.Id}/");
            File.Exists(Path.Combine(app.DataDirectory, orphan.QuarantinedAs)).ShouldBeTrue($"{orphan.Key} is kept in quarantine");
        }
        orphans.ShouldAllBe(key => !File.Exists(Stored(key)));
        File.Exists(Stored(young)).ShouldBeTrue("a file written within the grace period is left alone");
        File.Exists(abandonedTemp).ShouldBeFalse();

        report.MissingFiles.ShouldBe(4);
        report.Findings.Where(f => f.Kind == "missingFile").Select(f => (f.RecordKind, f.Key)).ShouldBe([
            ("sessionImage", keys[0]), ("sessionImage", keys[1].Replace("original.jpg", "thumbnail.jpg")),
            ("unmatchedCapture", captureKey), ("renderRun", $"render-runs/{run.Id}/render-run-{run.Id}.zip")], ignoreOrder: true);
        report.Findings.Single(f => f.Key == keys[0]).RecordId.ShouldBe(images[0].Id);
        // Reported, not deleted: the records are all still there.
        (await admin.ListAsync(session)).Count.ShouldBe(3);
        (await admin.GetAsync($"/api/v1/unmatched-captures/{held.UnmatchedCaptureId}/original")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => db.UnmatchedCaptures.CountAsync(c => c.Id == held.UnmatchedCaptureId))).ShouldBe(1);

        var latest = await (await admin.GetAsync("/api/v1/storage/reconciliations/latest")).ShouldBeAsync<StorageReconciliationBody>(HttpStatusCode.OK);
        latest.Id.ShouldBe(report.Id);
        latest.MissingFiles.ShouldBe(4);

        // Again: the orphans are gone from the store, the missing files are still reported.
        var again = await admin.ReconcileAsync();
        again.OrphanFiles.ShouldBe(0);
        again.MissingFiles.ShouldBe(4);
        again.FilesChecked.ShouldBe(report.FilesChecked - 3);
    }

    [Fact]
    public async Task While_imports_are_in_flight_the_reconciler_quarantines_nothing_that_belongs_to_an_import()
    {
        var admin = await app.AdminAsync();
        var sessions = new List<long>();
        for (var i = 0; i < 4; i++)
            sessions.Add(await ImageKit.NewSessionAsync(app));
        var orphan = Inject($"sessions/{sessions[0]}/{Guid.NewGuid():N}/original.jpg", LongAgo);

        // Imports stalled between storing their files and committing their rows: the database's write lock is held.
        var originalsBefore = sessions.Sum(s => ImageKit.StoredOriginals(app, s).Length);
        var stalled = new List<Task<HttpResponseMessage>>();
        await using (var writer = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "studio.db")}"))
        {
            await writer.OpenAsync();
            await using (var lockWrites = writer.CreateCommand())
            {
                lockWrites.CommandText = "BEGIN IMMEDIATE;";
                await lockWrites.ExecuteNonQueryAsync();
            }
            stalled.AddRange(sessions.Select((s, i) => admin.ImportAsync(s, ProofingKit.Jpeg($"stalled-{i}.jpg", 7100 + i), ProofingKit.Jpeg($"stalled-{i}b.jpg", 7200 + i))));
            await RenderRunKit.EventuallyAsync(() => Task.FromResult<object?>(
                sessions.Sum(s => ImageKit.StoredOriginals(app, s).Length) - originalsBefore >= sessions.Count ? "stored" : null), "the imports to store their files");

            var seen = await app.CompareStoreAsyncWithGrace(TimeSpan.FromHours(1));

            seen.Orphans.Select(o => o.Key).ShouldBe([orphan], "only the old file nobody recorded is an orphan");
            seen.Unsettled.Count.ShouldBeGreaterThanOrEqualTo(sessions.Count, "the imports' files are seen, and left for next time");
            await using var release = writer.CreateCommand();
            release.CommandText = "ROLLBACK;";
            await release.ExecuteNonQueryAsync();
        }
        foreach (var import in await Task.WhenAll(stalled))
            (await import.ShouldBeAsync<ImportBody>(HttpStatusCode.OK)).Files.ShouldAllBe(f => f.Outcome == "imported");

        // And with imports racing real reconciliations: each import keeps its file.
        var uploads = sessions.Select((s, i) => admin.ImportAsync(s,
            Enumerable.Range(0, 3).Select(n => ProofingKit.Jpeg($"racing-{i}-{n}.jpg", 7300 + i * 10 + n)).ToArray())).ToList();
        var reports = new List<StorageReconciliationBody>();
        while (uploads.Any(u => !u.IsCompleted) || reports.Count < 2)
            reports.Add(await admin.ReconcileAsync());
        foreach (var upload in await Task.WhenAll(uploads))
            (await upload.ShouldBeAsync<ImportBody>(HttpStatusCode.OK)).Files.ShouldAllBe(f => f.Outcome == "imported");

        reports.SelectMany(r => r.Findings).Where(f => f.Kind == "orphanFile").Select(f => f.Key).ShouldBe([orphan]);
        reports.ShouldAllBe(r => r.State == "completed" && r.MissingFiles == 0);
        foreach (var session in sessions)
        {
            var images = await admin.WhenRenderedAsync(session);
            images.Count.ShouldBe(5);
            foreach (var image in images)
                (await admin.GetAsync($"/api/v1/images/{image.Id}/original")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        await app.StoreShouldMatchRecordsAsync("after the imports and reconciliations");
    }

    [Fact]
    public async Task The_schedule_queues_a_reconciliation_once_the_last_is_older_than_the_interval_and_the_engine_runs_it()
    {
        var admin = await app.AdminAsync();
        await admin.ReconcileAsync();
        await app.WithDbAsync(db => db.StorageReconciliations.ExecuteUpdateAsync(set => set.SetProperty(r => r.CreatedAt, r => r.CreatedAt.AddHours(-25))));

        var first = await RunScheduleAsync();
        var second = await RunScheduleAsync();

        var queued = await app.WithDbAsync(db => db.StorageReconciliations.Where(r => r.CreatedAt > DateTime.UtcNow.AddHours(-1)).ToListAsync());
        queued.Count.ShouldBe(1, "the second run finds the new one recent");
        queued[0].RequestedBy.ShouldBe("system");
        (first, second).ShouldBe((1, 1));
        (await admin.WhenReconciledAsync(queued[0].Id)).State.ShouldBe("completed");
    }

    async Task<int> RunScheduleAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<StorageReconciliationSchedule>(scope.ServiceProvider).Execute(null!, CancellationToken.None);
        return await app.WithDbAsync(db => db.StorageReconciliations.CountAsync(r => r.CreatedAt > DateTime.UtcNow.AddHours(-1)));
    }

    [Fact]
    public async Task Only_an_admin_reconciles_and_an_unknown_reconciliation_is_not_found()
    {
        var staff = await app.AsRoleAsync(UserRole.Staff);
        var admin = await app.AdminAsync();

        (await staff.PostAsync("/api/v1/storage/reconciliations", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await staff.GetAsync("/api/v1/storage/reconciliations/latest")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await admin.GetAsync("/api/v1/storage/reconciliations/999999")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
