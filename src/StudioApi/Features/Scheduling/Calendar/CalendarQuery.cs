using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Setup.SessionTypes;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Time;
using StudioApi.Features.Clients;
using StudioApi.Features.Setup;

namespace StudioApi.Features.Scheduling.Calendar;

/// <summary>Which calendar to read: days in the studio's zone, and a user's, a resource's or (neither) everyone's.</summary>
public sealed record CalendarRange(DateOnly From, DateOnly To, long? UserId = null, long? ResourceId = null, bool IncludeCancelled = false);

/// <summary>
/// Reads a calendar from sessions, the extra lines of their advanced calendars, and appointments, ordered by start.
/// Session titles come from the session type's calendar template. The GET /calendar endpoint and the iCalendar feeds
/// both read through here.
/// </summary>
public sealed class CalendarQuery(StudioDbContext db)
{
    public async Task<List<CalendarItem>> ReadAsync(CalendarRange range, CancellationToken ct)
    {
        var (from, to, userId, resourceId) = (range.From, range.To, range.UserId, range.ResourceId);
        var includeCancelled = range.IncludeCancelled;
        // The start instants bound the days too, so the indexes by start serve the range (with a person's or a room's).
        var (earliest, after) = (StudioClock.EarliestInstantOn(from), StudioClock.InstantAfter(to));

        var sessionQuery = db.Sessions.AsNoTracking()
            .Where(s => s.Date >= from && s.Date <= to && s.StartsAt >= earliest && s.StartsAt < after && (includeCancelled || !s.Cancelled));
        if (userId is not null)
            sessionQuery = sessionQuery.Where(s => s.PhotographerId == userId || s.AssistantId == userId);
        if (resourceId is not null)
            sessionQuery = sessionQuery.Where(s => s.ResourceId == resourceId);
        var sessions = await sessionQuery.Select(s => new SessionRow(s.Id, s.Number, s.ClientId, s.SessionTypeId, s.Description,
                s.Date, s.StartTime, s.EndTime, s.StartsAt, s.EndsAt, s.PhotographerId, s.AssistantId, s.ResourceId, s.LocationId,
                s.Cancelled, s.OnHold, s.Version, s.UpdatedAt))
            .ToListAsync(ct);

        var eventQuery = db.SessionCalendarEvents.AsNoTracking()
            .Where(e => e.Date >= from && e.Date <= to && e.StartsAt >= earliest && e.StartsAt < after);
        if (userId is not null)
            eventQuery = eventQuery.Where(e => e.PhotographerId == userId || e.AssistantId == userId);
        if (resourceId is not null)
            eventQuery = eventQuery.Where(e => e.ResourceId == resourceId);
        var events = await eventQuery
            .Join(db.Sessions.Where(s => includeCancelled || !s.Cancelled), e => e.SessionId, s => s.Id, (e, s) => new
            {
                Event = e,
                Session = new SessionRow(s.Id, s.Number, s.ClientId, s.SessionTypeId, s.Description, s.Date, s.StartTime, s.EndTime,
                    s.StartsAt, s.EndsAt, s.PhotographerId, s.AssistantId, s.ResourceId, s.LocationId, s.Cancelled, s.OnHold, s.Version, s.UpdatedAt),
            })
            .ToListAsync(ct);

        var appointmentQuery = db.Appointments.AsNoTracking()
            .Where(a => a.Date >= from && a.Date <= to && a.StartsAt >= earliest && a.StartsAt < after && (includeCancelled || !a.Cancelled));
        if (userId is not null)
            appointmentQuery = appointmentQuery.Where(a => a.Staff.Any(s => s.UserId == userId));
        if (resourceId is not null)
            appointmentQuery = appointmentQuery.Where(a => a.ResourceId == resourceId);
        var appointments = await appointmentQuery.ToListAsync(ct);

        var titles = await TitlesAsync(sessions.Concat(events.Select(e => e.Session)).DistinctBy(s => s.Id).ToList(), ct);

        var items = new List<CalendarItem>(sessions.Count + events.Count + appointments.Count);
        items.AddRange(sessions.Select(s => new CalendarItem
        {
            Kind = CalendarItem.SessionKind, Id = s.Id, SessionId = s.Id, Title = titles[s.Id],
            Date = s.Date, StartTime = WallClock.FormatTime(s.StartTime), EndTime = WallClock.FormatTime(s.EndTime),
            StartsAt = s.StartsAt, EndsAt = s.EndsAt, UserIds = Staff(s.PhotographerId, s.AssistantId),
            ResourceId = s.ResourceId, LocationId = s.LocationId, Cancelled = s.Cancelled, OnHold = s.OnHold,
            Version = s.Version, UpdatedAt = s.UpdatedAt,
        }));
        items.AddRange(events.Select(x => new CalendarItem
        {
            Kind = CalendarItem.CalendarEventKind, Id = x.Event.Id, SessionId = x.Session.Id,
            Title = x.Event.Description is { } d ? $"{titles[x.Session.Id]} – {d}" : titles[x.Session.Id],
            Date = x.Event.Date, StartTime = WallClock.FormatTime(x.Event.StartTime), EndTime = WallClock.FormatTime(x.Event.EndTime),
            StartsAt = x.Event.StartsAt, EndsAt = x.Event.EndsAt, UserIds = Staff(x.Event.PhotographerId, x.Event.AssistantId),
            ResourceId = x.Event.ResourceId, LocationId = x.Session.LocationId, Cancelled = x.Session.Cancelled, OnHold = x.Session.OnHold,
            Version = x.Event.Version, UpdatedAt = x.Event.UpdatedAt,
        }));
        items.AddRange(appointments.Select(a => new CalendarItem
        {
            Kind = CalendarItem.AppointmentKind, Id = a.Id, SessionId = a.SessionId, Title = a.Title,
            Date = a.Date, StartTime = WallClock.FormatTime(a.StartTime), EndTime = WallClock.FormatTime(a.EndTime),
            StartsAt = a.StartsAt, EndsAt = a.EndsAt, UserIds = a.Staff.Select(s => s.UserId).Order().ToList(),
            ResourceId = a.ResourceId, LocationId = a.LocationId, Cancelled = a.Cancelled, OnHold = false,
            Version = a.Version, UpdatedAt = a.UpdatedAt,
        }));
        return items.OrderBy(i => i.StartsAt).ThenBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Id).ToList();
    }

    static List<long> Staff(long? photographer, long? assistant) => new[] { photographer, assistant }.OfType<long>().Distinct().ToList();

    sealed record SessionRow(long Id, int Number, long ClientId, long? SessionTypeId, string? Description, DateOnly Date,
        TimeOnly StartTime, TimeOnly EndTime, DateTime StartsAt, DateTime EndsAt, long? PhotographerId, long? AssistantId,
        long? ResourceId, long? LocationId, bool Cancelled, bool OnHold, int Version, DateTime UpdatedAt);

    /// <summary>Each session's title from its type's template, looking up the names it needs once per calendar.</summary>
    async Task<Dictionary<long, string>> TitlesAsync(List<SessionRow> sessions, CancellationToken ct)
    {
        // Names of records in the recycle bin still title the sessions that hold them.
        var types = await db.SessionTypes.IgnoreQueryFilters().AsNoTracking()
            .Select(t => new { t.Id, t.Name, t.CalendarTemplate }).ToDictionaryAsync(t => t.Id, ct);
        var userIds = sessions.SelectMany(s => new[] { s.PhotographerId, s.AssistantId }).OfType<long>().Distinct().ToList();
        // Each list is one parameter (EF.Parameter): a parameter per id would have EF prepare new SQL for every count.
        var users = await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => EF.Parameter(userIds).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var resourceIds = sessions.Select(s => s.ResourceId).OfType<long>().Distinct().ToList();
        var resources = await db.Resources.IgnoreQueryFilters().AsNoTracking().Where(r => EF.Parameter(resourceIds).Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var locationIds = sessions.Select(s => s.LocationId).OfType<long>().Distinct().ToList();
        var locations = await db.Locations.IgnoreQueryFilters().AsNoTracking().Where(l => EF.Parameter(locationIds).Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var clientIds = sessions.Select(s => s.ClientId).Distinct().ToList();
        var clients = await db.Clients.IgnoreQueryFilters().AsNoTracking().Where(c => EF.Parameter(clientIds).Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Company })
            .ToDictionaryAsync(c => c.Id, c => ClientName(c.FirstName, c.LastName, c.Company), ct);

        return sessions.ToDictionary(s => s.Id, s =>
        {
            var type = s.SessionTypeId is { } typeId ? types.GetValueOrDefault(typeId) : null;
            return CalendarTemplate.Apply(type?.CalendarTemplate ?? CalendarTemplate.Default, new Dictionary<string, string?>
            {
                ["number"] = s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["client"] = clients.GetValueOrDefault(s.ClientId),
                ["type"] = type?.Name,
                ["photographer"] = s.PhotographerId is { } p ? users.GetValueOrDefault(p) : null,
                ["assistant"] = s.AssistantId is { } a ? users.GetValueOrDefault(a) : null,
                ["resource"] = s.ResourceId is { } r ? resources.GetValueOrDefault(r) : null,
                ["location"] = s.LocationId is { } l ? locations.GetValueOrDefault(l) : null,
                ["description"] = s.Description,
            });
        });
    }

    static string ClientName(string? first, string? last, string? company) =>
        string.Join(" ", new[] { first, last }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : company ?? "";
}
