using StudioApi.Persistence;

namespace StudioApi.Features.SessionTypes;

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
    /// <summary>The title of its sessions on calendars and feeds (see <see cref="Features.SessionTypes.CalendarTemplate"/>).</summary>
    public string CalendarTemplate { get; set; } = SessionTypes.CalendarTemplate.Default;
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>An inactive type is hidden from pick lists but stays valid on the sessions that have it.</summary>
    public bool IsActive { get; set; } = true;
}
