using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Time;

namespace StudioApi.Features.Scheduling.OnlineBooking;

/// <summary>A stretch of time during which a person or a resource is taken.</summary>
public readonly record struct BusyInterval(long? UserId, long? ResourceId, DateTime Start, DateTime End);

/// <summary>
/// A kind of record that occupies people and resources. Sessions are one; appointments and calendar events plug in
/// by registering another source, and availability then honours them without further change.
/// </summary>
public interface IBusyTimeSource
{
    /// <summary>What occupies any of the users or the resource at some time in [from, to): one query.</summary>
    Task<List<BusyInterval>> FindAsync(IReadOnlyCollection<long> userIds, long? resourceId, DateTime from, DateTime to, CancellationToken ct);
}

/// <summary>Live sessions that occupy their time (not cancelled, not on hold), by photographer, assistant and resource.</summary>
public sealed class SessionBusyTime(StudioDbContext db) : IBusyTimeSource
{
    public async Task<List<BusyInterval>> FindAsync(IReadOnlyCollection<long> userIds, long? resourceId, DateTime from, DateTime to, CancellationToken ct)
    {
        var people = userIds.Select(id => (long?)id).ToList();
        var rows = await SessionBooking.Occupying(db, people, resourceId, from, to)
            .Select(s => new { s.PhotographerId, s.AssistantId, s.ResourceId, s.StartsAt, s.EndsAt })
            .ToListAsync(ct);
        var busy = new List<BusyInterval>(rows.Count);
        foreach (var s in rows)
        {
            if (s.PhotographerId is { } photographer)
                busy.Add(new BusyInterval(photographer, null, s.StartsAt, s.EndsAt));
            if (s.AssistantId is { } assistant)
                busy.Add(new BusyInterval(assistant, null, s.StartsAt, s.EndsAt));
            if (s.ResourceId is { } resource && resource == resourceId)
                busy.Add(new BusyInterval(null, resource, s.StartsAt, s.EndsAt));
        }
        return busy;
    }
}

/// <summary>Live appointments that are not cancelled, by the staff attending and their resource.</summary>
public sealed class AppointmentBusyTime(StudioDbContext db) : IBusyTimeSource
{
    public async Task<List<BusyInterval>> FindAsync(IReadOnlyCollection<long> userIds, long? resourceId, DateTime from, DateTime to, CancellationToken ct)
    {
        var earliest = StudioClock.EarliestStartOverlapping(from);
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => !a.Cancelled && a.StartsAt < to && a.StartsAt > earliest && from < a.EndsAt
                        && (a.Staff.Any(u => userIds.Contains(u.UserId)) || (resourceId != null && a.ResourceId == resourceId)))
            .Select(a => new { a.StartsAt, a.EndsAt, a.ResourceId, UserIds = a.Staff.Select(u => u.UserId).ToList() })
            .ToListAsync(ct);
        var busy = new List<BusyInterval>();
        foreach (var a in rows)
        {
            busy.AddRange(a.UserIds.Where(userIds.Contains).Select(u => new BusyInterval(u, null, a.StartsAt, a.EndsAt)));
            if (a.ResourceId is { } resource && resource == resourceId)
                busy.Add(new BusyInterval(null, resource, a.StartsAt, a.EndsAt));
        }
        return busy;
    }
}

/// <summary>The extra calendar lines of live sessions that occupy their time (the primary line is the session itself).</summary>
public sealed class CalendarEventBusyTime(StudioDbContext db) : IBusyTimeSource
{
    public async Task<List<BusyInterval>> FindAsync(IReadOnlyCollection<long> userIds, long? resourceId, DateTime from, DateTime to, CancellationToken ct)
    {
        var people = userIds.Select(id => (long?)id).ToList();
        var earliest = StudioClock.EarliestStartOverlapping(from);
        var rows = await db.SessionCalendarEvents.AsNoTracking()
            .Where(e => e.StartsAt < to && e.StartsAt > earliest && from < e.EndsAt
                        && (people.Contains(e.PhotographerId) || people.Contains(e.AssistantId) || (resourceId != null && e.ResourceId == resourceId)))
            .Join(db.Sessions.Where(s => !s.Cancelled && !s.OnHold), e => e.SessionId, s => s.Id,
                (e, _) => new { e.PhotographerId, e.AssistantId, e.ResourceId, e.StartsAt, e.EndsAt })
            .ToListAsync(ct);
        var busy = new List<BusyInterval>(rows.Count);
        foreach (var e in rows)
        {
            if (e.PhotographerId is { } photographer)
                busy.Add(new BusyInterval(photographer, null, e.StartsAt, e.EndsAt));
            if (e.AssistantId is { } assistant)
                busy.Add(new BusyInterval(assistant, null, e.StartsAt, e.EndsAt));
            if (e.ResourceId is { } resource && resource == resourceId)
                busy.Add(new BusyInterval(null, resource, e.StartsAt, e.EndsAt));
        }
        return busy;
    }
}

/// <summary>
/// One person's or resource's busy intervals, answering "is [start, end) free?" in O(log n): sorted by start, with the
/// running maximum of the ends, an overlap exists exactly when some interval starting before the end reaches past the start.
/// </summary>
public sealed class BusyCalendar
{
    readonly DateTime[] starts;
    readonly DateTime[] maxEnds;

    public BusyCalendar(IEnumerable<BusyInterval> intervals)
    {
        var sorted = intervals.OrderBy(i => i.Start).ToArray();
        starts = sorted.Select(i => i.Start).ToArray();
        maxEnds = new DateTime[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
            maxEnds[i] = i == 0 || sorted[i].End > maxEnds[i - 1] ? sorted[i].End : maxEnds[i - 1];
    }

    public bool IsFree(DateTime start, DateTime end)
    {
        // The last interval that starts before the end.
        int low = 0, high = starts.Length - 1, last = -1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (starts[mid] < end) { last = mid; low = mid + 1; }
            else high = mid - 1;
        }
        return last < 0 || maxEnds[last] <= start;
    }
}
