using StudioApi.Platform.Http;


namespace StudioApi.Features.Setup.Resources;

public sealed class ResourceResponse : RecordResponse
{
    public required string Name { get; init; }
    public required ResourceKind Kind { get; init; }
    public required int SortOrder { get; init; }
    public required bool IsActive { get; init; }

    public static ResourceResponse From(Resource r) => new ResourceResponse
    {
        Name = r.Name,
        Kind = r.Kind,
        SortOrder = r.SortOrder,
        IsActive = r.IsActive,
    }.WithAudit(r);
}
