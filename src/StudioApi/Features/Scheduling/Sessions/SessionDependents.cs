using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Imaging.Images;
using StudioApi.Features.Imaging.Images.Renditions;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;
using StudioApi.Platform.Workflow;
using StudioApi.Features.Clients;
using StudioApi.Features.Imaging;

namespace StudioApi.Features.Scheduling.Sessions;

/// <summary>
/// The records that go to the recycle bin with a session and come back with it: its appointments, the extra lines
/// of its advanced calendar and its images (and its communications, when they arrive: one more query each here). They
/// get the session's deletion stamp, so a restore brings back exactly those (and not an appointment deleted on its own earlier).
/// </summary>
public static class SessionDependents
{
    public static async Task DeleteAsync(StudioDbContext db, Session session, CancellationToken ct)
    {
        var appointments = await db.Appointments.Where(a => a.SessionId == session.Id).ToListAsync(ct);
        var lines = await db.SessionCalendarEvents.Where(e => e.SessionId == session.Id).ToListAsync(ct);
        var images = await db.SessionImages.Where(i => i.SessionId == session.Id).ToListAsync(ct);
        foreach (var record in appointments.Cast<AuditedRecord>().Concat(lines).Concat(images))
            (record.DeletedAt, record.DeletedBy) = (session.DeletedAt, session.DeletedBy);
    }

    /// <summary>Call before restoring the session, while it still holds its deletion stamp.</summary>
    public static async Task RestoreAsync(StudioDbContext db, Session session, CancellationToken ct)
    {
        var deletedAt = session.DeletedAt;
        var appointments = await db.Appointments.IgnoreQueryFilters().Where(a => a.SessionId == session.Id && a.DeletedAt == deletedAt).ToListAsync(ct);
        var lines = await db.SessionCalendarEvents.IgnoreQueryFilters().Where(e => e.SessionId == session.Id && e.DeletedAt == deletedAt).ToListAsync(ct);
        var images = await db.SessionImages.IgnoreQueryFilters().Where(i => i.SessionId == session.Id && i.DeletedAt == deletedAt).ToListAsync(ct);
        foreach (var record in appointments.Cast<AuditedRecord>().Concat(lines).Concat(images))
            db.Restore(record);
    }

    /// <summary>
    /// Erases what exists only for the session, before the session itself is removed (its own log and owned lists cascade).
    /// Call inside a transaction: the images' files go only once it commits, so a rollback never loses a photo.
    /// </summary>
    public static async Task PurgeAsync(StudioDbContext db, IFileStore files, Session session, CancellationToken ct)
    {
        var images = db.SessionImages.IgnoreQueryFilters().Where(i => i.SessionId == session.Id);
        var keys = await images.Select(i => i.StorageKey).ToListAsync(ct);
        // A client whose picture was one of these goes back to having none (a real change of the client: its version moves).
        var imageIds = images.Select(i => i.Id);
        await db.Clients.IgnoreQueryFilters().Where(c => c.ImageId != null && imageIds.Contains(c.ImageId.Value))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ImageId, (long?)null).SetProperty(c => c.Version, c => c.Version + 1), ct);
        await images.ExecuteDeleteAsync(ct);
        db.AfterCommit(async token =>
        {
            foreach (var key in keys)
                foreach (var rendition in Enum.GetValues<ImageRendition>())
                    await files.DeleteAsync(RenditionMaker.KeyOf(key, rendition), token);
        });

        await db.Appointments.IgnoreQueryFilters().Where(a => a.SessionId == session.Id).ExecuteDeleteAsync(ct);
        await db.SessionCalendarEvents.IgnoreQueryFilters().Where(e => e.SessionId == session.Id).ExecuteDeleteAsync(ct);
        await db.StatusLogEntries.Where(e => e.Kind == RecordKind.Session && e.RecordId == session.Id).ExecuteDeleteAsync(ct);
        await db.RecordNotes.Where(n => n.Kind == RecordKind.Session && n.RecordId == session.Id).ExecuteDeleteAsync(ct);
        // Tasks raised about the session stay: they are the studio's record of the work done.
        await db.Tasks.IgnoreQueryFilters().Where(t => t.SessionId == session.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.SessionId, (long?)null).SetProperty(t => t.Version, t => t.Version + 1), ct);
    }
}
