using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;


namespace StudioApi.Features.Imaging.GroupCapture;

/// <summary>
/// Lets go of a held capture: its record in the caller's transaction, its file once that has committed (a rollback
/// loses no file). The record goes first, by a guarded delete: of an assign and a discard racing for one capture, or
/// eight assigns, exactly one finds it, and the others are told it is gone (404) before any file is touched.
/// </summary>
public static class UnmatchedCaptureDiscard
{
    public static async Task ClaimAsync(StudioDbContext db, IFileStore store, UnmatchedCapture capture, CancellationToken ct)
    {
        if (await db.UnmatchedCaptures.Where(c => c.Id == capture.Id).ExecuteDeleteAsync(ct) == 0)
            throw ApiProblem.NotFound("unmatched capture", capture.Id);
        db.AfterCommit(token => store.DeleteAsync(capture.StorageKey, token));
    }

    public static Task DiscardAsync(StudioDbContext db, IFileStore store, UnmatchedCapture capture, CancellationToken ct) =>
        db.InTransactionAsync(async () =>
        {
            await ClaimAsync(db, store, capture, ct);
            return true;
        }, ct);
}
