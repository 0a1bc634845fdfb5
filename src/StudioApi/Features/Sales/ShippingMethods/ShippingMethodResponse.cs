using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http;

namespace StudioApi.Features.Sales.ShippingMethods;

public sealed class ShippingMethodResponse : RecordResponse
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required Money Price { get; init; }
    public required int SortOrder { get; init; }
    public required bool IsActive { get; init; }

    public static ShippingMethodResponse From(ShippingMethod m) => new ShippingMethodResponse
    {
        Name = m.Name,
        Description = m.Description,
        Price = m.Price,
        SortOrder = m.SortOrder,
        IsActive = m.IsActive,
    }.WithAudit(m);
}
