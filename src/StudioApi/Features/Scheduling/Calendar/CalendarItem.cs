using System.ComponentModel.DataAnnotations;

namespace StudioApi.Features.Scheduling.Calendar;

/// <summary>One entry of a calendar: a session, an extra line of a session's advanced calendar, or an appointment.</summary>
public sealed class CalendarItem
{
    public const string SessionKind = Booking.Occupancy.SessionKind;
    public const string CalendarEventKind = Booking.Occupancy.CalendarEventKind;
    public const string AppointmentKind = Booking.Occupancy.AppointmentKind;

    /// <summary>session, calendarEvent or appointment.</summary>
    [MaxLength(20)]
    public required string Kind { get; init; }
    /// <summary>The id of the session, calendar event or appointment (see kind).</summary>
    public required long Id { get; init; }
    /// <summary>The session of a session or calendar event; of an appointment made from a session.</summary>
    public long? SessionId { get; init; }
    /// <summary>For sessions and their events: the session type's calendar template applied; for appointments their title.</summary>
    [MaxLength(400)]
    public required string Title { get; init; }
    /// <summary>The day in the studio's time zone.</summary>
    public required DateOnly Date { get; init; }
    /// <summary>Wall-clock "HH:mm" in the studio's time zone.</summary>
    [MaxLength(5)]
    public required string StartTime { get; init; }
    /// <summary>Wall-clock "HH:mm" in the studio's time zone.</summary>
    [MaxLength(5)]
    public required string EndTime { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    /// <summary>The staff it occupies (photographer and assistant of a session or event; attendees of an appointment).</summary>
    [MaxLength(10)]
    public required IReadOnlyList<long> UserIds { get; init; }
    public long? ResourceId { get; init; }
    public long? LocationId { get; init; }
    public required bool Cancelled { get; init; }
    public required bool OnHold { get; init; }
    /// <summary>The version of the record (the session's for a session); feeds use it as the event's SEQUENCE.</summary>
    public required int Version { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}
