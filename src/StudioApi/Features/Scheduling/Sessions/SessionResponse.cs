using StudioApi.Platform.Http;
using StudioApi.Platform.Time;
using StudioApi.Platform.Workflow;


namespace StudioApi.Features.Scheduling.Sessions;

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
    public required int ReminderMinutesBefore { get; init; }
    /// <summary>When the reminder fires (UTC); null without a reminder.</summary>
    public DateTimeOffset? ReminderDueAt { get; init; }
    /// <summary>When it fired, once.</summary>
    public DateTimeOffset? ReminderFiredAt { get; init; }
    public required bool Confirmed { get; init; }
    public required bool NoShow { get; init; }
    public required bool Redo { get; init; }
    public required bool OnHold { get; init; }
    public required bool Cancelled { get; init; }
    /// <summary>An online booking waiting for its card deposit: released (cancelled) at this instant unless paid by then.</summary>
    public DateTimeOffset? DepositDueBy { get; init; }
    public long? OrganizationId { get; init; }
    public string? StudentId { get; init; }
    public int? GraduationYear { get; init; }
    public string? YearbookStatus { get; init; }
    public string? SocialContacts { get; init; }
    public int? PartySize { get; init; }
    public string? Guests { get; init; }
    public string? Suppliers { get; init; }
    public required IReadOnlyList<SessionCustomFieldData> CustomFields { get; init; }
    public required IReadOnlyList<SessionParticipantData> Participants { get; init; }
    public required IReadOnlyList<long> PromotionIds { get; init; }
    public required OnlineEventType OnlineEventType { get; init; }
    public string? OnlineEventCode { get; init; }
    public DateOnly? OnlineStartDate { get; init; }
    public DateOnly? OnlineExpireDate { get; init; }
    /// <summary>Where the session is in its workflow; null when the session workflow has no statuses.</summary>
    public RecordStatusResponse? Status { get; init; }

    /// <param name="s">The session, with its <see cref="Session.Status"/> loaded.</param>
    /// <param name="today">The studio's today, which decides whether the status is overdue.</param>
    public static SessionResponse From(Session s, DateOnly today) => new SessionResponse
    {
        Status = RecordStatusResponse.From(s, s.Status, today),
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
        ReminderMinutesBefore = s.ReminderMinutesBefore,
        ReminderDueAt = s.ReminderDueAt,
        ReminderFiredAt = s.ReminderFiredAt,
        Confirmed = s.Confirmed,
        NoShow = s.NoShow,
        Redo = s.Redo,
        OnHold = s.OnHold,
        Cancelled = s.Cancelled,
        DepositDueBy = s.DepositDueBy,
        OrganizationId = s.OrganizationId,
        StudentId = s.StudentId,
        GraduationYear = s.GraduationYear,
        YearbookStatus = s.YearbookStatus,
        SocialContacts = s.SocialContacts,
        PartySize = s.PartySize,
        Guests = s.Guests,
        Suppliers = s.Suppliers,
        CustomFields = s.CustomFields.Select(f => new SessionCustomFieldData { Label = f.Label, Value = f.Value }).ToList(),
        Participants = s.Participants
            .Select(p => new SessionParticipantData { FirstName = p.FirstName, LastName = p.LastName, RelationshipId = p.RelationshipId }).ToList(),
        PromotionIds = s.Promotions.Select(p => p.PromotionId).ToList(),
        OnlineEventType = s.OnlineEventType,
        OnlineEventCode = s.OnlineEventCode,
        OnlineStartDate = s.OnlineStartDate,
        OnlineExpireDate = s.OnlineExpireDate,
    }.WithAudit(s);
}
