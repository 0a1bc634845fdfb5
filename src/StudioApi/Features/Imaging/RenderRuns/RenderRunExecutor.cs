using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Imaging.Processing;
using StudioApi.Features.Imaging.RenderJobs;
using StudioApi.Features.Imaging.RenderProfiles;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Imaging.RenderRuns;

/// <summary>
/// Renders one claimed run (see <see cref="RenderRunWorker"/>, whose engine keeps the lease): each pending image (so a
/// resumed run skips what is done), checking between images that the run was not cancelled; then writes the manifest
/// and the zip, records the outcome and, for a render job's run, moves the session on in the same transaction.
/// </summary>
public sealed class RenderRunExecutor(StudioDbContext db, IFileStore store, RenderRunOutput output, RenderJobOutcome jobs,
    TimeProvider clock, ILogger<RenderRunExecutor> log)
{
    public async Task RunAsync(long runId, CancellationToken ct)
    {
        var run = await db.RenderRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        // A package renders at its own settings, always from the proofing crop; a profile's run as its profile says.
        RenderProfile? profile = null;
        RenderSettings settings;
        if (run.Package is { } package)
            settings = package.Settings();
        else
        {
            profile = await db.RenderProfiles.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Id == run.ProfileId, ct);
            var watermark = await db.RenderProfileWatermarkImages.AsNoTracking()
                .Where(w => w.RenderProfileId == profile.Id).Select(w => w.Png).SingleOrDefaultAsync(ct);
            settings = profile.ToSettings(watermark);
        }
        var honourCrops = profile?.HonourCrops ?? true;

        while (true)
        {
            // Cancelled meanwhile (the state moved on): stop here; a cancelled run keeps what it rendered so far.
            if (!await db.RenderRuns.AnyAsync(r => r.Id == runId && r.State == RenderRunState.Running, ct))
                return;
            var item = await db.RenderRunItems.AsNoTracking()
                .Where(i => i.RunId == runId && i.State == RenderRunItemState.Pending)
                .OrderBy(i => i.Id).FirstOrDefaultAsync(ct);
            if (item is null)
                break;
            await RenderItemAsync(item, settings, honourCrops, ct);
        }

        var items = await db.RenderRunItems.AsNoTracking().Where(i => i.RunId == runId).OrderBy(i => i.Id).ToListAsync(ct);
        var rendered = items.Count(i => i.State == RenderRunItemState.Done);
        var failed = items.Count(i => i.State == RenderRunItemState.Failed);
        var (state, error) = items.Count == 0
            ? (RenderRunState.Failed, run.Error ?? "There were no images to render.")
            : failed == 0 ? (RenderRunState.Completed, (string?)null)
            : rendered == 0 ? (RenderRunState.Failed, $"Every image failed; the first: {items.First(i => i.Error is not null).Error}")
            : (RenderRunState.CompletedWithErrors, null);

        var finishedAt = Now;
        RenderRunOutput.Written? zip = null;
        try
        {
            var missing = run.Package is null ? null
                : await db.RenderRunMissingStudents.AsNoTracking().Where(m => m.RunId == runId).OrderBy(m => m.Id).ToListAsync(ct);
            zip = await output.WriteAsync(run, profile, state, finishedAt, items, missing, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "The output of render run {RunId} could not be written", runId);
            (state, error) = (RenderRunState.Failed, $"The output could not be written: {e.Message}");
        }

        var recorded = await db.InTransactionAsync(async () =>
        {
            var finished = await db.RenderRuns.Where(r => r.Id == runId && r.State == RenderRunState.Running).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, state)
                .SetProperty(r => r.Error, error is null ? null : RenderRunLimits.Trim(error))
                .SetProperty(r => r.FinishedAt, finishedAt)
                .SetProperty(r => r.ZipBytes, zip == null ? null : zip.Bytes)
                .SetProperty(r => r.ZipSha256, zip == null ? null : zip.Sha256), ct);
            // Cancelled at the last moment: a cancelled run moves no session.
            if (finished == 1 && run.RenderJobId is { } jobId)
                await jobs.ApplyAsync(jobId, run.Sessions.Select(s => s.SessionId).ToList(), state, items.Count, rendered, failed,
                    error ?? items.FirstOrDefault(i => i.Error is not null)?.Error, ct);
            return finished == 1;
        }, ct);
        if (!recorded && zip is not null)
        {
            // Cancelled while its output was being written: a cancelled run has no output, and no record points at
            // this one, so it goes rather than stay as an orphan.
            await store.DeleteAsync(RenderRun.ManifestKeyOf(runId), CancellationToken.None);
            await store.DeleteAsync(RenderRun.ZipKeyOf(runId), CancellationToken.None);
        }
    }

    async Task RenderItemAsync(RenderRunItem item, RenderSettings settings, bool honourCrops, CancellationToken ct)
    {
        long bytes = 0;
        string? sha256 = null, error = null;
        try
        {
            // A run renders what it was created with, even an image moved to the recycle bin since.
            var image = await db.SessionImages.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(i => i.Id == item.ImageId, ct)
                        ?? throw new InvalidOperationException("The image no longer exists.");
            using var rendered = store.CreateTempFile("render");
            await using (var original = await LocalFile.OpenAsync(store, image.StorageKey, ct)
                                        ?? throw new FileNotFoundException("The original is missing from the file store."))
            {
                var adjustments = RenderSelection.Adjustments(item, image, honourCrops);
                var sized = RenderSelection.SizedFor(item, settings);
                await Task.Run(() =>
                {
                    using var file = File.Create(rendered.Path);
                    ProfileRenderer.Render(original.Path, sized, adjustments, file);
                }, ct);
            }
            await using (var file = File.OpenRead(rendered.Path))
            {
                bytes = file.Length;
                sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
            }
            await store.PutAsync(RenderRunItem.OutputKeyOf(item.RunId, item.Id, item.OutputName), rendered, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogInformation(e, "Image {ImageId} of render run {RunId} could not be rendered", item.ImageId, item.RunId);
            error = RenderRunLimits.Trim(e.Message);
        }

        var ok = error is null;
        await db.InTransactionAsync(async () =>
        {
            var marked = await db.RenderRunItems.Where(i => i.Id == item.Id && i.State == RenderRunItemState.Pending).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.State, ok ? RenderRunItemState.Done : RenderRunItemState.Failed)
                .SetProperty(i => i.Bytes, ok ? bytes : null)
                .SetProperty(i => i.Sha256, sha256)
                .SetProperty(i => i.Error, error), CancellationToken.None);
            if (marked == 1)
                await db.RenderRuns.Where(r => r.Id == item.RunId).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Done, r => r.Done + (ok ? 1 : 0))
                    .SetProperty(r => r.Failed, r => r.Failed + (ok ? 0 : 1)), CancellationToken.None);
            return true;
        }, CancellationToken.None);
    }

    DateTime Now => clock.GetUtcNow().UtcDateTime;
}
