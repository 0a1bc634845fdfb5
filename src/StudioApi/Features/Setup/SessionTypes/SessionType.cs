using StudioApi.Platform.Currencies;
using StudioApi.Platform.Persistence;


namespace StudioApi.Features.Setup.SessionTypes;

/// <summary>Which tabs a session of this type uses: a plain portrait, an organization's picture day, or a social event.</summary>
public enum SessionStyle
{
    Portrait,
    Organization,
    SocialEvent,
}

/// <summary>
/// A kind of photo session (family portrait, senior, school picture day, wedding…). A setup list: every studio gets
/// the common ones (see Seeding/ReferenceData.cs). The sessions issue adds the calendar template, online booking and
/// booking rules.
/// </summary>
public sealed class SessionType : AuditedRecord
{
    public string Name { get; set; } = "";
    public SessionStyle Style { get; set; }
    /// <summary>How long a session of this type lasts unless its end is given.</summary>
    public int DefaultLengthMinutes { get; set; }
    /// <summary>The title of its sessions on calendars and feeds (see <see cref="CalendarTemplate"/>).</summary>
    public string CalendarTemplate { get; set; } = SessionTypes.CalendarTemplate.Default;
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>An inactive type is hidden from pick lists but stays valid on the sessions that have it.</summary>
    public bool IsActive { get; set; } = true;
    /// <summary>Whether clients may book this type themselves through online booking.</summary>
    public bool OnlineBookable { get; set; }
    public BookingRules BookingRules { get; set; } = new();
}

/// <summary>How online bookings of a session type are offered (see Features/OnlineBooking).</summary>
public sealed class BookingRules
{
    /// <summary>Length of a bookable slot; null means the type's default length.</summary>
    public int? SlotMinutes { get; set; }
    /// <summary>Free time the photographer and resource need before a booking (setting up).</summary>
    public int BufferBeforeMinutes { get; set; }
    /// <summary>Free time they need after it (clearing up).</summary>
    public int BufferAfterMinutes { get; set; }
    /// <summary>The earliest bookable start is this many hours from now.</summary>
    public int MinNoticeHours { get; set; } = 24;
    /// <summary>The latest bookable day is this many days from today.</summary>
    public int MaxDaysAhead { get; set; } = 90;
    /// <summary>Who takes online bookings of this type; empty means any active photographer.</summary>
    public List<long> PhotographerIds { get; set; } = [];
    /// <summary>The camera room or other resource every online booking of this type uses, if any.</summary>
    public long? ResourceId { get; set; }
    /// <summary>An online booking pays this deposit by card before it is confirmed: a fixed amount…</summary>
    public Money? DepositAmount { get; set; }
    /// <summary>…or a percentage of the session fee; neither means no deposit.</summary>
    public Rate? DepositPercent { get; set; }
}
