using StudioApi.Persistence;

namespace StudioApi.Features.Sessions;

/// <summary>
/// A booked photo session: the studio's central record. Its time is a date and wall-clock start/end in the studio's
/// time zone; <see cref="StartsAt"/>/<see cref="EndsAt"/> are the same times as UTC instants, kept in step on every
/// write, so overlap checks and calendars compare instants (see Scheduling/StudioClock).
/// </summary>
public sealed class Session : AuditedRecord
{
    /// <summary>Unique among live sessions, assigned as the highest so far (recycle bin included) + 1 unless chosen.</summary>
    public int Number { get; set; }
    /// <summary>Any number the studio tracks sessions by besides the session number.</summary>
    public string? FileNumber { get; set; }
    public long ClientId { get; set; }
    /// <summary>The session type. Not checked against a table yet: session types land with the type lists.</summary>
    public long? SessionTypeId { get; set; }
    public string? Description { get; set; }

    public DateOnly Date { get; set; }
    public TimeOnly StartTime { get; set; }
    public TimeOnly EndTime { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    /// <summary>A <see cref="Users.User"/>.</summary>
    public long? PhotographerId { get; set; }
    /// <summary>A <see cref="Users.User"/>.</summary>
    public long? AssistantId { get; set; }
    /// <summary>A camera room or other <see cref="Resources.Resource"/>; a session is in the studio or at an outside location, not both.</summary>
    public long? ResourceId { get; set; }
    /// <summary>An outside <see cref="Locations.Location"/>.</summary>
    public long? LocationId { get; set; }

    /// <summary>Who booked it (the username of the creating caller) and when: set by the server, never changed.</summary>
    public string BookedBy { get; set; } = "";
    public DateTime BookedOn { get; set; }

    public bool Reminder { get; set; }
    public bool Confirmed { get; set; }
    public bool NoShow { get; set; }
    public bool Redo { get; set; }
    /// <summary>On hold and cancelled sessions do not occupy anyone's time.</summary>
    public bool OnHold { get; set; }
    public bool Cancelled { get; set; }

    // Organization tab.
    public long? OrganizationId { get; set; }
    public string? StudentId { get; set; }
    public int? GraduationYear { get; set; }
    public string? YearbookStatus { get; set; }

    // Social-event tab.
    public string? SocialContacts { get; set; }
    public int? PartySize { get; set; }
    public string? Guests { get; set; }
    public string? Suppliers { get; set; }

    public List<SessionCustomField> CustomFields { get; set; } = [];

    /// <summary>Whether the session occupies its people and resource: not cancelled and not on hold.</summary>
    public bool OccupiesTime => !Cancelled && !OnHold;
}

/// <summary>A studio-defined label and its value on one session.</summary>
public sealed class SessionCustomField
{
    public string Label { get; set; } = "";
    public string? Value { get; set; }
}
