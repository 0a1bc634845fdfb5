using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Scheduling.Sessions;

/// <summary>
/// One kind of record that lives and dies with a session: its appointments and calendar lines here, its images in
/// Imaging, and its invoices, production orders and communications when those areas arrive. Each registers one in its
/// <c>Add&lt;Area&gt;()</c>, so deleting, restoring and purging a session takes them along without Scheduling naming
/// those areas. Records that go to the recycle bin with the session get its deletion stamp, so a restore brings back
/// exactly those (and not one deleted on its own earlier).
/// </summary>
public interface ISessionDependent
{
    /// <summary>What stops the session from going to the recycle bin (a paid invoice, say), one line each.</summary>
    Task<IReadOnlyList<string>> FindBlockersAsync(Session session, CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>Stamps the records with the session's deletion (the session is already stamped, not yet saved).</summary>
    Task DeleteAsync(Session session, CancellationToken ct);

    /// <summary>Brings back the records deleted with the session; called while the session still holds its deletion stamp.</summary>
    Task RestoreAsync(Session session, CancellationToken ct);

    /// <summary>
    /// Erases what exists only for the session, before the session itself is removed. Runs inside a transaction: files
    /// go only once it commits (<see cref="StudioDbContext.AfterCommit"/>), so a rollback never loses one.
    /// </summary>
    Task PurgeAsync(Session session, CancellationToken ct);
}

/// <summary>Every <see cref="ISessionDependent"/>, for the session's delete, restore and purge.</summary>
public sealed class SessionDependents(IEnumerable<ISessionDependent> dependents)
{
    public async Task<List<string>> FindBlockersAsync(Session session, CancellationToken ct)
    {
        var blockers = new List<string>();
        foreach (var dependent in dependents)
            blockers.AddRange(await dependent.FindBlockersAsync(session, ct));
        return blockers;
    }

    public async Task DeleteAsync(Session session, CancellationToken ct)
    {
        foreach (var dependent in dependents)
            await dependent.DeleteAsync(session, ct);
    }

    public async Task RestoreAsync(Session session, CancellationToken ct)
    {
        foreach (var dependent in dependents)
            await dependent.RestoreAsync(session, ct);
    }

    public async Task PurgeAsync(Session session, CancellationToken ct)
    {
        foreach (var dependent in dependents)
            await dependent.PurgeAsync(session, ct);
    }
}

/// <summary>
/// Scheduling's own: the session's appointments and advanced calendar lines go to the recycle bin with it; a purge also
/// erases its status log and notes, and unlinks the tasks raised about it.
/// </summary>
public sealed class SessionCalendarDependents(StudioDbContext db) : ISessionDependent
{
    public async Task DeleteAsync(Session session, CancellationToken ct)
    {
        var appointments = await db.Appointments.Where(a => a.SessionId == session.Id).ToListAsync(ct);
        var lines = await db.SessionCalendarEvents.Where(e => e.SessionId == session.Id).ToListAsync(ct);
        foreach (var record in appointments.Cast<AuditedRecord>().Concat(lines))
            (record.DeletedAt, record.DeletedBy) = (session.DeletedAt, session.DeletedBy);
    }

    public async Task RestoreAsync(Session session, CancellationToken ct)
    {
        var deletedAt = session.DeletedAt;
        var appointments = await db.Appointments.IgnoreQueryFilters().Where(a => a.SessionId == session.Id && a.DeletedAt == deletedAt).ToListAsync(ct);
        var lines = await db.SessionCalendarEvents.IgnoreQueryFilters().Where(e => e.SessionId == session.Id && e.DeletedAt == deletedAt).ToListAsync(ct);
        foreach (var record in appointments.Cast<AuditedRecord>().Concat(lines))
            db.Restore(record);
    }

    public async Task PurgeAsync(Session session, CancellationToken ct)
    {
        await db.Appointments.IgnoreQueryFilters().Where(a => a.SessionId == session.Id).ExecuteDeleteAsync(ct);
        await db.SessionCalendarEvents.IgnoreQueryFilters().Where(e => e.SessionId == session.Id).ExecuteDeleteAsync(ct);
        await db.StatusLogEntries.Where(e => e.Kind == RecordKind.Session && e.RecordId == session.Id).ExecuteDeleteAsync(ct);
        await db.RecordNotes.Where(n => n.Kind == RecordKind.Session && n.RecordId == session.Id).ExecuteDeleteAsync(ct);
        // Tasks raised about the session stay: they are the studio's record of the work done.
        await db.Tasks.IgnoreQueryFilters().Where(t => t.SessionId == session.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.SessionId, (long?)null).SetProperty(t => t.Version, t => t.Version + 1), ct);
    }
}
