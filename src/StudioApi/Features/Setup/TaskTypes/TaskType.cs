using StudioApi.Platform.Persistence;


namespace StudioApi.Features.Setup.TaskTypes;

/// <summary>
/// A category of customer-service ticket (retouch request, reprint, complaint…), so the studio knows what kind of
/// problems are reported. A setup list: every studio gets the common ones (see Seeding/ReferenceData.cs).
/// </summary>
public sealed class TaskType : AuditedRecord
{
    public string Name { get; set; } = "";
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>An inactive type is hidden from pick lists and not offered for new tasks, but stays valid on the tasks that have it.</summary>
    public bool IsActive { get; set; } = true;
}
