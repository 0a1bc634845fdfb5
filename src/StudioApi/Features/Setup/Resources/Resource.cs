using StudioApi.Platform.Persistence;


namespace StudioApi.Features.Setup.Resources;

public enum ResourceKind
{
    CameraRoom,
    Equipment,
    Other,
}

/// <summary>
/// Something a session books besides people: a camera room, a backdrop set, a lighting kit. A setup list; a session
/// that uses a resource makes it busy for its time (see Scheduling/BookingConflicts).
/// </summary>
public sealed class Resource : AuditedRecord
{
    public string Name { get; set; } = "";
    public ResourceKind Kind { get; set; }
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>An inactive resource is hidden from pick lists and cannot be booked anew; existing sessions keep it.</summary>
    public bool IsActive { get; set; } = true;
}
