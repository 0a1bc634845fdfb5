using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Time;

namespace StudioApi.Features.Scheduling.Booking;

/// <summary>What a booking occupies: people and a resource over an interval; Kind/Id name the booking itself.</summary>
public sealed record Occupancy(string Kind, long Id, DateTime StartsAt, DateTime EndsAt, IReadOnlyCollection<long> UserIds, long? ResourceId)
{
    public const string SessionKind = "session";
    public const string CalendarEventKind = "calendarEvent";
    public const string AppointmentKind = "appointment";

    /// <summary>The lock keys of everyone and everything it occupies (see <see cref="BookingLock"/>).</summary>
    public IEnumerable<string> LockKeys() =>
        UserIds.Select(BookingLock.ForUser).Concat(ResourceId is { } r ? [BookingLock.ForResource(r)] : []);
}

/// <summary>
/// The one double-booking check: live sessions (neither cancelled nor on hold), the advanced calendar events of such
/// sessions, and live appointments that are not cancelled all occupy their people and resource, and each conflicts with
/// every other. Intervals are half-open, so back-to-back bookings do not overlap. Call it inside the transaction,
/// after taking the <see cref="BookingLock"/>s of <see cref="Occupancy.LockKeys"/>.
/// </summary>
public static class BookingConflicts
{
    const int MaxConflictsListed = 50;

    public static async Task<List<SessionConflict>> FindAsync(StudioDbContext db, Occupancy wanted, CancellationToken ct)
    {
        var people = wanted.UserIds.Select(id => (long?)id).ToList();
        var resourceId = wanted.ResourceId;
        if (people.Count == 0 && resourceId is null)
            return [];
        var (from, to) = (wanted.StartsAt, wanted.EndsAt);
        var skipSession = wanted.Kind == Occupancy.SessionKind ? wanted.Id : 0;
        var skipEvent = wanted.Kind == Occupancy.CalendarEventKind ? wanted.Id : 0;
        var skipAppointment = wanted.Kind == Occupancy.AppointmentKind ? wanted.Id : 0;
        // Bounds the index range of starts (see StudioClock.EarliestStartOverlapping).
        var earliest = StudioClock.EarliestStartOverlapping(from);

        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.Id != skipSession && !s.Cancelled && !s.OnHold && s.StartsAt < to && s.StartsAt > earliest && from < s.EndsAt
                        && (people.Contains(s.PhotographerId) || people.Contains(s.AssistantId)
                            || (resourceId != null && s.ResourceId == resourceId)))
            .OrderBy(s => s.StartsAt).Take(MaxConflictsListed)
            .Select(s => new { s.Id, s.Number, s.Date, s.StartTime, s.EndTime, s.StartsAt, s.EndsAt, s.PhotographerId, s.AssistantId, s.ResourceId })
            .ToListAsync(ct);
        var events = await db.SessionCalendarEvents.AsNoTracking()
            .Where(e => e.Id != skipEvent && e.StartsAt < to && e.StartsAt > earliest && from < e.EndsAt
                        && (people.Contains(e.PhotographerId) || people.Contains(e.AssistantId)
                            || (resourceId != null && e.ResourceId == resourceId)))
            .Join(db.Sessions.Where(s => !s.Cancelled && !s.OnHold), e => e.SessionId, s => s.Id, (e, s) => new
            {
                e.Id, e.SessionId, s.Number, e.Date, e.StartTime, e.EndTime, e.StartsAt, e.EndsAt, e.PhotographerId, e.AssistantId, e.ResourceId,
            })
            .OrderBy(e => e.StartsAt).Take(MaxConflictsListed)
            .ToListAsync(ct);
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.Id != skipAppointment && !a.Cancelled && a.StartsAt < to && a.StartsAt > earliest && from < a.EndsAt
                        && (a.Staff.Any(u => people.Contains(u.UserId)) || (resourceId != null && a.ResourceId == resourceId)))
            .OrderBy(a => a.StartsAt).Take(MaxConflictsListed)
            .Select(a => new { a.Id, a.SessionId, a.Date, a.StartTime, a.EndTime, a.StartsAt, a.EndsAt, a.ResourceId, UserIds = a.Staff.Select(u => u.UserId).ToList() })
            .ToListAsync(ct);

        List<long> Busy(params IEnumerable<long?> held) =>
            wanted.UserIds.Where(p => held.Contains(p)).Distinct().ToList();
        long? BusyResource(long? held) => resourceId is not null && held == resourceId ? resourceId : null;

        return sessions.Select(s => Conflict(Occupancy.SessionKind, s.Id, null, null, s.Number, s.Date, s.StartTime, s.EndTime, s.StartsAt, s.EndsAt,
                Busy(s.PhotographerId, s.AssistantId), BusyResource(s.ResourceId)))
            .Concat(events.Select(e => Conflict(Occupancy.CalendarEventKind, e.SessionId, e.Id, null, e.Number, e.Date, e.StartTime, e.EndTime, e.StartsAt, e.EndsAt,
                Busy(e.PhotographerId, e.AssistantId), BusyResource(e.ResourceId))))
            .Concat(appointments.Select(a => Conflict(Occupancy.AppointmentKind, a.SessionId, null, a.Id, null, a.Date, a.StartTime, a.EndTime, a.StartsAt, a.EndsAt,
                Busy(a.UserIds.Select(u => (long?)u)), BusyResource(a.ResourceId))))
            .OrderBy(c => c.StartsAt).Take(MaxConflictsListed)
            .ToList();
    }

    static SessionConflict Conflict(string kind, long? sessionId, long? eventId, long? appointmentId, int? number, DateOnly date,
        TimeOnly start, TimeOnly end, DateTime startsAt, DateTime endsAt, List<long> busyUsers, long? busyResource) => new()
    {
        Kind = kind,
        SessionId = sessionId,
        CalendarEventId = eventId,
        AppointmentId = appointmentId,
        Number = number,
        Date = date,
        StartTime = WallClock.FormatTime(start),
        EndTime = WallClock.FormatTime(end),
        StartsAt = DateTime.SpecifyKind(startsAt, DateTimeKind.Utc),
        EndsAt = DateTime.SpecifyKind(endsAt, DateTimeKind.Utc),
        BusyUserIds = busyUsers,
        BusyResourceId = busyResource,
    };

    public static Platform.Http.Problems.ApiProblem Problem(List<SessionConflict> conflicts) => SessionBooking.ConflictProblem(conflicts);
}
