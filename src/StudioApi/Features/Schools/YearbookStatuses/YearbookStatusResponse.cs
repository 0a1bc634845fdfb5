using StudioApi.Platform.Http;


namespace StudioApi.Features.Schools.YearbookStatuses;

public sealed class YearbookStatusResponse : RecordResponse
{
    public required string Name { get; init; }
    public required int SortOrder { get; init; }
    public required bool IsActive { get; init; }

    public static YearbookStatusResponse From(YearbookStatus t) => new YearbookStatusResponse
    {
        Name = t.Name,
        SortOrder = t.SortOrder,
        IsActive = t.IsActive,
    }.WithAudit(t);
}
