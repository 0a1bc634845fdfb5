using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.Sessions;

/// <summary>
/// What hangs on a session (its images, calendar lines, appointments) and the session's own delete, restore and
/// purge meet on the session's row: each takes it first in its transaction, with an update that changes nothing (no
/// new version), which holds it until the commit (SQLite: the write lock; SQL Server: the row lock). So an image
/// imported while the session is deleted either lands before the delete, which then sends it to the recycle bin with
/// the rest, or finds the session gone (404): never a live image in a deleted session.
/// </summary>
public static class SessionRows
{
    /// <summary>Holds the session's row if the session is live; false if it is in the recycle bin or gone. Inside a transaction.</summary>
    public static async Task<bool> HoldLiveAsync(StudioDbContext db, long sessionId, CancellationToken ct) =>
        await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(set => set.SetProperty(s => s.Version, s => s.Version), ct) == 1;

    /// <summary><see cref="HoldLiveAsync"/>, or the session is not found (404) for whatever was to be added to it.</summary>
    public static async Task HoldLiveOrNotFoundAsync(StudioDbContext db, long sessionId, CancellationToken ct)
    {
        if (!await HoldLiveAsync(db, sessionId, ct))
            throw ApiProblem.NotFound("session", sessionId);
    }

    /// <summary>Holds the session's row whatever its state (deleting, restoring, purging it); false once it is gone.</summary>
    public static async Task<bool> HoldAsync(StudioDbContext db, long sessionId, CancellationToken ct) =>
        await db.Sessions.IgnoreQueryFilters().Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Version, s => s.Version), ct) == 1;
}
