using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;


namespace StudioApi.Features.Imaging.GroupCapture;

/// <summary>Throws a held capture away: its record, then (once that is committed, so a rollback loses no file) its file.</summary>
public static class UnmatchedCaptureDiscard
{
    public static Task DiscardAsync(StudioDbContext db, IFileStore store, UnmatchedCapture capture, CancellationToken ct) =>
        db.InTransactionAsync(async () =>
        {
            db.UnmatchedCaptures.Remove(capture);
            await db.SaveChangesAsync(ct);
            db.AfterCommit(token => store.DeleteAsync(capture.StorageKey, token));
            return true;
        }, ct);
}
