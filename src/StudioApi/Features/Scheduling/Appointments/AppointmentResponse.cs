using StudioApi.Platform.Http;
using StudioApi.Platform.Time;


namespace StudioApi.Features.Scheduling.Appointments;

public sealed class AppointmentResponse : RecordResponse
{
    public long? ClientId { get; init; }
    public required string Title { get; init; }
    /// <summary>The day in the studio's time zone.</summary>
    public required DateOnly Date { get; init; }
    /// <summary>Wall-clock "HH:mm" in the studio's time zone.</summary>
    public required string StartTime { get; init; }
    /// <summary>Wall-clock "HH:mm" in the studio's time zone.</summary>
    public required string EndTime { get; init; }
    /// <summary>The start as an instant (UTC).</summary>
    public required DateTimeOffset StartsAt { get; init; }
    /// <summary>The end as an instant (UTC).</summary>
    public required DateTimeOffset EndsAt { get; init; }
    public required IReadOnlyList<long> UserIds { get; init; }
    public long? ResourceId { get; init; }
    public long? LocationId { get; init; }
    public string? Notes { get; init; }
    /// <summary>The session it was made from, if any.</summary>
    public long? SessionId { get; init; }
    public required bool Cancelled { get; init; }

    public static AppointmentResponse From(Appointment a) => new AppointmentResponse
    {
        ClientId = a.ClientId,
        Title = a.Title,
        Date = a.Date,
        StartTime = WallClock.FormatTime(a.StartTime),
        EndTime = WallClock.FormatTime(a.EndTime),
        StartsAt = a.StartsAt,
        EndsAt = a.EndsAt,
        UserIds = a.Staff.Select(s => s.UserId).Order().ToList(),
        ResourceId = a.ResourceId,
        LocationId = a.LocationId,
        Notes = a.Notes,
        SessionId = a.SessionId,
        Cancelled = a.Cancelled,
    }.WithAudit(a);
}
