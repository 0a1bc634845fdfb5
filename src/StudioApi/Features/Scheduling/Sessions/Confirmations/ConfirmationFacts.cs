using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Clients.Notes;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Features.Setup.Locations;
using StudioApi.Features.Setup.Resources;
using StudioApi.Features.Scheduling.Sessions.CalendarEvents;
using StudioApi.Features.Setup.SessionTypes;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Workflow;
using StudioApi.Features.Clients;
using StudioApi.Features.Setup;

namespace StudioApi.Features.Scheduling.Sessions.Confirmations;

/// <summary>
/// Everything either confirmation prints about one session, read in one go. Setup records and the client are read
/// past the recycle bin: a confirmation of a live session names its room or photographer even if that was deleted since.
/// </summary>
public sealed class ConfirmationFacts
{
    public required StudioSettings Studio { get; init; }
    public required Session Session { get; init; }
    public required Client Client { get; init; }
    public SessionType? Type { get; init; }
    public Resource? Resource { get; init; }
    public Location? Location { get; init; }
    public Organization? Organization { get; init; }
    /// <summary>Display names of the users the session and its calendar lines name.</summary>
    public required IReadOnlyDictionary<long, string> People { get; init; }
    /// <summary>Names of the resources the calendar lines use (the session's own included).</summary>
    public required IReadOnlyDictionary<long, string> Resources { get; init; }
    /// <summary>The session's extra calendar lines, by start.</summary>
    public required IReadOnlyList<SessionCalendarEvent> CalendarLines { get; init; }
    /// <summary>The session's notes log, oldest first.</summary>
    public required IReadOnlyList<RecordNote> Notes { get; init; }
    /// <summary>Relationship names (son, daughter…) by id, for the participants.</summary>
    public required IReadOnlyDictionary<long, string> Relationships { get; init; }

    /// <summary>The family members taking part, one per line: "Tom Family (son)".</summary>
    public string? Participants() => string.Join("\n", Session.Participants.Select(p =>
            string.Join(" ", new[] { p.FirstName, p.LastName }.OfType<string>())
            + (p.RelationshipId is { } id && Relationships.GetValueOrDefault(id) is { } relation ? $" ({relation.ToLowerInvariant()})" : "")))
        is { Length: > 0 } text ? text : null;

    public string? PersonName(long? id) => id is { } key ? People.GetValueOrDefault(key) : null;
    public string? ResourceName(long? id) => id is { } key ? Resources.GetValueOrDefault(key) : null;

    /// <summary>The studio's time zone (UTC should the database name one this machine does not know).</summary>
    public TimeZoneInfo Zone => TimeZoneInfo.TryFindSystemTimeZoneById(Studio.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public string ClientName => ClientResponse.DisplayNameOf(Client);

    /// <summary>The session's day and wall-clock times: what the client was told, whatever the UTC offset that day.</summary>
    public string When => ConfirmationPage.When(Session.Date, Session.StartTime, Session.EndTime);

    public string TimeZoneNote => $"Times are local time in {Studio.TimeZone}.";

    public bool IsSocialEvent => Type?.Style == SessionStyle.SocialEvent;

    /// <summary>Where the session happens: the outside location, or the studio (and its camera room).</summary>
    public (string Label, string? Value)[] Place() => Location is { } location
        ?
        [
            ("Location", location.Name),
            ("Address", ConfirmationPage.Address(location.Address)),
            ("Directions", location.Notes),
        ]
        :
        [
            ("Location", Resource is { Kind: ResourceKind.CameraRoom } room ? $"{Studio.Name} – {room.Name}" : Studio.Name),
            ("Address", ConfirmationPage.Address(Studio.Address)),
        ];

    /// <summary>The social-event tab, for wedding and party confirmations.</summary>
    public (string Label, string? Value)[] SocialEvent() =>
    [
        ("Contacts", Session.SocialContacts),
        ("Party size", Session.PartySize?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Guests", Session.Guests),
        ("Suppliers", Session.Suppliers),
    ];

    /// <summary>A line in a box for a session that will not happen as booked, or null.</summary>
    public string? Notice => Session.Cancelled ? "This session has been cancelled."
        : Session.OnHold ? "This session is on hold: its time is not reserved."
        : null;

    /// <summary>The facts of a live session; 404 when there is none (or it is in the recycle bin).</summary>
    public static async Task<ConfirmationFacts> ReadAsync(StudioDbContext db, long sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct)
                      ?? throw ApiProblem.NotFound("session", sessionId);
        var studio = await db.GetStudioSettingsAsync(forUpdate: false, ct);
        var client = await db.Clients.IgnoreQueryFilters().AsNoTracking().AsSplitQuery().SingleAsync(c => c.Id == session.ClientId, ct);
        var lines = await db.SessionCalendarEvents.AsNoTracking().Where(e => e.SessionId == session.Id)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id).ToListAsync(ct);
        var notes = await db.RecordNotes.AsNoTracking().Where(n => n.Kind == RecordKind.Session && n.RecordId == session.Id).OrderBy(n => n.Id).ToListAsync(ct);

        var userIds = lines.SelectMany(l => new[] { l.PhotographerId, l.AssistantId })
            .Append(session.PhotographerId).Append(session.AssistantId).OfType<long>().Distinct().ToList();
        var resourceIds = lines.Select(l => l.ResourceId).Append(session.ResourceId).OfType<long>().Distinct().ToList();
        var people = await db.Users.IgnoreQueryFilters().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var resources = await db.Resources.IgnoreQueryFilters().Where(r => resourceIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var relationshipIds = session.Participants.Select(p => p.RelationshipId).OfType<long>().Distinct().ToList();
        var relationships = await db.Relationships.IgnoreQueryFilters().Where(r => relationshipIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);

        return new ConfirmationFacts
        {
            Studio = studio,
            Session = session,
            Client = client,
            Type = session.SessionTypeId is { } typeId
                ? await db.SessionTypes.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(t => t.Id == typeId, ct)
                : null,
            Resource = session.ResourceId is { } resourceId
                ? await db.Resources.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(r => r.Id == resourceId, ct)
                : null,
            Location = session.LocationId is { } locationId
                ? await db.Locations.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(l => l.Id == locationId, ct)
                : null,
            Organization = session.OrganizationId is { } organizationId
                ? await db.Organizations.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct)
                : null,
            People = people,
            Resources = resources,
            CalendarLines = lines,
            Notes = notes,
            Relationships = relationships,
        };
    }
}
