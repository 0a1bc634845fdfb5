using Microsoft.EntityFrameworkCore;
using StudioApi.Persistence;

namespace StudioApi.Features.Sessions;

/// <summary>
/// The records that go to the recycle bin with a session and come back with it: its appointments, the extra lines
/// of its advanced calendar, and its images. They get the session's deletion stamp, so a restore brings back exactly those (and not
/// an appointment deleted on its own earlier).
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
}
