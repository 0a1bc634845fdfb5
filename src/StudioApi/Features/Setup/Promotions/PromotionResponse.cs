using StudioApi.Platform.Http;


namespace StudioApi.Features.Setup.Promotions;

public sealed class PromotionResponse : RecordResponse
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public required int SortOrder { get; init; }
    public required bool IsActive { get; init; }

    public static PromotionResponse From(Promotion p) => new PromotionResponse
    {
        Name = p.Name,
        Description = p.Description,
        StartDate = p.StartDate,
        EndDate = p.EndDate,
        SortOrder = p.SortOrder,
        IsActive = p.IsActive,
    }.WithAudit(p);
}
