using StudioApi.Platform.Persistence;


namespace StudioApi.Features.Setup.ProductionTypes;

/// <summary>
/// A kind of product the studio makes or orders from a lab (prints, frames, albums…). Production orders group an
/// invoice's lines by it, and each type can have its own status workflow. A setup list: every studio gets the common
/// ones (see Seeding/ReferenceData.cs).
/// </summary>
public sealed class ProductionType : AuditedRecord
{
    public string Name { get; set; } = "";
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>An inactive type is hidden from pick lists but stays valid on the records that have it.</summary>
    public bool IsActive { get; set; } = true;
}
