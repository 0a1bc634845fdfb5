using StudioApi.Platform.Persistence;
using StudioApi.Platform.Search;
using StudioApi.Platform.Workflow;


namespace StudioApi.Features.Scheduling.Sessions;

/// <summary>
/// A booked photo session: the studio's central record. Its time is a date and wall-clock start/end in the studio's
/// time zone; <see cref="StartsAt"/>/<see cref="EndsAt"/> are the same times as UTC instants, kept in step on every
/// write, so overlap checks and calendars compare instants (see Scheduling/StudioClock).
/// </summary>
public sealed class Session : AuditedRecord, INumbered, IHasWorkflowStage, ISearchable
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

    /// <summary>A <see cref="Platform.Auth.User"/>.</summary>
    public long? PhotographerId { get; set; }
    /// <summary>A <see cref="Platform.Auth.User"/>.</summary>
    public long? AssistantId { get; set; }
    /// <summary>A camera room or other <see cref="Setup.Resources.Resource"/>; a session is in the studio or at an outside location, not both.</summary>
    public long? ResourceId { get; set; }
    /// <summary>An outside <see cref="Setup.Locations.Location"/>.</summary>
    public long? LocationId { get; set; }

    /// <summary>Who booked it (the username of the creating caller) and when: set by the server, never changed.</summary>
    public string BookedBy { get; set; } = "";
    public DateTime BookedOn { get; set; }

    /// <summary>Remind the photographer and front desk before the session starts (seed: a reminder on the screen).</summary>
    public bool Reminder { get; set; }
    /// <summary>How long before the start the reminder fires.</summary>
    public int ReminderMinutesBefore { get; set; } = DefaultReminderMinutes;
    /// <summary>The instant the reminder fires: an instant, so a daylight-saving change can neither skip nor repeat it. Null without a reminder.</summary>
    public DateTime? ReminderDueAt { get; set; }
    /// <summary>When the reminder fired; set once (see Sessions/Reminders), cleared when the session moves.</summary>
    public DateTime? ReminderFiredAt { get; set; }
    public bool Confirmed { get; set; }
    public bool NoShow { get; set; }
    public bool Redo { get; set; }
    /// <summary>On hold and cancelled sessions do not occupy anyone's time.</summary>
    public bool OnHold { get; set; }
    public bool Cancelled { get; set; }
    /// <summary>
    /// An online booking waiting for its card deposit: held (unconfirmed) until this instant, then released (cancelled)
    /// if the deposit has not been paid. Null once paid, and for every other session.
    /// </summary>
    public DateTime? DepositDueBy { get; set; }

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
    /// <summary>The client's family members taking part (copied from the client's record when booked, editable here).</summary>
    public List<SessionParticipant> Participants { get; set; } = [];
    /// <summary>The promotions the session belongs to (seed: Promotion tab), for analysing which promotions work.</summary>
    public List<SessionPromotion> Promotions { get; set; } = [];

    // Online tab: the session's online gallery.
    public OnlineEventType OnlineEventType { get; set; }
    /// <summary>The code guests enter to see a private event.</summary>
    public string? OnlineEventCode { get; set; }
    public DateOnly? OnlineStartDate { get; set; }
    public DateOnly? OnlineExpireDate { get; set; }

    /// <summary>Where the session is in its session type's workflow (or the general session workflow); changed only through status changes.</summary>
    public long? StatusId { get; set; }
    public StatusDefinition? Status { get; set; }
    public DateTime? StatusChangedAt { get; set; }
    public DateOnly? StatusDate { get; set; }
    public DateOnly? StatusDueDate { get; set; }
    /// <summary>Session statuses may be kept per session type.</summary>
    public long? WorkflowTypeId => SessionTypeId;
    /// <summary>
    /// The session date for which the "change on the session date" status was applied (see Sessions/SessionDateStatus),
    /// so the daily job moves each session once per date, and again only if it is moved to another day.
    /// </summary>
    public DateOnly? SessionDateStatusAppliedFor { get; set; }

    public const int DefaultReminderMinutes = 30;

    public int SearchIndexVersion { get; set; }

    /// <summary>The terms a session is found by besides its number and its client: the words of its description and its file number.</summary>
    public IEnumerable<string> IndexText() => SearchText.Words(Description).Concat(SearchText.NameTerms(FileNumber));

    /// <summary>Whether the session occupies its people and resource: not cancelled and not on hold.</summary>
    public bool OccupiesTime => !Cancelled && !OnHold;

    /// <summary>
    /// Sets when the reminder fires from the start and the reminder fields. A reminder whose time changes (the session
    /// moved, or the minutes changed) fires again at its new time; one that already fired for this time does not.
    /// Cancelled and on-hold sessions do not remind.
    /// </summary>
    public void ScheduleReminder()
    {
        DateTime? due = Reminder && OccupiesTime ? StartsAt.AddMinutes(-ReminderMinutesBefore) : null;
        if (due == ReminderDueAt)
            return;
        ReminderDueAt = due;
        ReminderFiredAt = null;
    }
}

/// <summary>A term a session is found by (see <see cref="Session.IndexText"/>).</summary>
public sealed class SessionSearchTerm : SearchTerm<Session>;

/// <summary>How a session's online gallery is shown (seed: InSpiredByYou event type).</summary>
public enum OnlineEventType
{
    /// <summary>Only the client and guests they invite.</summary>
    None,
    /// <summary>Anyone with the event code.</summary>
    Private,
    /// <summary>Anyone, searchable by event date.</summary>
    Public,
}

/// <summary>A session's membership of one <see cref="Setup.Promotions.Promotion"/>.</summary>
public sealed class SessionPromotion
{
    public long PromotionId { get; set; }
}

/// <summary>A family member of the client taking part in the session.</summary>
public sealed class SessionParticipant
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    /// <summary>A <see cref="Setup.Relationships.Relationship"/> (son, daughter, spouse…).</summary>
    public long? RelationshipId { get; set; }
}

/// <summary>A studio-defined label and its value on one session.</summary>
public sealed class SessionCustomField
{
    public string Label { get; set; } = "";
    public string? Value { get; set; }
}
