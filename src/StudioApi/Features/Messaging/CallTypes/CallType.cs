using StudioApi.Platform.Persistence;


namespace StudioApi.Features.Messaging.CallTypes;

/// <summary>
/// What a call is for (follow-up, order reminder, schedule a session…; seed: Maintenance > Call Types), so the calls
/// to make can be sorted and counted. A setup list of Messaging's: every studio gets the common ones (see
/// Seeding/MessagingReferenceData.cs).
/// </summary>
public sealed class CallType : AuditedRecord
{
    public string Name { get; set; } = "";
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>An inactive type is hidden from pick lists and not offered for new calls, but stays valid on the calls that have it.</summary>
    public bool IsActive { get; set; } = true;
}
