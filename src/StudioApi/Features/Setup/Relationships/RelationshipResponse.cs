using StudioApi.Platform.Http;


namespace StudioApi.Features.Setup.Relationships;

public sealed class RelationshipResponse : RecordResponse
{
    public required string Name { get; init; }
    public required int SortOrder { get; init; }
    public required bool IsActive { get; init; }

    public static RelationshipResponse From(Relationship r) => new RelationshipResponse
    {
        Name = r.Name,
        SortOrder = r.SortOrder,
        IsActive = r.IsActive,
    }.WithAudit(r);
}
