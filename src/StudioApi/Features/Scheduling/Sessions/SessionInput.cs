using FluentValidation;
using StudioApi.Platform.Http.Validation;
using StudioApi.Platform.Time;

namespace StudioApi.Features.Scheduling.Sessions;

/// <summary>The fields of a session a caller sets, shared by create and update (a full replace).</summary>
public abstract class SessionInput
{
    public const int MaxCustomFields = 10;
    public const int MaxParticipants = 20;
    public const int MaxPromotions = 10;

    /// <summary>Omit to get the next free number on create, or to keep the current one on update.</summary>
    public int? Number { get; set; }
    public string? FileNumber { get; set; }
    /// <summary>Id of a live client.</summary>
    public long ClientId { get; set; }
    /// <summary>Id of the session type.</summary>
    public long? SessionTypeId { get; set; }
    public string? Description { get; set; }
    /// <summary>The session's day in the studio's time zone.</summary>
    public DateOnly Date { get; set; }
    /// <summary>Wall-clock "HH:mm" in the studio's time zone. A time skipped by a daylight-saving change is refused; a time repeated by one means its first (daylight-time) occurrence.</summary>
    public string StartTime { get; set; } = "";
    /// <summary>Wall-clock "HH:mm", after the start on the same day. Required until the session type's default length is known.</summary>
    public string? EndTime { get; set; }
    /// <summary>Id of an active user.</summary>
    public long? PhotographerId { get; set; }
    /// <summary>Id of an active user, not the photographer.</summary>
    public long? AssistantId { get; set; }
    /// <summary>Id of an active camera room or other resource; not together with locationId.</summary>
    public long? ResourceId { get; set; }
    /// <summary>Id of an active outside location; not together with resourceId.</summary>
    public long? LocationId { get; set; }
    /// <summary>Remind before the session starts; it fires once, reminderMinutesBefore the start (again only if the session moves).</summary>
    public bool Reminder { get; set; }
    /// <summary>Minutes before the start the reminder fires (default 30).</summary>
    public int? ReminderMinutesBefore { get; set; }
    /// <summary>The session has been confirmed with the client; the status log records who confirmed it and when.</summary>
    public bool Confirmed { get; set; }
    public bool NoShow { get; set; }
    public bool Redo { get; set; }
    /// <summary>An on-hold session does not occupy its people and resource.</summary>
    public bool OnHold { get; set; }
    /// <summary>A cancelled session does not occupy its people and resource.</summary>
    public bool Cancelled { get; set; }
    /// <summary>Book even if the photographer, assistant or resource is busy then (the 409 lists who and when).</summary>
    public bool OverrideConflicts { get; set; }

    /// <summary>Organization tab: id of a live organization.</summary>
    public long? OrganizationId { get; set; }
    public string? StudentId { get; set; }
    public int? GraduationYear { get; set; }
    public string? YearbookStatus { get; set; }

    /// <summary>Social-event tab: who to contact on the day.</summary>
    public string? SocialContacts { get; set; }
    public int? PartySize { get; set; }
    public string? Guests { get; set; }
    public string? Suppliers { get; set; }

    /// <summary>Studio-defined labels and their values, each label once.</summary>
    public List<SessionCustomFieldData>? CustomFields { get; set; }

    /// <summary>Ids of the promotions the session belongs to; a promotion added must be active.</summary>
    public List<long>? PromotionIds { get; set; }

    /// <summary>The client's family members taking part.</summary>
    public List<SessionParticipantData>? Participants { get; set; }

    /// <summary>Online tab: who may see the session's online gallery.</summary>
    public OnlineEventType OnlineEventType { get; set; }
    /// <summary>The code guests enter to see a private event.</summary>
    public string? OnlineEventCode { get; set; }
    public DateOnly? OnlineStartDate { get; set; }
    /// <summary>When the online gallery closes; not before its start.</summary>
    public DateOnly? OnlineExpireDate { get; set; }

    /// <summary>Copies everything but the times, which <see cref="SessionBooking"/> resolves in the studio's time zone.</summary>
    public void ApplyTo(Session session)
    {
        if (Number is { } number)
            session.Number = number;
        session.FileNumber = Clean(FileNumber);
        session.ClientId = ClientId;
        session.SessionTypeId = SessionTypeId;
        session.Description = Clean(Description);
        session.PhotographerId = PhotographerId;
        session.AssistantId = AssistantId;
        session.ResourceId = ResourceId;
        session.LocationId = LocationId;
        session.Reminder = Reminder;
        session.ReminderMinutesBefore = ReminderMinutesBefore ?? Session.DefaultReminderMinutes;
        session.Confirmed = Confirmed;
        session.NoShow = NoShow;
        session.Redo = Redo;
        session.OnHold = OnHold;
        session.Cancelled = Cancelled;
        session.OrganizationId = OrganizationId;
        session.StudentId = Clean(StudentId);
        session.GraduationYear = GraduationYear;
        session.YearbookStatus = Clean(YearbookStatus);
        session.SocialContacts = Clean(SocialContacts);
        session.PartySize = PartySize;
        session.Guests = Clean(Guests);
        session.Suppliers = Clean(Suppliers);
        session.CustomFields = (CustomFields ?? [])
            .Select(f => new SessionCustomField { Label = f.Label.Trim(), Value = Clean(f.Value) }).ToList();
        session.Participants = (Participants ?? [])
            .Select(p => new SessionParticipant { FirstName = Clean(p.FirstName), LastName = Clean(p.LastName), RelationshipId = p.RelationshipId })
            .ToList();
        session.Promotions = (PromotionIds ?? []).Distinct().Select(id => new SessionPromotion { PromotionId = id }).ToList();
        session.OnlineEventType = OnlineEventType;
        session.OnlineEventCode = Clean(OnlineEventCode);
        session.OnlineStartDate = OnlineStartDate;
        session.OnlineExpireDate = OnlineExpireDate;
    }

    static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class SessionCustomFieldData
{
    public string Label { get; set; } = "";
    public string? Value { get; set; }
}

public sealed class SessionParticipantData
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    /// <summary>Id of a relationship (son, daughter, spouse…).</summary>
    public long? RelationshipId { get; set; }
}

public sealed class SessionInputValidator : AbstractValidator<SessionInput>
{
    public SessionInputValidator()
    {
        RuleFor(s => s.Number).GreaterThan(0);
        RuleFor(s => s.FileNumber).MaximumLength(50);
        RuleFor(s => s.ClientId).GreaterThan(0);
        RuleFor(s => s.SessionTypeId).GreaterThan(0);
        RuleFor(s => s.Description).MaximumLength(200);
        RuleFor(s => s.Date).InclusiveBetween(new DateOnly(1900, 1, 1), new DateOnly(2200, 12, 31));
        RuleFor(s => s.StartTime).WallClockTime();
        RuleFor(s => s.EndTime!).WallClockTime()
            .Must((s, end) => !WallClock.IsValid(s.StartTime) || !WallClock.IsValid(end) || WallClock.Parse(s.StartTime) < WallClock.Parse(end))
            .WithMessage("The session must end after it starts, on the same day.")
            .When(s => s.EndTime is not null);
        RuleFor(s => s.PhotographerId).GreaterThan(0);
        RuleFor(s => s.AssistantId).GreaterThan(0);
        RuleFor(s => s.AssistantId).NotEqual(s => s.PhotographerId).When(s => s.PhotographerId is not null)
            .WithMessage("The assistant cannot also be the photographer.");
        RuleFor(s => s.ResourceId).GreaterThan(0);
        RuleFor(s => s.LocationId).GreaterThan(0);
        RuleFor(s => s.LocationId).Null().When(s => s.ResourceId is not null)
            .WithMessage("A session is in a camera room or at an outside location, not both.");
        RuleFor(s => s.OrganizationId).GreaterThan(0);
        RuleFor(s => s.StudentId).MaximumLength(50);
        RuleFor(s => s.GraduationYear).InclusiveBetween(1900, 2200);
        RuleFor(s => s.YearbookStatus).MaximumLength(100);
        RuleFor(s => s.SocialContacts).MaximumLength(2000);
        RuleFor(s => s.PartySize).InclusiveBetween(0, 100_000);
        RuleFor(s => s.Guests).MaximumLength(2000);
        RuleFor(s => s.Suppliers).MaximumLength(2000);
        RuleFor(s => s.CustomFields).MaxItems(SessionInput.MaxCustomFields)
            .Must(f => f is null || f.Select(x => (x.Label ?? "").Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == f.Count)
            .WithMessage("Each custom field label may appear once.");
        RuleForEach(s => s.CustomFields).ChildRules(field =>
        {
            field.RuleFor(f => f.Label).NotEmpty().MaximumLength(50);
            field.RuleFor(f => f.Value).MaximumLength(400);
        });
        RuleFor(s => s.ReminderMinutesBefore).InclusiveBetween(0, 7 * 24 * 60);
        RuleFor(s => s.PromotionIds).MaxItems(SessionInput.MaxPromotions);
        RuleForEach(s => s.PromotionIds).GreaterThan(0);
        RuleFor(s => s.Participants).MaxItems(SessionInput.MaxParticipants);
        RuleForEach(s => s.Participants).ChildRules(participant =>
        {
            participant.RuleFor(p => p.FirstName).MaximumLength(100);
            participant.RuleFor(p => p.LastName).MaximumLength(100);
            participant.RuleFor(p => p.RelationshipId).GreaterThan(0);
            participant.RuleFor(p => p).Must(p => !string.IsNullOrWhiteSpace(p.FirstName) || !string.IsNullOrWhiteSpace(p.LastName))
                .WithName("firstName").WithMessage("A participant needs a first or last name.");
        });
        RuleFor(s => s.OnlineEventType).IsInEnum();
        RuleFor(s => s.OnlineEventCode).MaximumLength(50);
        RuleFor(s => s.OnlineEventCode).NotEmpty().When(s => s.OnlineEventType == OnlineEventType.Private)
            .WithMessage("A private online event needs the event code its guests enter.");
        RuleFor(s => s.OnlineExpireDate).GreaterThanOrEqualTo(s => s.OnlineStartDate)
            .When(s => s.OnlineStartDate is not null && s.OnlineExpireDate is not null)
            .WithMessage("The online gallery cannot expire before it starts.");
    }
}
