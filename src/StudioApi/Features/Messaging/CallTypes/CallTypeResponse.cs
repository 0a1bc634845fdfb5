using StudioApi.Platform.Http;


namespace StudioApi.Features.Messaging.CallTypes;

public sealed class CallTypeResponse : RecordResponse
{
    public required string Name { get; init; }
    public required int SortOrder { get; init; }
    public required bool IsActive { get; init; }

    public static CallTypeResponse From(CallType t) => new CallTypeResponse
    {
        Name = t.Name,
        SortOrder = t.SortOrder,
        IsActive = t.IsActive,
    }.WithAudit(t);
}
