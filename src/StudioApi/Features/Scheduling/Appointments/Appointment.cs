using StudioApi.Platform.Persistence;


namespace StudioApi.Features.Scheduling.Appointments;

/// <summary>
/// A calendar item that is not a session: a consultation, a sales appointment, a viewing. Times work as a session's
/// (wall-clock in the studio's zone plus UTC instants) and its staff and resource are double-booking checked against
/// sessions, their calendar events and other appointments. Linked to a session only when made from one.
/// </summary>
public sealed class Appointment : AuditedRecord
{
    public long? ClientId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly Date { get; set; }
    public TimeOnly StartTime { get; set; }
    public TimeOnly EndTime { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    /// <summary>The staff attending.</summary>
    public List<AppointmentStaff> Staff { get; set; } = [];
    public long? ResourceId { get; set; }
    public long? LocationId { get; set; }
    public string? Notes { get; set; }
    /// <summary>Set only when the appointment was made from a session (POST /sessions/{id}/appointments).</summary>
    public long? SessionId { get; set; }
    /// <summary>A cancelled appointment stays on record but frees its time.</summary>
    public bool Cancelled { get; set; }
}

/// <summary>A user attending an appointment.</summary>
public sealed class AppointmentStaff
{
    public long UserId { get; set; }
}
