using StudioApi.Platform.Persistence;


namespace StudioApi.Features.Schools.YearbookStatuses;

/// <summary>
/// A step of a session's yearbook selection (for example "Awaiting choice", "Chosen", "Approved by school", "Sent to
/// publisher"): the names a session's yearbook status is picked from. An organization may name one to be set
/// automatically whenever a yearbook image is chosen.
/// </summary>
public sealed class YearbookStatus : AuditedRecord
{
    public string Name { get; set; } = "";
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>An inactive status is hidden from pick lists but stays valid on the sessions that have it.</summary>
    public bool IsActive { get; set; } = true;
}
