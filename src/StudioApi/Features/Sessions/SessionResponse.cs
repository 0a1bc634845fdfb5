using StudioApi.Api;
using StudioApi.Scheduling;

namespace StudioApi.Features.Sessions;

public sealed class SessionResponse : RecordResponse
{
    public required int Number { get; init; }
    public string? FileNumber { get; init; }
    public required long ClientId { get; init; }
    public long? SessionTypeId { get; init; }
    public string? Description { get; init; }
    /// <summary>The session's day in the studio's time zone.</summary>
    public required DateOnly Date { get; init; }
    /// <summary>Wall-clock "HH:mm" in the studio's time zone.</summary>
    public required string StartTime { get; init; }
    /// <summary>Wall-clock "HH:mm" in the studio's time zone.</summary>
    public required string EndTime { get; init; }
    /// <summary>The start as an instant (UTC).</summary>
    public required DateTimeOffset StartsAt { get; init; }
    /// <summary>The end as an instant (UTC).</summary>
    public required DateTimeOffset EndsAt { get; init; }
    public long? PhotographerId { get; init; }
    public long? AssistantId { get; init; }
    public long? ResourceId { get; init; }
    public long? LocationId { get; init; }
    /// <summary>Username of whoever created the session.</summary>
    public required string BookedBy { get; init; }
    public required DateTimeOffset BookedOn { get; init; }
    public required bool Reminder { get; init; }
    public required bool Confirmed { get; init; }
    public required bool NoShow { get; init; }
    public required bool Redo { get; init; }
    public required bool OnHold { get; init; }
    public required bool Cancelled { get; init; }
    public long? OrganizationId { get; init; }
    public string? StudentId { get; init; }
    public int? GraduationYear { get; init; }
    public string? YearbookStatus { get; init; }
    public string? SocialContacts { get; init; }
    public int? PartySize { get; init; }
    public string? Guests { get; init; }
    public string? Suppliers { get; init; }
    public required IReadOnlyList<SessionCustomFieldData> CustomFields { get; init; }

    public static SessionResponse From(Session s) => new SessionResponse
    {
        Number = s.Number,
        FileNumber = s.FileNumber,
        ClientId = s.ClientId,
        SessionTypeId = s.SessionTypeId,
        Description = s.Description,
        Date = s.Date,
        StartTime = WallClock.FormatTime(s.StartTime),
        EndTime = WallClock.FormatTime(s.EndTime),
        StartsAt = s.StartsAt,
        EndsAt = s.EndsAt,
        PhotographerId = s.PhotographerId,
        AssistantId = s.AssistantId,
        ResourceId = s.ResourceId,
        LocationId = s.LocationId,
        BookedBy = s.BookedBy,
        BookedOn = s.BookedOn,
        Reminder = s.Reminder,
        Confirmed = s.Confirmed,
        NoShow = s.NoShow,
        Redo = s.Redo,
        OnHold = s.OnHold,
        Cancelled = s.Cancelled,
        OrganizationId = s.OrganizationId,
        StudentId = s.StudentId,
        GraduationYear = s.GraduationYear,
        YearbookStatus = s.YearbookStatus,
        SocialContacts = s.SocialContacts,
        PartySize = s.PartySize,
        Guests = s.Guests,
        Suppliers = s.Suppliers,
        CustomFields = s.CustomFields.Select(f => new SessionCustomFieldData { Label = f.Label, Value = f.Value }).ToList(),
    }.WithAudit(s);
}
