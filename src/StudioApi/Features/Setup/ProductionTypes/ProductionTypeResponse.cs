using StudioApi.Platform.Http;


namespace StudioApi.Features.Setup.ProductionTypes;

public sealed class ProductionTypeResponse : RecordResponse
{
    public required string Name { get; init; }
    public required int SortOrder { get; init; }
    public required bool IsActive { get; init; }

    public static ProductionTypeResponse From(ProductionType t) => new ProductionTypeResponse
    {
        Name = t.Name,
        SortOrder = t.SortOrder,
        IsActive = t.IsActive,
    }.WithAudit(t);
}
