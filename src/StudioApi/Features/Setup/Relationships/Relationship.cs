using StudioApi.Platform.Persistence;


namespace StudioApi.Features.Setup.Relationships;

/// <summary>
/// How a family member relates to a client (mother, spouse…) or, for a business, how a contact relates to it.
/// A setup list: every studio gets the common ones (see Seeding/ReferenceData.cs) and may add its own.
/// </summary>
public sealed class Relationship : AuditedRecord
{
    public string Name { get; set; } = "";
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>An inactive relationship is hidden from pick lists but stays valid on the family members that use it.</summary>
    public bool IsActive { get; set; } = true;
}
