using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Imaging.RenderRuns;

/// <summary>
/// Render runs' files, for the storage reconciler: each rendered image's output once its item is done (allowed while it
/// is pending: stored a moment before it is marked done; a cancelled run keeps what it rendered), and the manifest
/// and zip of a run that finished with output (allowed while it is queued or running: written before the run is
/// marked finished). A zip written for a run cancelled at that very moment belongs to nothing: an orphan.
/// </summary>
public sealed class RenderRunStoredFiles(StudioDbContext db) : IStoredFileOwner
{
    public const string RunRecordKind = "renderRun";
    public const string ItemRecordKind = "renderRunItem";

    public async IAsyncEnumerable<ExpectedFile> ExpectedFilesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var runs = db.RenderRuns.AsNoTracking().Select(r => new
        {
            r.Id,
            HasOutput = r.ZipSha256 != null,
            Working = r.State == RenderRunState.Queued || r.State == RenderRunState.Running,
        });
        await foreach (var run in runs.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!run.HasOutput && !run.Working)
                continue;
            yield return new ExpectedFile(RenderRun.ManifestKeyOf(run.Id), run.HasOutput, RunRecordKind, run.Id);
            yield return new ExpectedFile(RenderRun.ZipKeyOf(run.Id), run.HasOutput, RunRecordKind, run.Id);
        }

        var items = db.RenderRunItems.AsNoTracking().Where(i => i.State != RenderRunItemState.Failed)
            .Select(i => new { i.Id, i.RunId, i.OutputName, Done = i.State == RenderRunItemState.Done });
        await foreach (var item in items.AsAsyncEnumerable().WithCancellation(ct))
            yield return new ExpectedFile(RenderRunItem.OutputKeyOf(item.RunId, item.Id, item.OutputName), item.Done, ItemRecordKind, item.Id);
    }
}
