using System.ComponentModel.DataAnnotations;
using StudioApi.Platform.Time;

namespace StudioApi.Features.Scheduling.Sessions.CalendarEvents;

/// <summary>One line of a session's advanced calendar.</summary>
public sealed class SessionCalendarEventResponse
{
    /// <summary>The line's id; 0 for the primary line, which is the session's own date, times, staff and resource.</summary>
    public required long Id { get; init; }
    public required long SessionId { get; init; }
    /// <summary>The primary line mirrors the session: change it through the session; it cannot be deleted.</summary>
    public required bool Primary { get; init; }
    public required DateOnly Date { get; init; }
    [MaxLength(5)]
    public required string StartTime { get; init; }
    [MaxLength(5)]
    public required string EndTime { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public long? PhotographerId { get; init; }
    public long? AssistantId { get; init; }
    public long? ResourceId { get; init; }
    [MaxLength(200)]
    public string? Description { get; init; }
    /// <summary>The line's version (the session's for the primary line): send it as If-Match to change or delete the line.</summary>
    public required int Version { get; init; }

    public static SessionCalendarEventResponse From(SessionCalendarEvent e) => new()
    {
        Id = e.Id, SessionId = e.SessionId, Primary = false, Date = e.Date,
        StartTime = WallClock.FormatTime(e.StartTime), EndTime = WallClock.FormatTime(e.EndTime), StartsAt = e.StartsAt, EndsAt = e.EndsAt,
        PhotographerId = e.PhotographerId, AssistantId = e.AssistantId, ResourceId = e.ResourceId, Description = e.Description, Version = e.Version,
    };

    public static SessionCalendarEventResponse PrimaryOf(Session s) => new()
    {
        Id = 0, SessionId = s.Id, Primary = true, Date = s.Date,
        StartTime = WallClock.FormatTime(s.StartTime), EndTime = WallClock.FormatTime(s.EndTime), StartsAt = s.StartsAt, EndsAt = s.EndsAt,
        PhotographerId = s.PhotographerId, AssistantId = s.AssistantId, ResourceId = s.ResourceId, Description = s.Description, Version = s.Version,
    };
}

public sealed class SessionCalendarEventList
{
    /// <summary>The primary line first, then the others by start.</summary>
    [MaxLength(SessionCalendarEventEndpoints.MaxLines)]
    public required IReadOnlyList<SessionCalendarEventResponse> Items { get; init; }
}
