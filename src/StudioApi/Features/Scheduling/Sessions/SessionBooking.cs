using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Booking;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Time;
using StudioApi.Features.Clients;
using StudioApi.Features.Setup;

namespace StudioApi.Features.Scheduling.Sessions;

/// <summary>
/// What creating or changing a session checks besides its fields: its times in the studio's time zone, the records
/// it refers to, and that nobody it books is double-booked.
/// </summary>
public sealed class SessionBooking(StudioDbContext db)
{
    /// <summary>
    /// Field errors for times that do not resolve and references to records that do not exist or may not be booked.
    /// A reference the session already holds stays acceptable, so a session whose photographer left can still be edited.
    /// </summary>
    public async Task<List<(string Field, string Message)>> CheckAsync(SessionInput input, Session? current, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (input.ClientId != current?.ClientId && !await db.Clients.AnyAsync(c => c.Id == input.ClientId, ct))
            errors.Add(("clientId", $"There is no client {input.ClientId}."));
        if (await SessionTypeDefaults.CheckAsync(db, input.SessionTypeId, current?.SessionTypeId, ct) is { } typeError)
            errors.Add(("sessionTypeId", typeError));
        await CheckUserAsync(errors, "photographerId", input.PhotographerId, current?.PhotographerId, current?.AssistantId, ct);
        await CheckUserAsync(errors, "assistantId", input.AssistantId, current?.AssistantId, current?.PhotographerId, ct);
        if (input.ResourceId is { } resourceId && resourceId != current?.ResourceId
            && !await db.Resources.AnyAsync(r => r.Id == resourceId && r.IsActive, ct))
            errors.Add(("resourceId", $"There is no active resource {resourceId}."));
        if (input.LocationId is { } locationId && locationId != current?.LocationId
            && !await db.Locations.AnyAsync(l => l.Id == locationId && l.IsActive, ct))
            errors.Add(("locationId", $"There is no active outside location {locationId}."));
        if (input.OrganizationId is { } organizationId && organizationId != current?.OrganizationId
            && !await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
            errors.Add(("organizationId", $"There is no organization {organizationId}."));
        if (input.CustomFields is { Count: > 0 } fields)
        {
            var labels = (await db.GetStudioSettingsAsync(forUpdate: false, ct)).SessionCustomLabels;
            // A label the session already has stays acceptable after the studio drops it from the list.
            var heldLabels = current?.CustomFields.Select(f => f.Label) ?? [];
            for (var i = 0; i < fields.Count; i++)
                if (labels.Count > 0 && !labels.Concat(heldLabels).Contains(fields[i].Label.Trim(), StringComparer.OrdinalIgnoreCase))
                    errors.Add(($"customFields[{i}].label",
                        $"'{fields[i].Label.Trim()}' is not one of the studio's session custom labels (settings: sessionCustomLabels): {string.Join(", ", labels)}."));
        }
        var promotionIds = input.PromotionIds ?? [];
        var heldPromotions = current?.Promotions.Select(p => p.PromotionId).ToHashSet() ?? [];
        var newPromotions = promotionIds.Where(id => !heldPromotions.Contains(id)).Distinct().ToList();
        if (newPromotions.Count > 0)
        {
            // A promotion the session already belongs to stays acceptable after it ends or is made inactive.
            var active = await db.Promotions.Where(p => newPromotions.Contains(p.Id) && p.IsActive).Select(p => p.Id).ToListAsync(ct);
            for (var i = 0; i < promotionIds.Count; i++)
                if (!heldPromotions.Contains(promotionIds[i]) && !active.Contains(promotionIds[i]))
                    errors.Add(($"promotionIds[{i}]", $"There is no active promotion {promotionIds[i]}."));
        }
        var participants = input.Participants ?? [];
        var held = current?.Participants.Select(p => p.RelationshipId).ToHashSet() ?? [];
        var wanted = participants.Select(p => p.RelationshipId).OfType<long>().Where(id => !held.Contains(id)).Distinct().ToList();
        if (wanted.Count > 0)
        {
            var known = await db.Relationships.Where(r => wanted.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
            for (var i = 0; i < participants.Count; i++)
                if (participants[i].RelationshipId is { } id && !held.Contains(id) && !known.Contains(id))
                    errors.Add(($"participants[{i}].relationshipId", $"There is no relationship {id}."));
        }
        return errors;
    }

    async Task CheckUserAsync(List<(string, string)> errors, string field, long? wanted, long? held, long? heldOtherRole, CancellationToken ct)
    {
        if (wanted is not { } id || id == held || id == heldOtherRole)
            return;
        if (!await db.Users.AnyAsync(u => u.Id == id && u.IsActive, ct))
            errors.Add((field, $"There is no active user {id}."));
    }

    /// <summary>
    /// Sets the session's date, wall-clock times and UTC instants from the input, or returns the field errors of times
    /// that cannot be booked (skipped by a daylight-saving change; no end time and no known default length).
    /// </summary>
    public async Task<List<(string Field, string Message)>> ResolveTimesAsync(SessionInput input, Session session, CancellationToken ct)
    {
        var start = WallClock.Parse(input.StartTime);
        var end = input.EndTime is not null
            ? WallClock.Parse(input.EndTime)
            : EndAfter(start, await SessionTypeDefaults.DefaultLengthMinutesAsync(db, input.SessionTypeId, ct));
        if (end is null)
            return [("endTime", "Give the end time: the session type's default length is not known (or runs past midnight).")];

        var (time, errors) = await BookedTime.ResolveAsync(db, input.Date, start, end.Value, ct);
        if (time is { } booked)
            (session.Date, session.StartTime, session.EndTime, session.StartsAt, session.EndsAt) =
                (booked.Date, booked.StartTime, booked.EndTime, booked.StartsAt, booked.EndsAt);
        return errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
    }

    /// <summary>The end of a session of the given length, or null when the length is unknown or runs past midnight.</summary>
    static TimeOnly? EndAfter(TimeOnly start, int? minutes)
    {
        if (minutes is not { } length || length <= 0)
            return null;
        var end = start.AddMinutes(length, out var wrappedDays);
        return wrappedDays == 0 ? end : null;
    }

    /// <summary>The lock keys of everyone and everything the session occupies (see <see cref="BookingLock"/>).</summary>
    public static IEnumerable<string> LockKeys(Session session)
    {
        if (session.PhotographerId is { } photographer)
            yield return BookingLock.ForUser(photographer);
        if (session.AssistantId is { } assistant)
            yield return BookingLock.ForUser(assistant);
        if (session.ResourceId is { } resource)
            yield return BookingLock.ForResource(resource);
    }

    /// <summary>
    /// Other live sessions, calendar events and appointments that occupy the same person (whatever their role) or
    /// resource at an overlapping time (see <see cref="BookingConflicts"/>).
    /// </summary>
    public async Task<List<SessionConflict>> FindConflictsAsync(Session session, CancellationToken ct) =>
        session.OccupiesTime ? await BookingConflicts.FindAsync(db, Occupied(session), ct) : [];

    /// <summary>
    /// Live sessions that occupy any of the people (whatever their role) or the resource at some time in [from, to):
    /// the query behind bulk scheduling and the online-booking busy times
    /// (single bookings go through <see cref="BookingConflicts"/>, which also sees calendar events and appointments).
    /// </summary>
    public static IQueryable<Session> Occupying(StudioDbContext db, IReadOnlyCollection<long?> people, long? resourceId, DateTime from, DateTime to)
    {
        // Bounds the index range of starts (see StudioClock.EarliestStartOverlapping).
        var earliest = StudioClock.EarliestStartOverlapping(from);
        return db.Sessions.AsNoTracking()
            .Where(s => !s.Cancelled && !s.OnHold
                        && s.StartsAt < to && s.StartsAt > earliest && from < s.EndsAt
                        && (people.Contains(s.PhotographerId) || people.Contains(s.AssistantId)
                            || (resourceId != null && s.ResourceId == resourceId)));
    }

    /// <summary>An existing session as a conflict of a booking of these people and resource.</summary>
    public static SessionConflict Describe(Session s, IReadOnlyCollection<long?> people, long? resourceId) => new()
    {
        SessionId = s.Id,
        Number = s.Number,
        Date = s.Date,
        StartTime = WallClock.FormatTime(s.StartTime),
        EndTime = WallClock.FormatTime(s.EndTime),
        StartsAt = s.StartsAt,
        EndsAt = s.EndsAt,
        BusyUserIds = people.Where(p => p == s.PhotographerId || p == s.AssistantId).Select(p => p!.Value).Distinct().ToList(),
        BusyResourceId = resourceId is not null && s.ResourceId == resourceId ? resourceId : null,
    };

    /// <summary>What the session occupies when it is active.</summary>
    public static Occupancy Occupied(Session s) => new(Occupancy.SessionKind, s.Id, s.StartsAt, s.EndsAt,
        new[] { s.PhotographerId, s.AssistantId }.OfType<long>().Distinct().ToList(), s.ResourceId);

    public static ApiProblem ConflictProblem(List<SessionConflict> conflicts) =>
        ApiProblem.Conflict(
            $"The photographer, assistant or resource is already booked at that time by {conflicts.Count} session(s), calendar event(s) or appointment(s): see conflicts. "
            + "Send overrideConflicts: true to book anyway.",
            new Dictionary<string, object?> { ["conflicts"] = conflicts });
}

/// <summary>A session, calendar event or appointment that already occupies someone or something a booking wants.</summary>
public sealed class SessionConflict
{
    /// <summary>session, calendarEvent or appointment.</summary>
    public string Kind { get; init; } = Occupancy.SessionKind;
    /// <summary>The session (of a calendar event; of an appointment made from a session).</summary>
    public long? SessionId { get; init; }
    public long? CalendarEventId { get; init; }
    public long? AppointmentId { get; init; }
    /// <summary>The session's number, for sessions and their calendar events.</summary>
    public int? Number { get; init; }
    public required DateOnly Date { get; init; }
    public required string StartTime { get; init; }
    public required string EndTime { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    /// <summary>The people of the booking this session already occupies, whatever their role in either session.</summary>
    public required IReadOnlyList<long> BusyUserIds { get; init; }
    /// <summary>The booking's resource, when this session already occupies it.</summary>
    public long? BusyResourceId { get; init; }
}
