using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Booking;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.Sessions.CalendarEvents;

/// <summary>What the calendar-line endpoints share: finding the session and line, and booking a line.</summary>
public static class SessionCalendarEventEndpoints
{
    /// <summary>Lines a session may have besides the primary one.</summary>
    public const int MaxLines = 50;

    public static async Task<Session> SessionAsync(StudioDbContext db, long sessionId, CancellationToken ct) =>
        await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct)
        ?? throw ApiProblem.NotFound("session", sessionId);

    /// <summary>The session and one of its lines: the primary line is the session itself; a numbered line must belong to the session.</summary>
    public static async Task<(Session Session, SessionCalendarEvent Line)> LineAsync(StudioDbContext db, long sessionId, long eventId, string change, CancellationToken ct)
    {
        var session = await SessionAsync(db, sessionId, ct);
        if (eventId == 0)
            throw ApiProblem.Conflict($"The primary calendar line is the session's own date, times, staff and resource: it cannot be {change}. Change the session instead.");
        var line = await db.SessionCalendarEvents.SingleOrDefaultAsync(e => e.Id == eventId && e.SessionId == sessionId, ct)
                   ?? throw ApiProblem.NotFound("calendar event", eventId);
        return (session, line);
    }

    /// <summary>
    /// In one transaction: takes the booking locks, applies the change, refuses a double booking unless
    /// <paramref name="checkConflicts"/> says no (asked after the change) or the session does not occupy time, and saves.
    /// </summary>
    public static Task SaveAsync(StudioDbContext db, Session session, SessionCalendarEventInput input, Func<SessionCalendarEvent> apply,
        Func<bool> checkConflicts, CancellationToken ct) =>
        db.InTransactionAsync(async () =>
        {
            await SessionRows.HoldLiveOrNotFoundAsync(db, session.Id, ct);
            await db.TakeAsync(input.LockKeys(), ct);
            var line = apply();
            if (session.OccupiesTime && checkConflicts()
                && await BookingConflicts.FindAsync(db, SessionCalendarEventInput.Occupied(line), ct) is { Count: > 0 } conflicts)
                throw BookingConflicts.Problem(conflicts);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
}
